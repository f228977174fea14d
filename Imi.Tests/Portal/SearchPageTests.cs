using Bunit;
using Imi.Infrastructure;
using Imi.Portal.Components.Pages;
using Imi.Portal.Store.Session;
using Imi.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

public class SearchPageTests(DatabaseFixture database)
    : PortalComponentTest(Infrastructure(database)), IClassFixture<DatabaseFixture>
{
    private IRenderedComponent<SearchPage> RenderAsFrenchReader()
    {
        Dispatcher.Dispatch(new SessionLoadedAction(PortalFeatureReducerTests.Aoife() with { PreferredLanguageCode = "fr" }));
        return Render<SearchPage>();
    }

    [Fact]
    public void TypingTwoLetters_SaysToTypeMore()
    {
        var cut = RenderAsFrenchReader();

        cut.Find("input[data-testid=search-text]").Input("ar");

        cut.WaitForAssertion(() => Assert.Contains("at least 3 letters", cut.Find("[data-testid=search-notice]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Results_ShowTheTitleInTheReadersLanguage_TheOriginal_AndAProfileSnippet()
    {
        var cut = RenderAsFrenchReader();

        cut.Find("input[data-testid=search-text]").Input("architectes Bavière");

        cut.WaitForAssertion(() =>
        {
            var first = cut.FindAll("[data-testid=search-results] li")[0].TextContent;
            Assert.Contains("Chambre régionale des architectes de Bavière", first);
            Assert.Contains("Original (German): Regionale Kammer der Architekten in Bayern", first);
            Assert.Contains("Tient le tableau des architectes", first);
            Assert.Contains("Germany", first);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AQueryLongerThanTheBox_IsCut_AndThePageSaysSo()
    {
        var cut = RenderAsFrenchReader();
        var box = cut.Find("input[data-testid=search-text]");

        box.Input(string.Concat(Enumerable.Repeat("architectes ", 25))); // 300 characters

        cut.WaitForAssertion(() => Assert.Contains("Only the first 200 characters are searched",
            cut.Find(".mud-input-helper-text").TextContent));

        cut.Find("input[data-testid=search-text]").Input("architectes");

        cut.WaitForAssertion(() => Assert.DoesNotContain("characters are searched", cut.Markup));
    }
}
