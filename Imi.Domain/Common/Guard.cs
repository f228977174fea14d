namespace Imi.Domain.Common;

/// <summary>Checks of typed values. A refusal names the field it concerns, whose form shows it next to that field.</summary>
internal static class Guard
{
    /// <summary>A required text, cleaned by <see cref="TextInput"/> (one line unless <paramref name="multiline"/>).</summary>
    public static string Required(string? value, string field, int maxLength, bool multiline = false)
    {
        var trimmed = TextInput.Clean(value, multiline);
        if (trimmed.Length == 0)
            throw new DomainException(Refusals.Input.Required, field);
        if (trimmed.Length > maxLength)
            throw new DomainException(Refusals.Input.TooLong, field, ("count", maxLength));
        return trimmed;
    }

    /// <summary>An optional text, cleaned by <see cref="TextInput"/>; empty becomes null.</summary>
    public static string? Optional(string? value, string field, int maxLength, bool multiline = false)
    {
        var trimmed = TextInput.Clean(value, multiline);
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new DomainException(Refusals.Input.TooLong, field, ("count", maxLength));
        return trimmed;
    }

    public static string Email(string? value, string field)
    {
        var email = Required(value, field, EmailAddress.MaxLength);
        if (!EmailAddress.IsValid(email))
            throw new DomainException(Refusals.Input.NotAnEmail, field);
        return email;
    }
}
