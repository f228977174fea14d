using System.Text.RegularExpressions;
using Imi.Infrastructure.Demo;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class SearchTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task PortugueseUser_FindsAGermanChamberInPortuguese_AndReadsItsPageInPortuguese()
    {
        var page = await Browser.NewPageAsync(server);
        await SignInJourney.SignInAsync(page, "demo.pt.handler", DemoNetwork.Password, DemoNetwork.SecurityCode);

        await page.ClickAsync("[data-testid=home-link-search]");
        await page.WaitForURLAsync(new Regex("/search$"));
        await page.FillAsync("input[data-testid=search-text]", "arquitetos na Baviera");

        var first = page.Locator("[data-testid=search-results] li").First;
        await Assertions.Expect(first).ToContainTextAsync("Câmara regional dos arquitetos da Baviera");
        await Assertions.Expect(first).ToContainTextAsync("Bayerische Architektenkammer");
        await Assertions.Expect(first).ToContainTextAsync("Mantém o registo dos arquitetos");
        await page.AssertAccessibleAsync();

        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=authority-title]")).ToHaveTextAsync("Câmara regional dos arquitetos da Baviera");
        await Assertions.Expect(page.Locator("[data-testid=authority-profile]")).ToContainTextAsync("verifica as qualificações estrangeiras");
        await Assertions.Expect(page.Locator("[data-testid=language-note]").First).ToContainTextAsync("Regionale Kammer der Architekten in Bayern");
        await page.AssertAccessibleAsync();

        // The query survives navigation.
        await page.GetByRole(AriaRole.Link, new() { Name = UserTexts.In("pt")["Authorities.Details.BackToSearch"] }).ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=search-text]")).ToHaveValueAsync("arquitetos na Baviera");
        await Assertions.Expect(page.Locator("[data-testid=search-results] li").First).ToContainTextAsync("Câmara regional dos arquitetos da Baviera");
    }
}
