namespace Imi.Domain.Authorities;

/// <summary>Where an authority can be reached. All parts optional except the country (on the authority).</summary>
public sealed record ContactDetails(
    string? Street,
    string? PostalCode,
    string? City,
    string? Region,
    string? Phone,
    string? Website)
{
    public const int LineMaxLength = 200;
    public const int PhoneMaxLength = 40;
    public const int WebsiteMaxLength = 300;

    public static ContactDetails Empty { get; } = new(null, null, null, null, null, null);
}
