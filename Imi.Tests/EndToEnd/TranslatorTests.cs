using System.Text.RegularExpressions;
using Imi.Infrastructure.Demo;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class TranslatorTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task Translator_TranslatesFromTheQueue_AndTheSearchFindsTheTranslationAtOnce()
    {
        var page = await Browser.NewPageAsync(server);
        await SignInJourney.SignInAsync(page, "demo.translator", DemoNetwork.Password, DemoNetwork.SecurityCode);

        await page.GotoAsync("translations");
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Registration body for dentists" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("translations/"));
        await page.AssertAccessibleAsync();

        await page.ClickAsync("[data-testid=translation-language]");
        await page.GetByRole(AriaRole.Option, new() { Name = "Portuguese" }).ClickAsync();
        await page.FillAsync("input[data-testid=translation-title]", "Organismo de registo dos médicos dentistas");
        await page.ClickAsync("[data-testid=translation-complete]");
        await Assertions.Expect(page.Locator("[data-testid=translation-message]")).ToContainTextAsync("marked as translated");

        await page.GotoAsync("search");
        await page.WaitForCircuitAsync();
        await page.FillAsync("input[data-testid=search-text]", "medicos dentistas");
        await Assertions.Expect(page.Locator("[data-testid=search-results] li").First).ToContainTextAsync("Registration body for dentists");
    }
}
