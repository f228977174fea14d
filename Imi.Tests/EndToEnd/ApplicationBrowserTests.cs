using System.Text.RegularExpressions;
using Imi.Infrastructure.Localization;
using Imi.Tests.Support;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// Issue 11: an authority applies through the public page; the Bavarian coordinator sees it on its page, rejects a duplicate
/// (the applicant is told by e-mail), validates the real one; its first user signs in. Its own portal: authorities are added.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ApplicationBrowserTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly LanguageTexts English = UserTexts.In("en"), German = UserTexts.In("de");

    [Fact]
    public async Task AnAuthorityApplies_TheCoordinatorRejectsADuplicate_ValidatesTheRealOne_ItsFirstUserSignsIn()
    {
        var applicant = await Browser.NewPageAsync(server);
        await applicant.GotoAsync("account/sign-in");
        await applicant.ClickAsync("[data-testid=apply-link]");
        await applicant.WaitForURLAsync(new Regex("/apply$"));

        // Sent with only a title: the messages stand next to their fields, what was typed stays.
        await applicant.FillAsync("#official-title", "Landeszahnärztekammer Bayern");
        await applicant.ClickAsync("[data-testid=apply-submit]");
        await Assertions.Expect(applicant.GetByText(English["Authorities.Apply.Validation.ReasonRequired"])).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByText(English["Refusals.Coordination.AreasRequired"])).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Locator("#official-title")).ToHaveValueAsync("Landeszahnärztekammer Bayern");
        await applicant.AssertAccessibleAsync();

        // A duplicate first (the title of the Bavarian architects' chamber), then the real application.
        await ApplyAsync(applicant, "Bayerische Architektenkammer", "Kammer der Architekten", "anna.berger@example.demo.de", "Berger");
        await Assertions.Expect(applicant.Locator("[data-testid=application-sent]")).ToContainTextAsync(English["Authorities.Apply.Sent.Heading"]);
        await applicant.GotoAsync("apply");
        await ApplyAsync(applicant, "Landeszahnärztekammer Bayern", "Kammer der Zahnärzte in Bayern", "eva.maier@blzk.demo.de", "Maier");
        await Assertions.Expect(applicant.Locator("[data-testid=application-sent]")).ToBeVisibleAsync();

        // The Bavarian SDIMIC (the region's coordinator) is told by e-mail, and sees both, the duplicate flagged.
        await Eventually.ReturnsAsync(() => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("markus.huber@stmwi.demo.de")
                && m.Subject == German["Mail.ApplicationReceived.Subject", ("authority", "Kammer der Zahnärzte in Bayern")]),
            timeout: TimeSpan.FromSeconds(20), what: "the application e-mail to the Bavarian coordinator");
        var coordinator = await RequestSteps.SignedInAsync(server, "demo.de.bavaria");
        await coordinator.GotoAsync("coordination/authorities");
        await coordinator.WaitForCircuitAsync();
        var duplicate = coordinator.Locator("[data-testid^=application-]").Filter(new() { HasText = "Kammer der Architekten" });
        var real = coordinator.Locator("[data-testid^=application-]").Filter(new() { HasText = "Landeszahnärztekammer Bayern" });
        await Assertions.Expect(duplicate.Locator("[data-testid=duplicate-title]")).ToBeVisibleAsync();
        await Assertions.Expect(real.Locator("[data-testid=duplicate-title]")).ToHaveCountAsync(0);
        await coordinator.AssertAccessibleAsync();

        await duplicate.Locator("input[data-testid=rejection-reason]").FillAsync("Die Architektenkammer ist bereits in IMI registriert.");
        await duplicate.Locator("[data-testid=reject]").ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-testid=coordination-message]")).ToHaveTextAsync(
            German["Notices.Coordination.ApplicationRejected", ("authority", "Kammer der Architekten")]);
        var rejection = await Eventually.ReturnsAsync(() => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("anna.berger@example.demo.de")),
            timeout: TimeSpan.FromSeconds(20), what: "the rejection e-mail");
        Assert.Contains("Die Architektenkammer ist bereits in IMI registriert.", rejection.Text);

        await real.Locator("[data-testid=validate]").ClickAsync();
        var message = coordinator.Locator("[data-testid=coordination-message]");
        await Assertions.Expect(message).ToContainTextAsync("eva.maier@blzk.demo.de");
        var username = Regex.Match((await message.TextContentAsync())!, "DE-EM-[0-9]{5}").Value;
        await Assertions.Expect(coordinator.Locator("[data-testid^=application-]")).ToHaveCountAsync(0);

        // The applicant, now the first user: the temporary password by e-mail, the username from the coordinator.
        var firstUser = await Browser.NewPageAsync(server);
        await SignInJourney.FirstSignInAsync(firstUser, username, await SignInJourney.TemporaryPasswordAsync(server.Inbox, "eva.maier@blzk.demo.de"),
            "Zahnaerzte-Bayern-1", "192837465012");
        await firstUser.GotoAsync("setup");
        await firstUser.WaitForCircuitAsync();
        await Assertions.Expect(firstUser.Locator("[data-testid=checklist-step-1]")).ToHaveAttributeAsync("data-state", "NotYet");
    }

    private static async Task ApplyAsync(IPage page, string officialTitle, string informalTitle, string email, string familyName)
    {
        await page.SelectOptionAsync("#country", "DE");
        await page.FillAsync("#official-title", officialTitle);
        await page.FillAsync("#informal-title", informalTitle);
        await page.SelectOptionAsync("#original-language", "de");
        await page.SelectOptionAsync("#level", "Regional");
        await page.FillAsync("#authority-email", "imi@" + email.Split('@')[1]);
        await page.FillAsync("#region", "Bayern");
        await page.CheckAsync("#area-PQ");
        await page.FillAsync("#given-name", familyName == "Maier" ? "Eva" : "Anna");
        await page.FillAsync("#family-name", familyName);
        await page.FillAsync("#applicant-email", email);
        await page.SelectOptionAsync("#preferred-language", "de");
        await page.FillAsync("#reason", "Anerkennung von Berufsqualifikationen (Richtlinie 2005/36/EG).");
        await page.ClickAsync("[data-testid=apply-submit]");
    }
}

/// <summary>The public application form is limited per address (its own portal: the limit counts per instance).</summary>
public class ApplicationRateLimitTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task ManyApplications_FromOneAddress_AreRefusedForAWhile()
    {
        using var client = server.CreateClient();
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
            statuses.Add((int)(await client.PostAsync("apply", new FormUrlEncodedContent([new("_handler", "apply")]))).StatusCode);

        Assert.DoesNotContain(429, statuses.Take(5));
        Assert.Equal(429, statuses[5]);
        var page = await (await client.PostAsync("apply", new FormUrlEncodedContent([]))).Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(UserTexts.In("en")["Authorities.Apply.TooMany.Text"]), page);
    }
}
