using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;

namespace Imi.Domain.Access;

/// <summary>
/// The coordinators of one country and who is above whom (each coordinator's <see cref="Authority.CoordinatorId"/>):
/// enough to answer "is this coordinator the one responsible, or above it?". Loaded with the country's coordinators.
/// </summary>
public sealed class CoordinatorTree
{
    private readonly IReadOnlyDictionary<Guid, Guid?> _above;

    public CoordinatorTree(IEnumerable<Authority> coordinators) =>
        _above = coordinators.Where(c => c.IsCoordinator).ToDictionary(c => c.Id, c => c.CoordinatorId);

    public CoordinatorTree(IReadOnlyDictionary<Guid, Guid?> above) => _above = above;

    /// <summary>The coordinator and every coordinator below it, at any depth (whose authorities it may administer too).</summary>
    public IReadOnlySet<Guid> ItselfAndBelow(Guid coordinatorId) =>
        _above.Keys.Where(id => IsOrIsAbove(coordinatorId, id)).Append(coordinatorId).ToHashSet();

    /// <summary>
    /// True when <paramref name="coordinatorId"/> is <paramref name="responsibleId"/> or a coordinator above it.
    /// The walk stops at the top, at a coordinator it does not know, and on a loop (data can be wrong; rights never loop).
    /// </summary>
    public bool IsOrIsAbove(Guid coordinatorId, Guid? responsibleId)
    {
        var seen = new HashSet<Guid>();
        for (var current = responsibleId; current is { } id && seen.Add(id); current = _above.GetValueOrDefault(id))
        {
            if (id == coordinatorId)
                return true;
        }
        return false;
    }
}

/// <summary>
/// Who may do what a coordinator does for the authorities it coordinates (decision 010). An authority's own
/// matters (its official title, deactivation, its local data administrators' passwords, its audit trail): a data
/// administrator, in any area, of its coordinator or of a coordinator above it. A matter of one legislative area
/// (access to it, who coordinates it): a data administrator for that area of the area's coordinator or of one above.
/// </summary>
public static class Coordination
{
    public static bool MayAdministerAuthority(Actor actor, Authority target, CoordinatorTree tree) =>
        actor.AuthorityId != target.Id
        && actor.AreaRoles.Any(r => r.Role == AreaRole.DataAdministrator)
        && tree.IsOrIsAbove(actor.AuthorityId, target.CoordinatorId);

    public static bool MayAdministerArea(Actor actor, Authority target, string legislativeAreaCode, CoordinatorTree tree) =>
        actor.AuthorityId != target.Id
        && actor.Has(AreaRole.DataAdministrator, legislativeAreaCode)
        && tree.IsOrIsAbove(actor.AuthorityId, target.CoordinatorFor(legislativeAreaCode));

    public static void RequireCanAdministerAuthority(Actor actor, Authority target, CoordinatorTree tree)
    {
        if (!MayAdministerAuthority(actor, target, tree))
            throw new NotPermittedException(Refusals.Coordination.NotItsCoordinator);
    }

    public static void RequireCanAdministerArea(Actor actor, Authority target, string legislativeAreaCode, CoordinatorTree tree)
    {
        if (!MayAdministerArea(actor, target, legislativeAreaCode, tree))
            throw new NotPermittedException(Refusals.Coordination.NotTheAreasCoordinator, ("area", legislativeAreaCode));
    }

    /// <summary>
    /// The coordinator an administrator gives an area to: its own coordinator or one below it, active, with access to the area.
    /// </summary>
    public static void RequireCoordinatorBelow(Actor actor, CoordinatorTree tree, Authority? coordinator, string legislativeAreaCode)
    {
        if (coordinator is null || !coordinator.IsCoordinator || coordinator.Status != RegistrationStatus.Validated
            || !tree.IsOrIsAbove(actor.AuthorityId, coordinator.Id) || !coordinator.HasAccessTo(legislativeAreaCode))
            throw new DomainException(Refusals.Coordination.NotACoordinatorBelow, nameof(NewAuthority.Areas),
                ("coordinator", coordinator?.InformalTitle ?? ""), ("area", legislativeAreaCode));
    }

    /// <summary>
    /// The coordinator an application for <paramref name="legislativeAreaCode"/> goes to: of the country's active coordinators with
    /// that area, the most specific whose region is the applicant's (a LIMIC, then an SDIMIC, then a DIMIC), else a DIMIC for the
    /// area without a region, else the NIMIC. Null when the country has none.
    /// </summary>
    public static Authority? RouteApplication(IReadOnlyList<Authority> countryCoordinators, string legislativeAreaCode, string? region)
    {
        var wanted = region?.Trim();
        return countryCoordinators
            .Where(c => c.IsCoordinator && c.Status == RegistrationStatus.Validated && c.HasAccessTo(legislativeAreaCode))
            .Where(c => c.CoordinationRegion is null || string.Equals(c.CoordinationRegion.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.CoordinationRegion is null ? 1 : 0)
            .ThenBy(c => c.CoordinatorType switch { CoordinatorType.Limic => 0, CoordinatorType.Sdimic => 1, CoordinatorType.Dimic => 2, _ => 3 })
            .FirstOrDefault();
    }

    /// <summary>The Commission's IMI team: a data administrator of the Commission's authority (keeps the keyword lists, registers NIMICs).</summary>
    public static void RequireCommission(Actor actor, Authority actorAuthority)
    {
        if (actorAuthority.Id != actor.AuthorityId || actorAuthority.CoordinatorType != CoordinatorType.Commission
            || !actor.AreaRoles.Any(r => r.Role == AreaRole.DataAdministrator))
            throw new NotPermittedException(Refusals.Keywords.CommissionOnly);
    }

    /// <summary>Which kind of authority a coordinator of a kind registers: below itself only; NIMICs are the Commission's.</summary>
    public static bool MayRegister(CoordinatorType registrar, CoordinatorType registered) => registered switch
    {
        CoordinatorType.None => registrar is not CoordinatorType.None and not CoordinatorType.Commission,
        CoordinatorType.Dimic or CoordinatorType.Sdimic => registrar == CoordinatorType.Nimic,
        CoordinatorType.Limic => registrar is CoordinatorType.Nimic or CoordinatorType.Dimic or CoordinatorType.Sdimic,
        CoordinatorType.Nimic => registrar == CoordinatorType.Commission,
        _ => false,
    };

    /// <summary>
    /// A coordinator's data administrator registers an authority of its country, with its first user (the guide: both are
    /// registered together). The authority is active at once (a coordinator registered it); each area it gets is one the
    /// administrator holds the data administrator role in, coordinated by <paramref name="registrar"/> or a coordinator below
    /// it that has the area; a coordinator registered gets a kind below the registrar's. The first user has every right
    /// (as the guide's first user) and a temporary password the caller sends.
    /// </summary>
    public static (Authority Authority, User FirstUser) Register(Actor actor, Authority registrar, IReadOnlyList<Authority> countryCoordinators,
        NewAuthority input, bool officialTitleTaken, bool firstUserEmailInUse, string username, DateTimeOffset at)
    {
        if (actor.AuthorityId != registrar.Id || !registrar.IsCoordinator || !actor.AreaRoles.Any(r => r.Role == AreaRole.DataAdministrator))
            throw new NotPermittedException(Refusals.Coordination.DataAdministratorsRegister);
        if (!MayRegister(registrar.CoordinatorType, input.CoordinatorType))
            throw new NotPermittedException(Refusals.Coordination.MayNotRegisterType, ("type", input.CoordinatorType));
        if (input.Areas.Count == 0)
            throw new DomainException(Refusals.Coordination.AreasRequired, nameof(NewAuthority.Areas));
        var needsRegion = input.CoordinatorType is CoordinatorType.Sdimic or CoordinatorType.Limic;
        if (needsRegion && string.IsNullOrWhiteSpace(input.Region))
            throw new DomainException(Refusals.Coordination.RegionRequired, nameof(NewAuthority.Region));

        var tree = new CoordinatorTree(countryCoordinators);
        var coordinators = new List<(string Area, Authority Coordinator)>();
        foreach (var area in input.Areas.DistinctBy(a => a.LegislativeAreaCode))
        {
            if (!actor.Has(AreaRole.DataAdministrator, area.LegislativeAreaCode))
                throw new NotPermittedException(Refusals.Coordination.NotTheAreasCoordinator, ("area", area.LegislativeAreaCode));
            var coordinator = countryCoordinators.FirstOrDefault(c => c.Id == area.CoordinatorId);
            RequireCoordinatorBelow(actor, tree, coordinator, area.LegislativeAreaCode);
            coordinators.Add((area.LegislativeAreaCode, coordinator!));
        }
        if (officialTitleTaken)
            throw new DomainException(Refusals.Coordination.OfficialTitleTaken, nameof(NewAuthority.OfficialTitle));
        var country = registrar.CoordinatorType == CoordinatorType.Commission ? input.CountryCode ?? "" : registrar.CountryCode;
        if (input.CoordinatorType == CoordinatorType.Nimic
            && countryCoordinators.Any(c => c.CoordinatorType == CoordinatorType.Nimic && c.CountryCode.Equals(country.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new DomainException(Refusals.Coordination.CountryHasNimic, nameof(NewAuthority.CountryCode));

        var authority = Authority.Register(country, input.OfficialTitle, input.OriginalLanguageCode, input.InformalTitle,
            input.Level, input.Email, at, input.CoordinatorType, registrar.Id, coordinationRegion: input.Region);
        foreach (var (area, coordinator) in coordinators)
        {
            authority.GrantAreaAccess(area, coordinator.Id);
            if (coordinator.CoordinatorType != CoordinatorType.Commission) // a NIMIC chooses its own request coordinators, if any
                authority.AddRequestCoordinator(area, coordinator);
        }
        authority.Validate();

        if (firstUserEmailInUse)
            throw new DomainException(Refusals.Users.EmailTaken, FirstUserField(nameof(User.Email)));
        User firstUser;
        try
        {
            firstUser = User.Register(authority.Id, username, input.FirstUser.Email, input.FirstUser.GivenName, input.FirstUser.FamilyName,
                input.FirstUser.PreferredLanguageCode, at, input.FirstUser.Phone);
        }
        catch (DomainException e) when (e is not NotPermittedException)
        {
            throw new DomainException(e.Code, e.Field is null ? null : FirstUserField(e.Field), [.. e.Args]);
        }
        firstUser.GrantFirstUserRights(authority.Areas.Select(a => a.LegislativeAreaCode), authority.IsCoordinator);
        return (authority, firstUser);
    }

    /// <summary>The name a refusal gives a field of the first user (the authority has an e-mail field too).</summary>
    public static string FirstUserField(string field) => nameof(NewAuthority.FirstUser) + "." + field;
}
