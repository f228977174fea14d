using System.Text.RegularExpressions;
using Imi.Domain.Requests;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Localization;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// Every page under the pseudo-language, in which every catalogue text reads ⟦Ŝéñţéñçé⟧: a visible text, an
/// <c>aria-label</c>, a <c>title</c>, a <c>placeholder</c> or an <c>alt</c> that is not wrapped is a literal
/// that escaped the catalogue, unless it is data (inside an element marked <c>translate="no"</c>: names,
/// references, what users wrote) or has no letters at all (a number, a date in digits).
/// </summary>
public class PseudoLanguageTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task SignInPages_HaveNoTextOutsideTheCatalogue()
    {
        var page = await PseudoPageAsync();
        var problems = new List<string>();
        foreach (var path in new[] { "account/sign-in", "account/signed-out", "not-found", "error", "dev/inbox" })
            problems.AddRange(await UntranslatedOnAsync(page, path));

        await SignInJourney.EnterPasswordAsync(page, "demo.de.handler", DemoNetwork.Password);
        await page.WaitForURLAsync(new Regex("account/security-code"));
        problems.AddRange(await UntranslatedHereAsync(page));

        // A wrong password: the error message too.
        await SignInJourney.EnterPasswordAsync(page, "demo.de.handler", "not-the-password");
        await page.Locator("[role=alert]").First.WaitForAsync();
        problems.AddRange(await UntranslatedHereAsync(page));
        Assert.True(problems.Count == 0, "Texts outside the catalogue:\n" + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task TheFirstSignIn_WithItsValidationMessages_HasNoTextOutsideTheCatalogue()
    {
        var mail = await Eventually.ReturnsAsync(
            () => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("aisling.kennedy@dentalcouncil.demo.ie")),
            timeout: TimeSpan.FromSeconds(20), what: "the temporary-password e-mail of the Dental Council's first user");
        var temporary = Regex.Match(mail.Text, "[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}").Value;
        var page = await PseudoPageAsync();
        await SignInJourney.EnterPasswordAsync(page, DemoNetwork.NewFirstUsername, temporary);
        await page.WaitForURLAsync(new Regex("account/first-sign-in"));
        var problems = new List<string>(await UntranslatedHereAsync(page));

        // Too short and not the same twice: the messages next to the fields too.
        await page.FillAsync("#new-password", "short");
        await page.FillAsync("#confirm-password", "other");
        await page.FillAsync("#security-code", "1234");
        await page.FillAsync("#confirm-code", "5678");
        await page.ClickAsync("[data-testid=credentials-submit]");
        await page.Locator(".validation-message, [role=alert]").First.WaitForAsync();
        problems.AddRange(await UntranslatedHereAsync(page));
        Assert.True(problems.Count == 0, "Texts outside the catalogue:\n" + string.Join("\n", problems.Distinct()));
    }

    [Theory]
    [InlineData("demo.de.architects")]   // a competent authority's all-rights user: handler, allocator, local data administrator
    [InlineData("demo.de.coordinator")]  // a national coordinator: coordinated authorities, oversight, steps 13–15
    [InlineData("demo.translator")]      // the Commission's translator
    public async Task EveryPageOfAUser_HasNoTextOutsideTheCatalogue(string username)
    {
        var page = await PseudoPageAsync();
        await SignInJourney.SignInAsync(page, username, DemoNetwork.Password, DemoNetwork.SecurityCode);
        await UsePseudoLanguageAsync(page); // sign-in set the user's preferred language

        var problems = new List<string>();
        foreach (var path in await PagesOfAsync(username))
            problems.AddRange(await UntranslatedOnAsync(page, path));
        Assert.True(problems.Count == 0, $"Texts outside the catalogue for {username}:\n" + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task TheAllocationBoard_AndItsCapacityAndAbsenceForm_HaveNoTextOutsideTheCatalogue()
    {
        // No demo authority allocates: the Bavarian chamber switches it on for Professional Qualifications.
        await using (var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName)))
            await Imi.Tests.Infrastructure.Requests.AllocationOn.SwitchOnAsync(services);
        var page = await PseudoPageAsync();
        await SignInJourney.SignInAsync(page, "demo.de.allocator", DemoNetwork.Password, DemoNetwork.SecurityCode);
        await UsePseudoLanguageAsync(page);

        var problems = new List<string>(await UntranslatedOnAsync(page, "requests/allocation"));
        Assert.True(await page.Locator("[data-testid=load]").CountAsync() > 1, "the board shows the chamber's handlers");
        await page.Locator("[data-testid=arrange]").First.ClickAsync();
        await page.Locator("[data-testid=arrange-save]").WaitForAsync();
        problems.AddRange((await UntranslatedHereAsync(page)).Select(p => "/requests/allocation, capacity and absence: " + p));
        Assert.True(problems.Count == 0, "Texts outside the catalogue:\n" + string.Join("\n", problems.Distinct()));
    }

    private async Task<IReadOnlyList<string>> PagesOfAsync(string username)
    {
        await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName));
        await using var db = await services.DbAsync();
        var user = await db.ImiUsers.SingleAsync(u => u.Username == username);
        var pages = new List<string> { "", "search", "requests", "profile", $"authorities/{user.AuthorityId}", "performance", "performance/urgent" };
        if (username == "demo.translator")
            return [.. pages, "translations"];

        // One exchange of the authority in each state it has one in: each state shows other steps.
        var exchanges = await db.Requests
            .Where(r => r.RequestingAuthorityId == user.AuthorityId || r.RespondingAuthorityId == user.AuthorityId)
            .Select(r => new { r.Id, r.Status }).ToListAsync();
        pages.AddRange(exchanges.GroupBy(r => r.Status).Select(g => $"requests/{g.First().Id}"));
        pages.AddRange(["setup", "administration/users", .. Enumerable.Range(1, 15).Select(n => $"setup/step/{n}")]);
        if (username == "demo.de.coordinator")
        {
            var coordinated = await db.Authorities.Where(a => a.CoordinatorId == user.AuthorityId).Select(a => a.Id).FirstAsync();
            pages.AddRange(["coordination/authorities", $"coordination/authorities/{coordinated}", "coordination/network", "coordination/register", "coordination/keyword-requests"]);
        }
        else
            pages.AddRange(["requests/new", "requests/allocation"]);
        return pages;
    }

    private async Task<IPage> PseudoPageAsync()
    {
        var page = await Browser.NewPageAsync(server);
        await UsePseudoLanguageAsync(page);
        return page;
    }

    private async Task UsePseudoLanguageAsync(IPage page)
    {
        var culture = PortalLanguages.CultureOf(PortalLanguages.Pseudo).Name;
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".imi.language", Value = $"c={culture}|uic={culture}", Url = server.BaseAddress.ToString(),
        }]);
    }

    private static async Task<IEnumerable<string>> UntranslatedOnAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        if (await page.Locator(".mud-layout").CountAsync() > 0) // the portal's interactive shell, not a static sign-in page
            await page.WaitForCircuitAsync();
        // The page has rendered its data when no progress indicator is left.
        await Assertions.Expect(page.Locator(".mud-progress-linear, .mud-progress-circular")).ToHaveCountAsync(0);
        return (await UntranslatedHereAsync(page)).Select(p => $"/{path}: {p}");
    }

    /// <summary>Texts and attributes on the page as it is now that are neither ⟦catalogue⟧ nor data nor letter-free.</summary>
    private static async Task<string[]> UntranslatedHereAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const letters = /\p{L}/u;
              // Nested catalogue texts (a status name inside a sentence) are removed from the inside out.
              const strip = s => { let t = s, before; do { before = t; t = t.replace(/⟦[^⟦⟧]*⟧/g, ' '); } while (t !== before); return t; };
              const isData = el => el.closest('[translate=no], script, style, noscript, template, svg title');
              const problems = [];
              const body = document.body.cloneNode(true);
              body.querySelectorAll('[translate=no], script, style, noscript, template').forEach(e => e.remove());
              for (const el of [body, ...body.querySelectorAll('*')]) {
                let own = '';
                for (const n of el.childNodes) if (n.nodeType === 3) own += n.textContent;
                if (letters.test(strip(own)))
                  problems.push('text "' + own.trim().slice(0, 80) + '" in <' + el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + '>');
              }
              for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
                if (isData(el)) continue;
                for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
                  const value = el.getAttribute(name);
                  if (value && letters.test(strip(value)))
                    problems.push(name + '="' + value.slice(0, 80) + '" on <' + el.tagName.toLowerCase() + '>');
                }
              }
              const title = document.title;
              if (title && letters.test(strip(title))) problems.push('document title "' + title + '"');
              return problems;
            }
            """);
}
