using Imi.Domain.Common;

namespace Imi.Domain.Users;

public static class Username
{
    public const int MinLength = 4;

    /// <summary>Letters, digits, dots, hyphens and underscores; 4 to 40 characters.</summary>
    public static string Validate(string? value)
    {
        var trimmed = Guard.Required(value, nameof(User.Username), User.UsernameMaxLength);
        if (trimmed.Length < MinLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw new DomainException(Refusals.Users.UsernameInvalid, nameof(User.Username), ("min", MinLength), ("count", User.UsernameMaxLength));
        return trimmed;
    }

    /// <summary>
    /// A system-made username: the initials of the person, the country and five random digits,
    /// e.g. "IE-MD-40417". Unguessable enough not to reveal the person, short enough to dictate.
    /// </summary>
    public static string Generate(string countryCode, string givenName, string familyName, Random random)
    {
        static char Initial(string name) =>
            name.Trim().FirstOrDefault(char.IsAsciiLetter) is var c and not '\0' ? char.ToUpperInvariant(c) : 'X';
        return $"{countryCode.ToUpperInvariant()}-{Initial(givenName)}{Initial(familyName)}-{random.Next(10000, 100000)}";
    }
}
