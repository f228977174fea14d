using System.Text.RegularExpressions;
using Imi.Infrastructure.Demo;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>The language of the person: the browser's before sign-in, the switcher's choice, the preferred language after.</summary>
public class LanguageSelectionTests(PortalServer server) : IClassFixture<PortalServer>
{
    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };

    private static string HtmlLang(string html) => Regex.Match(html, "<html lang=\"([^\"]+)\"").Groups[1].Value;

    [Theory]
    [InlineData("sv-SE,sv;q=0.9,en;q=0.5", "sv")]
    [InlineData("nb-NO", "nb-NO")]
    [InlineData("pt-BR,pt;q=0.9", "pt-PT")]
    [InlineData("ru-RU,de;q=0.7", "de")]
    [InlineData("ru-RU", "en-IE")]
    public async Task BeforeSignIn_TheBrowsersLanguage_IsThePagesLanguage(string acceptLanguage, string expectedLang)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "account/sign-in");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(expectedLang, HtmlLang(html));
        Assert.Matches("<option value=\"[a-z]{2}\" lang=\"[a-z]{2}\"[^>]* selected", html); // the language's own name is marked translate="no"
    }

    [Fact]
    public async Task TheSwitcher_RemembersTheChoice_OverTheBrowsersLanguage()
    {
        using var client = Client();
        using var switched = await client.GetAsync("language?code=el&returnUrl=%2Faccount%2Fsign-in");
        Assert.Equal("/account/sign-in", switched.Headers.Location?.OriginalString);
        var cookie = string.Join("; ", switched.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var request = new HttpRequestMessage(HttpMethod.Get, "account/sign-in");
        request.Headers.TryAddWithoutValidation("Accept-Language", "sv-SE");
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal("el", HtmlLang(html));
        Assert.Contains(UserTexts.In("el")["Language.Apply"], html); // the switcher's button, in Greek
        Assert.Contains(">Ελληνικά</option>", html);
    }

    [Fact]
    public async Task TheSwitcher_ReturnsOnlyToAPageOfThePortal()
    {
        using var client = Client();
        using var response = await client.GetAsync("language?code=de&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

}

/// <summary>The switcher in Chromium, for a signed-in user (its own portal and database: a user's preference changes).</summary>
[Collection(BrowserCollection.Name)]
public class LanguageSwitcherBrowserTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task ASignedInUser_SpeaksTheirPreferredLanguage_AndTheSwitcherChangesIt()
    {
        var page = await Browser.NewPageAsync(server);
        await SignInJourney.SignInAsync(page, "demo.de.handler", DemoNetwork.Password, DemoNetwork.SecurityCode);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.Locator("[data-testid=language-apply]")).ToHaveTextAsync(UserTexts.In("de")["Language.Apply"]);

        await page.SelectOptionAsync("[data-testid=language-select]", "it");
        await page.ClickAsync("[data-testid=language-apply]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "it");
        await Assertions.Expect(page.Locator("[data-testid=language-apply]")).ToHaveTextAsync(UserTexts.In("it")["Language.Apply"]);
        await page.AssertAccessibleAsync();

        await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName));
        await using var db = await services.DbAsync();
        Assert.Equal("it", (await db.ImiUsers.SingleAsync(u => u.Username == "demo.de.handler")).PreferredLanguageCode);
    }
}
