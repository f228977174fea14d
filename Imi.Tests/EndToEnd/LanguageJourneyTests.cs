using System.Globalization;
using System.Text.RegularExpressions;
using Imi.Domain.Requests;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Localization;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>People who do not read English: each meets the portal in their own language, from the browser's before sign-in, their own after.</summary>
[Collection(BrowserCollection.Name)]
public class LanguageJourneyTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task ASwedishVisitor_GetsTheSignInInSwedish_SwitchesToGreek_AndGreekHoldsAfterSignIn()
    {
        var page = await Browser.NewPageAsync(server, locale: "sv-SE");
        await page.GotoAsync("account/sign-in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UserTexts.In("sv")["Account.SignIn.Heading"]);
        await Assertions.Expect(page.Locator("[data-testid=sign-in-submit]")).ToHaveTextAsync(UserTexts.In("sv")["Account.SignIn.Submit"]);
        await page.AssertAccessibleAsync();

        await page.SelectOptionAsync("[data-testid=language-select]", "el");
        await page.ClickAsync("[data-testid=language-apply]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "el");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UserTexts.In("el")["Account.SignIn.Heading"]);
        await page.AssertAccessibleAsync();

        // An Irish user whose preferred language was English: the language chosen on the sign-in page is their choice now.
        await SignInJourney.SignInAsync(page, "demo.ie.basic", DemoNetwork.Password, DemoNetwork.SecurityCode);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "el");
        await page.GotoAsync("requests");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UserTexts.In("el")["Requests.List.Title"]);
        await page.AssertAccessibleAsync();

        await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName));
        await using var db = await services.DbAsync();
        Assert.Equal("el", (await db.ImiUsers.SingleAsync(u => u.Username == "demo.ie.basic")).PreferredLanguageCode);
    }

    [Fact]
    public async Task AnItalianHandler_WritesAndSendsARequest_EntirelyInItalian()
    {
        var it = UserTexts.In("it");
        var italian = CultureInfo.GetCultureInfo("it-IT");
        var page = await RequestSteps.SignedInAsync(server, "demo.it.lombardia");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "it");

        await page.GotoAsync($"requests/new?to={DemoSeeder.IdOf("fr-cci-lyon")}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(it["Requests.Editor.TitleNew"]);
        await Assertions.Expect(page.Locator("[data-testid=send-request]")).ToContainTextAsync(it["Requests.Editor.Send"]);
        await page.Locator("input[data-testid=subject-name]").FillAsync("Ditta Esempio S.r.l.");

        // A refusal of the domain, next to the questions, in Italian; nothing typed is lost.
        await page.ClickAsync("[data-testid=send-request]");
        await page.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}/edit$"));
        await Assertions.Expect(page.Locator("[data-testid=questions-error]")).ToHaveTextAsync(it["Refusals.Request.QuestionsRequired"]);
        await Assertions.Expect(page.Locator("input[data-testid=subject-name]")).ToHaveValueAsync("Ditta Esempio S.r.l.");
        await page.AssertAccessibleAsync();

        // A date in Italian form (dd/MM/yyyy), in the past: refused next to the field.
        await page.Locator("input[data-testid^=question-]").First.CheckAsync();
        await TypeDateAsync(page, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("d", italian));
        await page.ClickAsync("[data-testid=send-request]");
        await Assertions.Expect(page.GetByText(it["Refusals.Input.DateNotInFuture"])).ToBeVisibleAsync();

        var answerDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        await TypeDateAsync(page, answerDate.ToString("d", italian));
        await page.ClickAsync("[data-testid=send-request]");
        await page.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}$"));

        // The exchange: status, dates and timeline in Italian.
        await Assertions.Expect(page.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(it.Name(RequestStatus.Sent));
        await Assertions.Expect(page.Locator("[data-testid=requested-answer-date]")).ToHaveTextAsync(answerDate.ToString("dd/MM/yyyy", italian));
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync(SentencePattern(it, "Requests.Timeline.Send", "user", "authority"));
        await page.AssertAccessibleAsync();
    }

    private static async Task TypeDateAsync(IPage page, string date)
    {
        var field = page.Locator("input[data-testid=request-answer-date]");
        await field.FillAsync(date);
        await field.PressAsync("Tab"); // the picker takes typed text when the field is left
        await Assertions.Expect(field).ToHaveValueAsync(date);
    }

    /// <summary>The sentence as the catalogue writes it in the language, whatever names fill its placeholders.</summary>
    private static Regex SentencePattern(LanguageTexts texts, string key, params string[] placeholders)
    {
        const string marker = "\u0001";
        var sentence = texts[key, [.. placeholders.Select(p => new TextArg(p, marker))]];
        return new Regex(Regex.Escape(sentence).Replace(marker, ".+"));
    }
}
