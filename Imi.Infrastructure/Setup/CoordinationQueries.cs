using Imi.Infrastructure.UseCases;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Access;
using Imi.Domain.Users;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Setup;

public sealed record CoordinatedAuthority(Guid Id, string InformalTitle, string OfficialTitle, IReadOnlyList<CoordinatedAdministrator> LocalDataAdministrators,
    RegistrationStatus Status = RegistrationStatus.Validated, bool IsCoordinator = false);

public sealed record CoordinatedAdministrator(Guid UserId, string DisplayName, string Email, bool IsBlocked);

/// <summary>What the registration form offers: the kinds this coordinator registers, and per area it administers the coordinators to choose from (its own first).</summary>
public sealed record RegistrationOptions(string CountryName, IReadOnlyList<CoordinatorType> Kinds, IReadOnlyList<RegistrationArea> Areas, IReadOnlyList<Language> Languages)
{
    /// <summary>For the Commission: the countries without a NIMIC yet, to register one for (otherwise empty: a coordinator registers in its own country).</summary>
    public IReadOnlyList<(string Code, string Name)> Countries { get; init; } = [];
}

public sealed record RegistrationArea(string Code, string Name, IReadOnlyList<AuthorityRef> Coordinators);

/// <summary>One authority as the coordinator administering it sees it: what it may change, and the audit trail of what coordinators did.</summary>
public sealed record AdministeredAuthority(Guid Id, int Revision, string OfficialTitle, string InformalTitle, RegistrationStatus Status, bool IsCoordinator,
    Guid? CoordinatorId, IReadOnlyList<AuthorityRef> CoordinatorChoices, IReadOnlyList<AdministeredArea> Areas,
    IReadOnlyList<RegistrationArea> GrantableAreas, IReadOnlyList<AuditLine> Audit);

public sealed record AdministeredArea(string Code, string Name, string CoordinatorTitle);

public sealed record AuditLine(DateTimeOffset At, string? UserName, Auditing.AuditKind Kind, string? Detail);

/// <summary>
/// An application waiting for the coordinator, with what the validator should notice: another authority of the country with
/// the same official title, an e-mail (the authority's or the applicant's) already known in IMI.
/// </summary>
public sealed record ApplicationToValidate(Guid Id, int Revision, DateTimeOffset AppliedAt, string OfficialTitle, string InformalTitle,
    AuthorityLevel Level, string Email, IReadOnlyList<string> Areas, string ApplicantName, string ApplicantEmail, string? Reason,
    string? SameTitleAs, bool KnownEmail);

/// <summary>What the public application page offers: the countries whose network has a coordinator, the areas, the languages.</summary>
public sealed record ApplicationChoices(IReadOnlyList<(string Code, string Name)> Countries, IReadOnlyList<(string Code, string Name)> Areas,
    IReadOnlyList<Language> Languages);

/// <summary>A keyword request as the coordinator (state Asked) or the Commission (state Forwarded) deciding it sees it.</summary>
public sealed record KeywordRequestToDecide(Guid Id, int Revision, DateTimeOffset AskedAt, string AuthorityTitle, string CountryName, string ListName,
    string Proposal, Domain.Setup.KeywordRequestState State);

/// <summary>The requests waiting, and the portal's languages by name (a keyword is labelled in each).</summary>
public sealed record KeywordRequestsView(IReadOnlyList<KeywordRequestToDecide> Requests, IReadOnlyList<(string Code, string Name)> Languages);

/// <summary>A country's coordinators as a tree: each with the one above it, its region and areas, and how many authorities it coordinates per area.</summary>
public sealed record CoordinationNetwork(string CountryName, IReadOnlyList<NetworkNode> Coordinators);

public sealed record NetworkNode(Guid Id, Guid? AboveId, string InformalTitle, string OfficialTitle, CoordinatorType Type, string? Region,
    IReadOnlyList<(string Area, int Authorities)> Areas);

/// <summary>
/// For a coordinator's data administrators: the authorities it coordinates, or a coordinator below it does (it may
/// administer those too, decision 010), and their local data administrators.
/// </summary>
public sealed class CoordinationQueries(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<CoordinatedAuthority>> GetAsync(Guid actorUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (country, coordinators) = await AdministeredByAsync(db, actorUserId, ct);
        var authorities = await db.Authorities.AsNoTracking().Where(a => a.CoordinatorId != null && coordinators.Contains(a.CoordinatorId.Value)
                && (a.Status == RegistrationStatus.Validated || a.Status == RegistrationStatus.Deactivated))
            .OrderBy(a => a.InformalTitle).ToListAsync(ct);
        var ids = authorities.Select(a => a.Id).ToList();
        var admins = await db.ImiUsers.AsNoTracking().Where(u => ids.Contains(u.AuthorityId) && u.IsLocalDataAdministrator).ToListAsync(ct);
        var adminIds = admins.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow();
        var blocked = await db.Accounts.AsNoTracking().Where(a => adminIds.Contains(a.Id) && a.LockoutEnd > now).Select(a => a.Id).ToListAsync(ct);
        return authorities.Select(a => new CoordinatedAuthority(a.Id, a.InformalTitle, a.OfficialTitle,
            admins.Where(u => u.AuthorityId == a.Id).OrderBy(u => u.FamilyName)
                .Select(u => new CoordinatedAdministrator(u.Id, u.DisplayName, u.Email, blocked.Contains(u.Id))).ToList(),
            a.Status, a.IsCoordinator)).ToList();
    }

    /// <summary>For the registration form: only a coordinator's data administrators register (the domain says so again when they do).</summary>
    public async Task<RegistrationOptions> RegistrationOptionsAsync(Guid actorUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, _) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        var registrar = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == user.AuthorityId, ct);
        if (!registrar.IsCoordinator || !user.HasAnywhere(AreaRole.DataAdministrator))
            throw new NotPermittedException(Refusals.Coordination.DataAdministratorsRegister);
        var language = Localization.Texts.CurrentLanguage;
        var coordinators = await db.Authorities.AsNoTracking()
            .Where(a => a.CountryCode == registrar.CountryCode && a.CoordinatorType != CoordinatorType.None && a.Status == RegistrationStatus.Validated)
            .ToListAsync(ct);
        var below = new CoordinatorTree(coordinators).ItselfAndBelow(registrar.Id);
        var areaNames = await db.LegislativeAreas.AsNoTracking().ToDictionaryAsync(a => a.Code, ct);
        var areas = registrar.Areas.Select(a => a.LegislativeAreaCode).Where(code => user.Has(AreaRole.DataAdministrator, code))
            .Select(code => new RegistrationArea(code, areaNames.TryGetValue(code, out var area) ? area.NameIn(language) : code,
                coordinators.Where(c => below.Contains(c.Id) && c.HasAccessTo(code))
                    .OrderBy(c => c.Id != registrar.Id).ThenBy(c => c.InformalTitle).Select(SetupViewBuilder.RefOf).ToList()))
            .ToList();
        var kinds = Enum.GetValues<CoordinatorType>().Where(k => Domain.Access.Coordination.MayRegister(registrar.CoordinatorType, k)).ToList();
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == registrar.CountryCode, ct);
        var order = StringComparer.Create(Localization.PortalLanguages.CultureOf(language), ignoreCase: true);
        var languages = (await db.Languages.AsNoTracking().ToListAsync(ct)).OrderBy(l => l.NameIn(language), order).ToList();
        IReadOnlyList<(string, string)> countries = [];
        if (registrar.CoordinatorType == CoordinatorType.Commission)
        {
            var withNimic = await db.Authorities.AsNoTracking().Where(a => a.CoordinatorType == CoordinatorType.Nimic).Select(a => a.CountryCode).ToListAsync(ct);
            countries = (await db.Countries.AsNoTracking().Where(c => !withNimic.Contains(c.Code)).ToListAsync(ct))
                .Select(c => (c.Code, c.NameIn(language))).OrderBy(c => c.Item2, order).ToList();
            areas = [.. areas.Select(a => a with { Coordinators = [.. a.Coordinators.Where(c => c.Id == registrar.Id)] })];
        }
        return new RegistrationOptions(country.NameIn(language), kinds, areas, languages) { Countries = countries };
    }

    /// <summary>
    /// The coordinators of the user's country (for the users of its coordinators), from the NIMIC down. Counts per area: the
    /// authorities (not coordinators) that coordinator coordinates in that area. Reads the country's authorities with their
    /// areas once (a country has hundreds, not millions).
    /// </summary>
    public async Task<CoordinationNetwork> NetworkAsync(Guid actorUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, _) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        var own = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == user.AuthorityId, ct);
        if (!own.IsCoordinator)
            throw new NotPermittedException(Refusals.Access.CoordinatorsOnly);
        var language = Localization.Texts.CurrentLanguage;
        var authorities = await db.Authorities.AsNoTracking()
            .Where(a => a.CountryCode == own.CountryCode && a.Status == RegistrationStatus.Validated).ToListAsync(ct);
        var counts = authorities.Where(a => !a.IsCoordinator)
            .SelectMany(a => a.Areas.Select(area => (Coordinator: a.CoordinatorFor(area.LegislativeAreaCode), Area: area.LegislativeAreaCode)))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var areaNames = await db.LegislativeAreas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.NameIn(language), ct);
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == own.CountryCode, ct);
        var nodes = authorities.Where(a => a.IsCoordinator).OrderBy(a => a.CoordinatorType).ThenBy(a => a.InformalTitle)
            .Select(c => new NetworkNode(c.Id, c.CoordinatorId, c.InformalTitle, c.OfficialTitle, c.CoordinatorType, c.CoordinationRegion,
                c.Areas.Select(a => (areaNames.GetValueOrDefault(a.LegislativeAreaCode, a.LegislativeAreaCode),
                    counts.GetValueOrDefault(((Guid?)c.Id, a.LegislativeAreaCode)))).ToList()))
            .ToList();
        return new CoordinationNetwork(country.NameIn(language), nodes);
    }

    /// <summary>For the coordinator's data administrators who may administer it (its coordinator or one above, decision 010).</summary>
    public async Task<AdministeredAuthority> AuthorityAsync(Guid actorUserId, Guid authorityId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        var target = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == authorityId, ct)
            ?? throw new DomainException(Refusals.Coordination.NoSuchAuthority);
        var coordinators = await db.Authorities.AsNoTracking()
            .Where(a => a.CountryCode == target.CountryCode && a.CoordinatorType != CoordinatorType.None && a.Status == RegistrationStatus.Validated)
            .OrderBy(a => a.InformalTitle).ToListAsync(ct);
        var tree = new CoordinatorTree(coordinators);
        Domain.Access.Coordination.RequireCanAdministerAuthority(actor, target, tree);

        var language = Localization.Texts.CurrentLanguage;
        var areaNames = await db.LegislativeAreas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.NameIn(language), ct);
        string AreaName(string code) => areaNames.GetValueOrDefault(code, code);
        string TitleOf(Guid? id) => coordinators.FirstOrDefault(c => c.Id == id)?.InformalTitle ?? "";
        var mine = tree.ItselfAndBelow(actor.AuthorityId);
        var choices = coordinators.Where(c => mine.Contains(c.Id) && c.Id != target.Id && !tree.IsOrIsAbove(target.Id, c.Id))
            .Select(SetupViewBuilder.RefOf).ToList();
        var grantable = actor.AreaRoles.Where(r => r.Role == AreaRole.DataAdministrator).Select(r => r.LegislativeAreaCode).Distinct()
            .Where(code => !target.HasAccessTo(code))
            .Select(code => new RegistrationArea(code, AreaName(code),
                coordinators.Where(c => mine.Contains(c.Id) && c.Id != target.Id && c.HasAccessTo(code))
                    .OrderBy(c => c.Id != actor.AuthorityId).Select(SetupViewBuilder.RefOf).ToList()))
            .Where(a => a.Coordinators.Count > 0).OrderBy(a => a.Name).ToList();
        var audit = await (from e in db.AuditEntries.AsNoTracking()
                           where e.AuthorityId == target.Id
                           join u in db.ImiUsers.AsNoTracking() on e.UserId equals u.Id into users
                           from u in users.DefaultIfEmpty()
                           orderby e.At descending, e.Id descending
                           select new { e.At, u.GivenName, u.FamilyName, e.Kind, e.Detail }).Take(100).ToListAsync(ct);
        return new AdministeredAuthority(target.Id, target.Revision, target.OfficialTitle, target.InformalTitle, target.Status, target.IsCoordinator,
            target.CoordinatorId, choices,
            [.. target.Areas.OrderBy(a => AreaName(a.LegislativeAreaCode))
                .Select(a => new AdministeredArea(a.LegislativeAreaCode, AreaName(a.LegislativeAreaCode), TitleOf(target.CoordinatorFor(a.LegislativeAreaCode))))],
            grantable,
            [.. audit.Select(e => new AuditLine(e.At, e.GivenName is null ? null : $"{e.GivenName} {e.FamilyName}", e.Kind, e.Detail))]);
    }

    /// <summary>The applications waiting for the user's coordinator or one below it (its data administrators decide them).</summary>
    public async Task<IReadOnlyList<ApplicationToValidate>> ApplicationsAsync(Guid actorUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (country, coordinators) = await AdministeredByAsync(db, actorUserId, ct);
        var applications = await db.Authorities.AsNoTracking()
            .Where(a => a.Status == RegistrationStatus.Applied && a.CoordinatorId != null && coordinators.Contains(a.CoordinatorId.Value))
            .OrderBy(a => a.RegisteredAt).ToListAsync(ct);
        if (applications.Count == 0)
            return [];

        var titles = applications.Select(a => a.OfficialTitle.ToUpper()).ToList();
        var sameTitles = await db.Authorities.AsNoTracking()
            .Where(a => a.CountryCode == country && a.Status != RegistrationStatus.Rejected && titles.Contains(a.OfficialTitle.ToUpper()))
            .Select(a => new { a.Id, a.OfficialTitle, a.InformalTitle }).ToListAsync(ct);
        var emails = applications.SelectMany(a => new[] { a.Email.ToUpper(), a.Applicant?.Email.ToUpper() ?? "" }).Where(e => e != "").Distinct().ToList();
        var knownUserEmails = await db.ImiUsers.AsNoTracking().Where(u => emails.Contains(u.Email.ToUpper())).Select(u => u.Email.ToUpper()).ToListAsync(ct);
        var knownAuthorityEmails = await db.Authorities.AsNoTracking().Where(a => a.Status != RegistrationStatus.Rejected && emails.Contains(a.Email.ToUpper()))
            .Select(a => new { a.Id, Email = a.Email.ToUpper() }).ToListAsync(ct);
        var language = Localization.Texts.CurrentLanguage;
        var areaNames = await db.LegislativeAreas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.NameIn(language), ct);

        bool Known(Authority application, string? email) => email is { Length: > 0 } e
            && (knownUserEmails.Contains(e.ToUpper()) || knownAuthorityEmails.Any(k => k.Email == e.ToUpper() && k.Id != application.Id));
        return applications.Select(a => new ApplicationToValidate(a.Id, a.Revision, a.RegisteredAt, a.OfficialTitle, a.InformalTitle, a.Level, a.Email,
                [.. a.Areas.Select(x => areaNames.GetValueOrDefault(x.LegislativeAreaCode, x.LegislativeAreaCode))],
                a.Applicant is { } p ? $"{p.GivenName} {p.FamilyName}" : "", a.Applicant?.Email ?? "", a.ApplicationReason,
                sameTitles.FirstOrDefault(t => t.Id != a.Id && t.OfficialTitle.ToUpper() == a.OfficialTitle.ToUpper())?.InformalTitle,
                Known(a, a.Email) || Known(a, a.Applicant?.Email)))
            .ToList();
    }

    /// <summary>For the public application page (no one signed in), in the visitor's language.</summary>
    public async Task<ApplicationChoices> ApplicationChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var language = Localization.Texts.CurrentLanguage;
        var order = StringComparer.Create(Localization.PortalLanguages.CultureOf(language), ignoreCase: true);
        var withCoordinator = await db.Authorities.AsNoTracking()
            .Where(a => a.CoordinatorType == CoordinatorType.Nimic && a.Status == RegistrationStatus.Validated).Select(a => a.CountryCode).Distinct().ToListAsync(ct);
        var countries = (await db.Countries.AsNoTracking().Where(c => withCoordinator.Contains(c.Code)).ToListAsync(ct))
            .Select(c => (c.Code, c.NameIn(language))).OrderBy(c => c.Item2, order).ToList();
        var areas = (await db.LegislativeAreas.AsNoTracking().ToListAsync(ct)).Select(a => (a.Code, a.NameIn(language))).OrderBy(a => a.Item2, order).ToList();
        var languages = (await db.Languages.AsNoTracking().ToListAsync(ct)).OrderBy(l => l.NameIn(language), order).ToList();
        return new ApplicationChoices(countries, areas, languages);
    }

    /// <summary>
    /// The keyword requests waiting for the user: for a coordinator's data administrators those asked by the authorities it
    /// (or one below it) coordinates; for the Commission's, those forwarded to it.
    /// </summary>
    public async Task<KeywordRequestsView> KeywordRequestsAsync(Guid actorUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, _) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        if (!user.HasAnywhere(AreaRole.DataAdministrator))
            throw new NotPermittedException(Refusals.Access.CoordinatorDataAdministratorsOnly);
        var own = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == user.AuthorityId, ct);
        var waiting = own.CoordinatorType == CoordinatorType.Commission
            ? db.KeywordRequests.AsNoTracking().Where(r => r.State == Domain.Setup.KeywordRequestState.Forwarded)
            : await AskedOfAsync(db, own, ct);
        var language = Localization.Texts.CurrentLanguage;
        var rows = await (from r in waiting
                          join a in db.Authorities.AsNoTracking() on r.AuthorityId equals a.Id
                          join c in db.Countries.AsNoTracking() on a.CountryCode equals c.Code
                          join l in db.KeywordLists.AsNoTracking() on r.ListCode equals l.Code
                          orderby r.AskedAt
                          select new { r, a.InformalTitle, Country = c, List = l }).Take(200).ToListAsync(ct);
        var languages = (await db.Languages.AsNoTracking().ToListAsync(ct))
            .Where(l => Localization.PortalLanguages.Codes.Contains(l.Code)).OrderBy(l => l.Code)
            .Select(l => (l.Code, l.NameIn(language))).ToList();
        return new KeywordRequestsView(rows.Select(x => new KeywordRequestToDecide(x.r.Id, x.r.Revision, x.r.AskedAt, x.InformalTitle, x.Country.NameIn(language),
            x.List.Names.GetValueOrDefault(language) ?? x.List.Names.GetValueOrDefault("en", x.List.Code), x.r.Proposal, x.r.State)).ToList(), languages);
    }

    private static async Task<IQueryable<Domain.Setup.KeywordRequest>> AskedOfAsync(ImiDbContext db, Authority coordinator, CancellationToken ct)
    {
        var coordinators = (await CoordinatorTrees.OfCountryAsync(db, coordinator.CountryCode, ct)).ItselfAndBelow(coordinator.Id).ToList();
        return db.KeywordRequests.AsNoTracking().Where(r => r.State == Domain.Setup.KeywordRequestState.Asked
            && db.Authorities.Any(a => a.Id == r.AuthorityId && a.CoordinatorId != null && coordinators.Contains(a.CoordinatorId.Value)));
    }

    /// <summary>
    /// For a coordinator's data administrator (refused otherwise): its country, and its coordinator with every coordinator below
    /// it, whose authorities it may administer (decision 010).
    /// </summary>
    private static async Task<(string Country, List<Guid> Coordinators)> AdministeredByAsync(ImiDbContext db, Guid actorUserId, CancellationToken ct)
    {
        var (user, _) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        if (!user.HasAnywhere(AreaRole.DataAdministrator))
            throw new NotPermittedException(Refusals.Access.CoordinatorDataAdministratorsOnly);
        var country = await db.Authorities.Where(a => a.Id == user.AuthorityId).Select(a => a.CountryCode).SingleAsync(ct);
        return (country, (await CoordinatorTrees.OfCountryAsync(db, country, ct)).ItselfAndBelow(user.AuthorityId).ToList());
    }
}
