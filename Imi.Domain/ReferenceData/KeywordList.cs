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
    /// <summary>1 as shipped; one more for each keyword the Commission adds (issue 11).</summary>
    public int Version { get; set; } = 1;

    /// <summary>A new keyword (a new version of the list); its code is made from the English label, unique in the list.</summary>
    public Keyword Add(IReadOnlyDictionary<string, string> labels)
    {
        var stem = new string(labels.GetValueOrDefault("en", labels.Values.First()).Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray()).Trim('_');
        stem = string.Join('_', stem.Split('_', StringSplitOptions.RemoveEmptyEntries));
        stem = stem.Length == 0 ? "KEYWORD" : stem[..Math.Min(stem.Length, Keyword.CodeMaxLength - 4)];
        var code = stem;
        for (var n = 2; Keywords.Any(k => k.Code == code); n++)
            code = $"{stem}_{n}";
        var keyword = new Keyword { ListCode = Code, Code = code, Labels = new Dictionary<string, string>(labels) };
        Keywords.Add(keyword);
        Version++;
        return keyword;
    }
}

public sealed class Keyword
{
    public const int CodeMaxLength = 80;
    public const int LabelMaxLength = 200;

    public required string ListCode { get; init; }
    public required string Code { get; init; }
    /// <summary>The code of the broader keyword (a NACE section for a division), if any.</summary>
    public string? ParentCode { get; set; }
    public Dictionary<string, string> Labels { get; set; } = new();
}
