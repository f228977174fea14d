using System.Globalization;
using Bunit;
using Imi.Infrastructure;
using Imi.Infrastructure.Localization;
using Imi.Portal.Components.Pages;
using Imi.Portal.Store.Session;
using Imi.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

public class SearchPageTests(DatabaseFixture database)
    : PortalComponentTest(Infrastructure(database)), IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo UiCulture) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>The page as a reader of <paramref name="language"/> sees it: the circuit's culture is the reader's language.</summary>
    private IRenderedComponent<SearchPage> RenderAsReaderOf(string language)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalLanguages.CultureOf(language);
        Dispatcher.Dispatch(new SessionLoadedAction(PortalFeatureReducerTests.Aoife() with { PreferredLanguageCode = language }));
        return Render<SearchPage>();
    }

    private IRenderedComponent<SearchPage> RenderAsFrenchReader() => RenderAsReaderOf("fr");

    void IDisposable.Dispose()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
        Dispose();
    }

    // The reader here is French: the page speaks French.
    private static readonly LanguageTexts French = new Texts(TextCatalog.Shipped).In("fr");

    [Fact]
    public void TypingTwoLetters_SaysToTypeMore()
    {
        var cut = RenderAsFrenchReader();

        cut.Find("input[data-testid=search-text]").Input("ar");

        var said = French["Search.Notices.TextTooShort", ("count", Imi.Infrastructure.Search.SearchQuery.MinimumTextLength)];
        cut.WaitForAssertion(() => Assert.Contains(said, cut.Find("[data-testid=search-notice]").TextContent), TimeSpan.FromSeconds(10));
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
            Assert.Contains("(allemand)", first); // the original's language, named in French
            Assert.Contains("Regionale Kammer der Architekten in Bayern", first);
            Assert.Contains("Tient le tableau des architectes", first);
            Assert.Contains("Allemagne", first);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AGermanReader_SeesCountriesAndLanguagesNamedInGerman()
    {
        var cut = RenderAsReaderOf("de");

        cut.Find("input[data-testid=search-text]").Input("Architekten Bayern");

        cut.WaitForAssertion(() =>
        {
            var first = cut.FindAll("[data-testid=search-results] li")[0].TextContent;
            Assert.Contains("Bayerische Architektenkammer", first);
            Assert.Contains("Deutschland", first);
            Assert.DoesNotContain("Germany", first);
            Assert.Contains("Deutsch", first); // the languages it understands
            Assert.DoesNotContain("German", first);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AQueryLongerThanTheBox_IsCut_AndThePageSaysSo()
    {
        var cut = RenderAsFrenchReader();
        var box = cut.Find("input[data-testid=search-text]");

        box.Input(string.Concat(Enumerable.Repeat("architectes ", 25))); // 300 characters

        var said = French["Search.Text.TooLong", ("count", 200)];
        cut.WaitForAssertion(() => Assert.Contains(said, cut.Find(".mud-input-helper-text").TextContent));

        cut.Find("input[data-testid=search-text]").Input("architectes");

        cut.WaitForAssertion(() => Assert.DoesNotContain(said, cut.Markup));
    }
}
