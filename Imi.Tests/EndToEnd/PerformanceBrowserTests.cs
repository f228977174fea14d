using Imi.Infrastructure.Localization;
using Imi.Tests.Support;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// Issue 12: Germany's NIMIC opens the dashboard, sees the IHK Munich in red for accepting within a week (the demo's year of
/// Services requests from Lyon), opens its figures, then the urgency list, and reminds the IHK of the request it has not
/// accepted for ten days; the IHK's handler receives the e-mail over SMTP. Axe on both pages, charts included.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PerformanceBrowserTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly LanguageTexts German = UserTexts.In("de");

    [Fact]
    public async Task TheNimicSeesARedIndicatorForAnAuthority_OpensTheUrgencyList_AndRemindsIt()
    {
        var page = await RequestSteps.SignedInAsync(server, "demo.de.coordinator");
        await page.WaitForCircuitAsync();
        await page.ClickAsync($"nav a:has-text('{German["Shell.Navigation.Performance"]}')");
        await Assertions.Expect(page.Locator("[data-testid=subject-title]")).ToContainTextAsync(German["Performance.Subjects.Country", ("country", "Deutschland")]);
        await Assertions.Expect(page.Locator("[data-testid=indicator-AcceptedWithinWeek]")).ToBeVisibleAsync();

        // The comparison of Germany's authorities, as a table: the IHK is red on the default indicator (accepted within a week).
        await page.ClickAsync("[data-testid=toggle-comparison-table]");
        var ihk = page.Locator("[data-testid=comparison-table] tr").Filter(new() { HasText = "Kammer für Gewerbe und Dienstleistungen in Oberbayern" });
        await Assertions.Expect(ihk).ToHaveAttributeAsync("data-light", "Red");
        await Assertions.Expect(ihk).ToContainTextAsync(German["Performance.Lights.Red"]);
        await page.AssertAccessibleAsync();

        await ihk.Locator("[data-testid=drill]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-title]")).ToContainTextAsync("Kammer für Gewerbe und Dienstleistungen in Oberbayern");
        await Assertions.Expect(page.Locator("[data-testid=indicator-AcceptedWithinWeek]")).ToHaveAttributeAsync("data-light", "Red");
        // Each chart says in words what it shows, and its data is a table one click away.
        var chart = page.Locator("[data-testid=chart-AcceptedWithinWeek]");
        await Assertions.Expect(chart.Locator("[data-testid=chart-summary]")).ToContainTextAsync(German["Performance.Lights.Red"]);
        await chart.Locator("[data-testid=toggle-table]").ClickAsync();
        await Assertions.Expect(chart.Locator("[data-testid=chart-table] tbody tr")).ToHaveCountAsync(12);
        await page.AssertAccessibleAsync();

        await page.ClickAsync($"nav a:has-text('{German["Shell.Navigation.Urgent"]}')");
        var notAccepted = page.Locator("[data-testid=urgency-list] tbody tr")
            .Filter(new() { HasText = German["Enums.UrgencyReason.NotAccepted"] })
            .Filter(new() { HasText = "Kammer für Gewerbe und Dienstleistungen in Oberbayern" });
        await Assertions.Expect(notAccepted).ToHaveCountAsync(1);
        var reference = await notAccepted.Locator("td a").InnerTextAsync();
        await page.AssertAccessibleAsync();
        await notAccepted.Locator("[data-testid=remind]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync(German["Notices.Requests.Reminded"]);

        var mail = await Eventually.ReturnsAsync(() => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("andrea.schneider@ihk-muenchen.demo.de")
                && m.Subject == German["Mail.CoordinatorReminder.Subject", ("reference", reference)]),
            timeout: TimeSpan.FromSeconds(20), what: "the reminder e-mail to the IHK's handler");
        Assert.Contains(reference, mail.Text);

        // A second reminder the same day is refused, with the reason.
        await notAccepted.Locator("[data-testid=remind]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToHaveTextAsync(German["Refusals.Performance.RemindedToday"]);
    }
}
