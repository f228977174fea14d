namespace Imi.Domain.Authorities;

/// <summary>Limits on what an authority writes about itself, used by the domain, EF and validators.</summary>
public static class OfficialTitle
{
    public const int MaxLength = 300;
}

public static class InformalTitle
{
    /// <summary>The guide asks for a short, clear title.</summary>
    public const int MaxLength = 150;
}

public static class ShortProfile
{
    public const int MaxLength = 2000;
}

public enum TranslationSource
{
    /// <summary>Entered by a person (a Commission translator, or the authority itself).</summary>
    Human,
    /// <summary>From a machine-translation service; shown labelled as such.</summary>
    Machine,
}

/// <summary>The informal title and short profile of an authority in one language other than its own.</summary>
public sealed class AuthorityTranslation
{
    public required string LanguageCode { get; init; }
    public required string InformalTitle { get; set; }
    public string? ShortProfile { get; set; }
    public TranslationSource Source { get; set; }
}
