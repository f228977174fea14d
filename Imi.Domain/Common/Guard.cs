namespace Imi.Domain.Common;

internal static class Guard
{
    /// <summary>A required text, cleaned by <see cref="TextInput"/> (one line unless <paramref name="multiline"/>).</summary>
    public static string Required(string? value, string field, string label, int maxLength, bool multiline = false)
    {
        var trimmed = TextInput.Clean(value, multiline);
        if (trimmed.Length == 0)
            throw new DomainException($"{label} is required.", field);
        if (trimmed.Length > maxLength)
            throw new DomainException($"{label} must be at most {maxLength} characters.", field);
        return trimmed;
    }

    /// <summary>An optional text, cleaned by <see cref="TextInput"/>; empty becomes null.</summary>
    public static string? Optional(string? value, string field, string label, int maxLength, bool multiline = false)
    {
        var trimmed = TextInput.Clean(value, multiline);
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new DomainException($"{label} must be at most {maxLength} characters.", field);
        return trimmed;
    }

    public static string Email(string? value, string field, string label)
    {
        var email = Required(value, field, label, EmailAddress.MaxLength);
        if (!EmailAddress.IsValid(email))
            throw new DomainException($"{label} is not a valid e-mail address.", field);
        return email;
    }
}
