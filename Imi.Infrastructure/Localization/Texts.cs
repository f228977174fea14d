using System.Globalization;
using Imi.Domain.Common;
using Imi.Infrastructure.UseCases;

namespace Imi.Infrastructure.Localization;

/// <summary>
/// The texts in the reader's language: the current UI culture (set per request, and so per circuit,
/// from the user's preferred language, the language cookie or the browser). Components inject it as
/// <c>T</c> and write <c>@T["Requests.Title"]</c> or <c>@T["Requests.Waiting", ("count", n)]</c>.
/// E-mails, written for someone else, use <see cref="In"/> with the recipient's language.
/// </summary>
public sealed class Texts(TextCatalog catalog)
{
    public TextCatalog Catalog => catalog;

    /// <summary>The reader's portal language (a code of <see cref="PortalLanguages.Codes"/>, or the pseudo-language).</summary>
    public static string CurrentLanguage => PortalLanguages.CodeOf(CultureInfo.CurrentUICulture) ?? PortalLanguages.Fallback;

    public string this[string key] => catalog.Format(CurrentLanguage, key, CultureInfo.CurrentCulture);

    public string this[string key, params TextArg[] args] => catalog.Format(CurrentLanguage, key, CultureInfo.CurrentCulture, args);

    /// <summary>The name of an enum value (a status, an action, a role) in the reader's language.</summary>
    public string Name(Enum value) => this[TextCatalog.EnumKey(value)];

    /// <summary>A domain refusal as a sentence in the reader's language (the text <c>Refusals.{code}</c>).</summary>
    public string Refusal(DomainException refusal) => In(CurrentLanguage).Refusal(refusal);

    /// <summary>What a service reports after a command, as a sentence in the reader's language (the text <c>Notices.{code}</c>).</summary>
    public string Notice(Notice notice) => In(CurrentLanguage).Notice(notice);

    /// <summary>The same texts in another language (an e-mail in its recipient's language).</summary>
    public LanguageTexts In(string? language)
    {
        var code = PortalLanguages.IsSupported(language) ? language! : PortalLanguages.Fallback;
        return new LanguageTexts(catalog, code, PortalLanguages.CultureOf(code));
    }

    /// <summary>A value in the reader's format (a date, a number).</summary>
    public static string Value(object? value, string? format = null) => TextCatalog.FormatValue(value, format, CultureInfo.CurrentCulture);
}

/// <summary>Texts in one fixed language, formatted for its culture.</summary>
public sealed class LanguageTexts(TextCatalog catalog, string language, CultureInfo culture)
{
    public string Language => language;
    public CultureInfo Culture => culture;
    public string this[string key] => catalog.Format(language, key, culture);
    public string this[string key, params TextArg[] args] => catalog.Format(language, key, culture, args);

    public string Name(Enum value) => this[TextCatalog.EnumKey(value)];

    /// <summary>A refusal's text, <c>Refusals.{code}</c>; a code without a text shows its key (a test keeps every code covered).</summary>
    public string Refusal(DomainException refusal) =>
        catalog.Format(language, "Refusals." + refusal.Code, culture, [.. refusal.Args.Select(a => new TextArg(a.Name, a.Value))]);

    /// <summary>A notice's text, <c>Notices.{code}</c>.</summary>
    public string Notice(Notice notice) =>
        catalog.Format(language, "Notices." + notice.Code, culture, [.. notice.Args.Select(a => new TextArg(a.Name, a.Value))]);
}
