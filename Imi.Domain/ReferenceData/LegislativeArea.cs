namespace Imi.Domain.ReferenceData;

/// <summary>
/// A body of law with mutual-assistance duties (e.g. the Services Directive). New areas are data,
/// not code: a row in the reference data files.
/// </summary>
public sealed class LegislativeArea
{
    public required string Code { get; init; }
    /// <summary>The act's reference, e.g. "2005/36/EC".</summary>
    public required string Instrument { get; set; }
    /// <summary>How long the personal data of a closed exchange stays (the guide's rule unless the area says otherwise).</summary>
    public PersonalDataRule PersonalDataRule { get; set; } = PersonalDataRule.DeleteAfterSixMonths;
    /// <summary>The area's name per language code.</summary>
    public Dictionary<string, string> Names { get; set; } = new();

    public string NameIn(string languageCode) =>
        Names.TryGetValue(languageCode, out var name) ? name : Names.GetValueOrDefault("en", Code);
}

/// <summary>What happens to the personal data of a closed exchange.</summary>
public enum PersonalDataRule
{
    /// <summary>The guide's rule: deleted six months after the exchange closes.</summary>
    DeleteAfterSixMonths,
    /// <summary>Regulation 1024/2012, art. 14: blocked (hidden, retrievable with a justification) after six months, deleted after three years.</summary>
    BlockThenDelete,
}
