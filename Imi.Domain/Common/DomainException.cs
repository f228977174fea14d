namespace Imi.Domain.Common;

/// <summary>
/// A business rule was broken. The domain refuses with a <see cref="Code"/> from <see cref="Refusals"/>
/// (never a sentence), the named values the refusal is about (<see cref="Args"/>), and the input it
/// concerns (<see cref="Field"/>, when there is one) so that a form can show it next to that field. The
/// portal turns the code into a sentence in the reader's language (the text <c>Refusals.{Code}</c>).
/// </summary>
public class DomainException(string code, string? field = null, params (string Name, object? Value)[] args)
    : Exception(Describe(code, args))
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
    public IReadOnlyList<(string Name, object? Value)> Args { get; } = args;

    // For logs only: the code and its values, e.g. "Request.NotInState(status=Sent)".
    private static string Describe(string code, (string Name, object? Value)[] args) =>
        args.Length == 0 ? code : $"{code}({string.Join(", ", args.Select(a => $"{a.Name}={a.Value}"))})";
}

/// <summary>The acting user may not do this. Raised by the domain, whatever the UI showed.</summary>
public sealed class NotPermittedException(string code, params (string Name, object? Value)[] args) : DomainException(code, null, args);
