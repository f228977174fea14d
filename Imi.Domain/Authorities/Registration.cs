using Imi.Domain.Users;

namespace Imi.Domain.Authorities;

/// <summary>
/// An authority as a coordinator's data administrator registers it (decision 010, the guide's "when your authority was
/// registered in IMI, you as a first user were registered at the same time"): who it is, whether it is a coordinator
/// itself (and of which region), the legislative areas it gets access to with the coordinator that coordinates it in
/// each, and its first user. <c>CountryCode</c>: only the Commission names it (registering a country's NIMIC); any other
/// coordinator registers in its own country.
/// </summary>
public sealed record NewAuthority(
    string OfficialTitle,
    string InformalTitle,
    string OriginalLanguageCode,
    AuthorityLevel Level,
    string Email,
    CoordinatorType CoordinatorType,
    string? Region,
    IReadOnlyList<AreaCoordinator> Areas,
    NewUser FirstUser,
    string? CountryCode = null);

/// <summary>Access to one legislative area, coordinated (and overseen, as request coordinator) by that coordinator.</summary>
public sealed record AreaCoordinator(string LegislativeAreaCode, Guid CoordinatorId);
