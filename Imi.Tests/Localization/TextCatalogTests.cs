using System.Globalization;
using Imi.Infrastructure.Localization;

namespace Imi.Tests.Localization;

public class TextCatalogTests
{
    private static readonly TextCatalog Catalog = TextCatalog.FromJson(new Dictionary<string, string>
    {
        ["en"] = """{ "Requests": { "Waiting": { "one": "{count} request waits for you", "other": "{count} requests wait for you" }, "Due": "Answer by {date}", "Only": "Only in English" } }""",
        ["cs"] = """{ "Requests": { "Waiting": { "one": "Čeká na vás {count} žádost", "few": "Čekají na vás {count} žádosti", "other": "Čeká na vás {count} žádostí" }, "Due": "Odpovědět do {date}" } }""",
    });

    [Theory]
    [InlineData(1, "Čeká na vás 1 žádost")]
    [InlineData(3, "Čekají na vás 3 žádosti")]
    [InlineData(5, "Čeká na vás 5 žádostí")]
    public void APluralText_TakesTheFormOfItsLanguageForTheCount(int count, string expected) =>
        Assert.Equal(expected, Catalog.Format("cs", "Requests.Waiting", CultureInfo.GetCultureInfo("cs"), ("count", count)));

    [Fact]
    public void Dates_AreWrittenInTheReadersFormat()
    {
        var date = new DateOnly(2027, 1, 15);
        Assert.Equal("Odpovědět do 15.01.2027", Catalog.Format("cs", "Requests.Due", PortalLanguages.CultureOf("cs"), ("date", date)));
        Assert.Equal("Answer by 15/01/2027", Catalog.Format("en", "Requests.Due", PortalLanguages.CultureOf("en"), ("date", date)));
    }

    [Fact]
    public void Numbers_AreWrittenInTheReadersFormat() =>
        Assert.Equal("1,234 requests wait for you", Catalog.Format("en", "Requests.Waiting", PortalLanguages.CultureOf("en"), ("count", 1234)));

    [Fact]
    public void AMissingText_FallsBackToEnglish() =>
        Assert.Equal("Only in English", Catalog.Format("cs", "Requests.Only", CultureInfo.InvariantCulture));

    [Fact]
    public void ThePseudoLanguage_WrapsAndAccentsTheEnglishText()
    {
        var text = Catalog.Format(PortalLanguages.Pseudo, "Requests.Due", PortalLanguages.CultureOf("en"), ("date", new DateOnly(2027, 1, 15)));
        Assert.True(TextCatalog.IsPseudoLocalized(text));
        Assert.Equal("⟦Åñswér bý 15/01/2027⟧", text);
    }

    [Theory]
    [InlineData("pl", 1, PluralCategory.One)]
    [InlineData("pl", 22, PluralCategory.Few)]
    [InlineData("pl", 12, PluralCategory.Many)]
    [InlineData("pl", 25, PluralCategory.Many)]
    [InlineData("lt", 21, PluralCategory.One)]
    [InlineData("lt", 11, PluralCategory.Other)]
    [InlineData("lv", 10, PluralCategory.Zero)]
    [InlineData("lv", 21, PluralCategory.One)]
    [InlineData("sl", 102, PluralCategory.Two)]
    [InlineData("ga", 7, PluralCategory.Many)]
    [InlineData("ro", 19, PluralCategory.Few)]
    [InlineData("ro", 20, PluralCategory.Other)]
    [InlineData("ro", 101, PluralCategory.Few)] // CLDR: n % 100 = 1..19 except 1 itself ("101 caractere", not "101 de caractere")
    [InlineData("ro", 120, PluralCategory.Other)]
    [InlineData("is", 21, PluralCategory.One)]
    [InlineData("fr", 0, PluralCategory.One)]
    [InlineData("de", 0, PluralCategory.Other)]
    public void PluralRules_FollowCldr(string language, int n, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Of(language, n));

    [Theory]
    [InlineData("pt-BR", "pt")]
    [InlineData("nb-NO", "no")]
    [InlineData("nn", "no")]
    [InlineData("sv-SE", "sv")]
    [InlineData("ru", null)]
    public void ABrowserLanguage_MapsToAPortalLanguage(string tag, string? expected) =>
        Assert.Equal(expected, PortalLanguages.CodeOf(tag));

    [Fact]
    public void EachLanguage_IsNamedInItself()
    {
        Assert.Equal("Deutsch", PortalLanguages.NativeName("de"));
        Assert.Equal("Suomi", PortalLanguages.NativeName("fi"));
        Assert.Equal("Íslenska", PortalLanguages.NativeName("is"));
        Assert.All(PortalLanguages.Codes, code => Assert.False(string.IsNullOrWhiteSpace(PortalLanguages.NativeName(code))));
    }
}
