namespace Imi.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Field"/> names the input the rule is about (when there is
/// one), so a form can show the message next to that field.
/// </summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The acting user may not do this. Raised by the domain, whatever the UI showed.</summary>
public sealed class NotPermittedException(string message) : DomainException(message);
