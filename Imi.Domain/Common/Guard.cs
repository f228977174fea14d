namespace Imi.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string field, string label, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainException($"{label} is required.", field);
        if (trimmed.Length > maxLength)
            throw new DomainException($"{label} must be at most {maxLength} characters.", field);
        return trimmed;
    }

    public static string? Optional(string? value, string field, string label, int maxLength)
    {
        var trimmed = value?.Trim();
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
