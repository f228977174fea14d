using System.Globalization;

namespace Imi.Infrastructure.Localization;

/// <summary>
/// The languages the portal speaks: the 24 official EU languages, Icelandic and Norwegian (bokmål),
/// each with the culture whose formats (dates, times, numbers) its readers expect.
/// </summary>
public static class PortalLanguages
{
    public const string Fallback = "en";

    /// <summary>A made-up language for tests: every text wrapped and accented, so a text that escaped the catalogue shows.</summary>
    public const string Pseudo = "qps";

    /// <summary>ISO 639-1 codes as the reference data uses them (Norwegian is "no").</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "is",
        "it", "lt", "lv", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv",
    ];

    // Where the bare language's default formats are not those of its EEA readers.
    private static readonly Dictionary<string, string> CultureNames = new()
    {
        ["en"] = "en-IE", // day/month/year, as in the EU institutions' English
        ["pt"] = "pt-PT",
        ["no"] = "nb-NO",
        [Pseudo] = "en-IE",
    };

    public static bool IsSupported(string? code) => code is not null && (Codes.Contains(code) || code == Pseudo);

    /// <summary>The culture for formatting and for CurrentUICulture; its language maps back with <see cref="CodeOf"/>.</summary>
    public static CultureInfo CultureOf(string? code)
    {
        if (code == Pseudo)
            return PseudoCulture.Value;
        return CultureInfo.GetCultureInfo(CultureNames.GetValueOrDefault(IsSupported(code) ? code! : Fallback, IsSupported(code) ? code! : Fallback));
    }

    /// <summary>The portal language of a culture (or of a browser's language tag such as "pt-BR", "nb", "sv-SE").</summary>
    public static string? CodeOf(CultureInfo culture) => CodesOfCultures.GetOrAdd(culture.Name, CodeOf);

    // Every text a page writes asks for the reader's language: one answer per culture, not a split string each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> CodesOfCultures = new(StringComparer.Ordinal);

    public static string? CodeOf(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        if (tag.Equals(PseudoCulture.Value.Name, StringComparison.OrdinalIgnoreCase) || tag.Equals(Pseudo, StringComparison.OrdinalIgnoreCase))
            return Pseudo;
        var language = tag.Split('-', '_')[0].ToLowerInvariant();
        if (language is "nb" or "nn")
            language = "no";
        return Codes.Contains(language) ? language : null;
    }

    /// <summary>The language's name in itself, capitalised as a menu item (Deutsch, Suomi, Íslenska).</summary>
    public static string NativeName(string code)
    {
        if (code == Pseudo)
            return "Ƥşèûδô";
        var culture = CultureInfo.GetCultureInfo(code == "no" ? "nb" : code);
        var name = code == "no" ? "Norsk (bokmål)" : culture.NativeName;
        return name.Length == 0 ? code : char.ToUpper(name[0], culture) + name[1..];
    }

    // The pseudo-language formats like English (Ireland) but has a name of its own, so a test can tell it apart.
    private static readonly Lazy<CultureInfo> PseudoCulture = new(() =>
    {
        try
        {
            return CultureInfo.GetCultureInfo("qps-ploc");
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-IE");
        }
    });
}
