namespace Imi.Domain.ReferenceData;

/// <summary>A language: the 24 official EU languages plus Icelandic and Norwegian. Code is ISO 639-1.</summary>
public sealed class Language
{
    public required string Code { get; init; }
    public required string EnglishName { get; set; }
    public required string NativeName { get; set; }
    /// <summary>An official EU language: texts that must exist "in all EU languages" exist in these.</summary>
    public bool IsOfficialEu { get; set; }
    /// <summary>The language's name per language code (CLDR): German is "Deutsch" in German, "allemand" in French.</summary>
    public Dictionary<string, string> Names { get; set; } = new();

    /// <summary>The name in <paramref name="languageCode"/>, else in English.</summary>
    public string NameIn(string languageCode) =>
        Names.TryGetValue(languageCode, out var name) ? name : Names.GetValueOrDefault("en", EnglishName);
}
