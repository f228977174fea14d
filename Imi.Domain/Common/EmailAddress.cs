namespace Imi.Domain.Common;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>A pragmatic check: one @, a non-empty local part, a dotted domain, no spaces.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Any(char.IsWhiteSpace))
            return false;
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@'))
            return false;
        var domain = value[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    /// <summary>The form used to compare addresses for uniqueness.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();
}
