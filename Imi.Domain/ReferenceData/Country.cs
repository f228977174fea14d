namespace Imi.Domain.ReferenceData;

/// <summary>One of the 30 EEA states. <see cref="Code"/> is ISO 3166-1 alpha-2 (Greece is "GR").</summary>
public sealed class Country
{
    public required string Code { get; init; }
    public required string EnglishName { get; set; }
    public required string NativeName { get; set; }
    /// <summary>True for the 27 EU members; false for Iceland, Liechtenstein and Norway.</summary>
    public bool IsEuMember { get; set; }
}
