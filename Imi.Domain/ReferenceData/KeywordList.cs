namespace Imi.Domain.ReferenceData;

public enum KeywordListKind
{
    /// <summary>Areas of economic activity (setup step 2).</summary>
    EconomicActivity,
    /// <summary>Policy areas (setup step 2).</summary>
    PolicyArea,
    /// <summary>The keywords of one legislative area (setup step 3).</summary>
    LegislativeArea,
}

/// <summary>A European keyword list, owned by the Commission; keywords carry a label per language.</summary>
public sealed class KeywordList
{
    public required string Code { get; init; }
    public KeywordListKind Kind { get; set; }
    /// <summary>Set when <see cref="Kind"/> is <see cref="KeywordListKind.LegislativeArea"/>.</summary>
    public string? LegislativeAreaCode { get; set; }
    public Dictionary<string, string> Names { get; set; } = new();
    public List<Keyword> Keywords { get; set; } = new();
}

public sealed class Keyword
{
    public const int CodeMaxLength = 80;

    public required string ListCode { get; init; }
    public required string Code { get; init; }
    /// <summary>The code of the broader keyword (a NACE section for a division), if any.</summary>
    public string? ParentCode { get; set; }
    public Dictionary<string, string> Labels { get; set; } = new();
}
