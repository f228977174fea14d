using Imi.Domain.Access;
using Imi.Domain.Authorities;

namespace Imi.Domain.Performance;

/// <summary>How far a user's view of the figures and the urgency list reaches (issue 12).</summary>
public enum ScopeKind
{
    /// <summary>An authority that coordinates nobody: its own figures.</summary>
    OwnAuthority,
    /// <summary>A DIMIC, SDIMIC or LIMIC: the authorities it coordinates in each area, directly or through coordinators below it.</summary>
    Coordinated,
    /// <summary>A NIMIC: every authority of its country.</summary>
    Country,
    /// <summary>The Commission's IMI team: every authority.</summary>
    Network,
}

/// <summary>One authority in one legislative area: the unit a coordinator's scope is made of.</summary>
public sealed record AuthorityArea(Guid AuthorityId, string AreaCode);

/// <summary>
/// Who sees which figures, defined once: an authority its own; a coordinator those of the authorities it coordinates (per area,
/// through the coordinators below it too); a NIMIC its country; the Commission all. Every user also sees country totals and the
/// EEA total (the Scoreboard publishes them), never another country's authorities one by one.
/// </summary>
public sealed record PerformanceScope(ScopeKind Kind, Guid AuthorityId, string CountryCode, IReadOnlySet<AuthorityArea> Covered)
{
    public bool IsCoordinator => Kind != ScopeKind.OwnAuthority;

    /// <summary>
    /// True when a coordinator with this scope may remind <paramref name="waitingAuthorityId"/> (of <paramref name="countryCode"/>), the
    /// authority whose turn it is in an exchange of the area: one it covers, not itself. (The user also needs a role in the area:
    /// <see cref="Requests.InformationRequest.RemindFromCoordinator"/>.)
    /// </summary>
    public bool MayRemind(Guid? waitingAuthorityId, string? countryCode, string areaCode) =>
        IsCoordinator && waitingAuthorityId is { } waiting && waiting != AuthorityId && countryCode is not null && Covers(waiting, countryCode, areaCode);

    /// <summary>True when the scope sees the figures and exchanges of <paramref name="authorityId"/> (of <paramref name="countryCode"/>) in the area.</summary>
    public bool Covers(Guid authorityId, string countryCode, string areaCode) => Kind switch
    {
        ScopeKind.Network => true,
        ScopeKind.Country => countryCode == CountryCode,
        _ => Covered.Contains(new AuthorityArea(authorityId, areaCode)),
    };

    /// <summary>
    /// The scope of a user of <paramref name="own"/>. <paramref name="countryAreas"/>: who coordinates each authority of its country
    /// in each area (read only for a DIMIC, SDIMIC or LIMIC); <paramref name="tree"/>: the country's coordinators.
    /// </summary>
    public static PerformanceScope Of(Authority own, IEnumerable<AreaCoordination> countryAreas, CoordinatorTree tree) =>
        Of(own.Id, own.CountryCode, own.CoordinatorType, own.Areas.Select(a => a.LegislativeAreaCode), countryAreas, tree);

    /// <summary>The same from the few columns it needs (the queries read no whole authority for it).</summary>
    public static PerformanceScope Of(Guid ownId, string countryCode, CoordinatorType type, IEnumerable<string> ownAreaCodes,
        IEnumerable<AreaCoordination> countryAreas, CoordinatorTree tree)
    {
        var ownAreas = ownAreaCodes.Select(code => new AuthorityArea(ownId, code));
        return type switch
        {
            CoordinatorType.Commission => new(ScopeKind.Network, ownId, countryCode, new HashSet<AuthorityArea>()),
            CoordinatorType.Nimic => new(ScopeKind.Country, ownId, countryCode, new HashSet<AuthorityArea>()),
            CoordinatorType.None => new(ScopeKind.OwnAuthority, ownId, countryCode, ownAreas.ToHashSet()),
            _ => new(ScopeKind.Coordinated, ownId, countryCode, ownAreas
                .Concat(countryAreas.Where(a => tree.IsOrIsAbove(ownId, a.CoordinatorId)).Select(a => new AuthorityArea(a.AuthorityId, a.AreaCode)))
                .ToHashSet()),
        };
    }
}

/// <summary>Who coordinates an authority in one area (<see cref="Authority.CoordinatorFor"/>).</summary>
public sealed record AreaCoordination(Guid AuthorityId, string AreaCode, Guid? CoordinatorId)
{
    public static IEnumerable<AreaCoordination> Of(Authority authority) =>
        authority.Areas.Select(a => new AreaCoordination(authority.Id, a.LegislativeAreaCode, authority.CoordinatorFor(a.LegislativeAreaCode)));
}
