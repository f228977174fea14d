using Imi.Infrastructure.Localization;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// What a user reads, in their language: a browser test asserts the catalogue's text in the language the
/// user works in (a German handler's page says what <c>UserTexts.In("de")["…"]</c> says), so the test
/// holds whatever the wording, and fails if the page shows another language or another text.
/// </summary>
internal static class UserTexts
{
    private static readonly Texts Catalogue = new(TextCatalog.Shipped);

    public static LanguageTexts In(string language) => Catalogue.In(language);
}
