namespace Imi.Domain.ReferenceData;

/// <summary>One of the 30 EEA states. <see cref="Code"/> is ISO 3166-1 alpha-2 (Greece is "GR").</summary>
public sealed class Country
{
    public required string Code { get; init; }
    public required string EnglishName { get; set; }
    public required string NativeName { get; set; }
    /// <summary>True for the 27 EU members; false for Iceland, Liechtenstein and Norway.</summary>
    public bool IsEuMember { get; set; }
    /// <summary>The country's name per language code (CLDR), for readers of every portal language.</summary>
    public Dictionary<string, string> Names { get; set; } = new();

    /// <summary>The name in <paramref name="languageCode"/>, else in English.</summary>
    public string NameIn(string languageCode) =>
        Names.TryGetValue(languageCode, out var name) ? name : Names.GetValueOrDefault("en", EnglishName);
}
