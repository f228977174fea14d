namespace Imi.Domain.ReferenceData;

/// <summary>
/// Pre-translated questions of one legislative area: a requester picks them in its language, the
/// responder reads and answers them in its own.
/// </summary>
public sealed class QuestionSet
{
    public required string Code { get; init; }
    public required string LegislativeAreaCode { get; set; }
    public int Version { get; set; }
    public Dictionary<string, string> Titles { get; set; } = new();
    public List<Question> Questions { get; set; } = new();
}

public sealed class Question
{
    public required string Code { get; init; }
    public Dictionary<string, string> Texts { get; set; } = new();
    public List<AnswerOption> AnswerOptions { get; set; } = new();
}

public sealed class AnswerOption
{
    public required string Code { get; init; }
    public Dictionary<string, string> Texts { get; set; } = new();
}
