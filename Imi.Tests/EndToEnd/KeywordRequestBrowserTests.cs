using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Setup;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// Issue 11: the Bavarian chamber asks for a keyword; the Bavarian coordinator forwards it; the Commission's IMI team adds it
/// with its label in every language; the chamber's user is told over SMTP. Its own portal: a keyword list changes.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeywordRequestBrowserTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly LanguageTexts English = UserTexts.In("en"), German = UserTexts.In("de");

    [Fact]
    public async Task TheCoordinatorForwards_TheCommissionAddsTheKeywordInEveryLanguage_TheAskerIsTold()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Imi.Infrastructure.Data.ImiDbContext>();
            var architects = await db.ImiUsers.Where(u => u.Username == "demo.de.architects").Select(u => u.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<SetupService>().ExecuteAsync(architects, new AskCoordinatorForKeyword("PQ_PROFESSIONS", "Landschaftsarchitekt"));
        }

        var coordinator = await RequestSteps.SignedInAsync(server, "demo.de.bavaria");
        await coordinator.WaitForCircuitAsync();
        await coordinator.ClickAsync($"a:has-text('{German["Shell.Navigation.KeywordRequests"]}')");
        var request = coordinator.Locator("[data-testid^=keyword-request-]").Filter(new() { HasText = "Landschaftsarchitekt" });
        await request.Locator("[data-testid=forward]").ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-testid=keyword-message]")).ToContainTextAsync("Landschaftsarchitekt");
        await Assertions.Expect(coordinator.Locator("[data-testid=no-keyword-requests]")).ToBeVisibleAsync();

        var commission = await RequestSteps.SignedInAsync(server, "demo.commission");
        await commission.GotoAsync("coordination/keyword-requests");
        await commission.WaitForCircuitAsync();
        var forwarded = commission.Locator("[data-testid^=keyword-request-]").Filter(new() { HasText = "Landschaftsarchitekt" });
        await Assertions.Expect(forwarded.Locator("[data-testid=add-keyword]")).ToBeVisibleAsync();
        await commission.AssertAccessibleAsync();
        foreach (var language in PortalLanguages.Codes)
            await forwarded.Locator($"input[data-testid=label-{language}]").FillAsync(language switch
            {
                "en" => "Landscape architect",
                "de" => "Landschaftsarchitekt",
                _ => $"Landscape architect ({language})",
            });
        await forwarded.Locator("[data-testid=add-keyword]").ClickAsync();
        await Assertions.Expect(commission.Locator("[data-testid=keyword-message]")).ToHaveTextAsync(
            English["Notices.Keywords.Added", ("proposal", "Landschaftsarchitekt"), ("authority", "Regionale Kammer der Architekten in Bayern")]);

        var told = await Eventually.ReturnsAsync(() => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("maximilian.bauer@byak.demo.de")
                && m.Subject == German["Mail.KeywordAdded.Subject", ("keyword", "Landschaftsarchitekt")]),
            timeout: TimeSpan.FromSeconds(20), what: "the e-mail telling the chamber its keyword was added");
        Assert.Contains("/setup", told.Text);
    }
}
