using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Mail;
using Microsoft.Extensions.Options;
using Imi.Infrastructure.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Coordination;

/// <summary>What a coordinator does to an authority it coordinates (decision 010).</summary>
public abstract record CoordinationCommand(Guid AuthorityId)
{
    /// <summary>The authority's revision the page showed; a later change by someone else refuses the command.</summary>
    public int? ExpectedRevision { get; init; }
}

public sealed record DeactivateAuthority(Guid AuthorityId) : CoordinationCommand(AuthorityId);

public sealed record ReactivateAuthority(Guid AuthorityId) : CoordinationCommand(AuthorityId);

public sealed record GrantArea(Guid AuthorityId, string AreaCode, Guid CoordinatorId) : CoordinationCommand(AuthorityId);

public sealed record WithdrawArea(Guid AuthorityId, string AreaCode) : CoordinationCommand(AuthorityId);

public sealed record EditOfficialTitle(Guid AuthorityId, string OfficialTitle) : CoordinationCommand(AuthorityId);

public sealed record ChangeCoordinator(Guid AuthorityId, Guid CoordinatorId) : CoordinationCommand(AuthorityId);

public sealed record ValidateApplication(Guid AuthorityId) : CoordinationCommand(AuthorityId);

public sealed record RejectApplication(Guid AuthorityId, string Reason) : CoordinationCommand(AuthorityId);

/// <summary>What a coordinator or the Commission does with a keyword request (issue 11).</summary>
public abstract record KeywordRequestCommand(Guid RequestId)
{
    public int? ExpectedRevision { get; init; }
}

public sealed record ForwardKeywordRequest(Guid RequestId) : KeywordRequestCommand(RequestId);

public sealed record DeclineKeywordRequest(Guid RequestId, string Reason) : KeywordRequestCommand(RequestId);

/// <summary>The Commission adds the keyword, with its label per language code.</summary>
public sealed record AddKeyword(Guid RequestId, IReadOnlyDictionary<string, string> Labels) : KeywordRequestCommand(RequestId);

/// <summary>An authority registered: its id, its first user's username (for the registering administrator's eyes only), the notice.</summary>
public sealed record AuthorityRegistered(Guid AuthorityId, string FirstUsername, Notice Notice);

/// <summary>
/// Runs a coordinator's command as one use case: loads the authority and its country's coordinators, lets the
/// domain decide (rights included), writes the audit entry, and saves in one transaction.
/// </summary>
public sealed class CoordinationService(
    IDbContextFactory<ImiDbContext> contexts,
    AccountCredentials credentials,
    Outbox outbox,
    MailWriter mails,
    IOptions<SecurityOptions> security,
    Performance.CountryCoordinationCache coordinationCache,
    TimeProvider clock)
{
    /// <summary>
    /// An authority applies through the public page: saved as an application, routed per area to the competent coordinator,
    /// whose data administrators are told by e-mail. The caller answers the same whatever happened to a known title or e-mail
    /// (duplicates are shown to the validator, never to the applicant).
    /// </summary>
    public async Task ApplyAsync(NewApplication input, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var country = TextInput.Line(input.CountryCode).ToUpperInvariant();
        var coordinators = await db.Authorities.AsNoTracking()
            .Where(a => a.CountryCode == country && a.CoordinatorType != CoordinatorType.None).ToListAsync(ct);
        var application = Authority.Apply(input with { CountryCode = country }, coordinators, clock.GetUtcNow());
        db.Authorities.Add(application);

        var routedTo = application.Areas.Select(a => application.CoordinatorFor(a.LegislativeAreaCode)).Distinct().ToList();
        var countryName = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == country, ct);
        var link = Link("coordination/authorities");
        foreach (var admin in await db.ImiUsers.AsNoTracking().Where(u => routedTo.Contains(u.AuthorityId)).ToListAsync(ct))
            if (admin.HasAnywhere(AreaRole.DataAdministrator))
                outbox.Enqueue(db, mails.ApplicationReceived(admin.PreferredLanguageCode, admin.DisplayName, application.InformalTitle,
                    countryName.NameIn(admin.PreferredLanguageCode), link), admin.Email, admin.DisplayName, MailKinds.ApplicationReceived);
        await UnitOfWork.SaveAsync(db, Refusals.Concurrency.AuthorityChanged, ct);
    }

    /// <summary>
    /// A coordinator's data administrator registers an authority with its first user: both active at once, the first user's
    /// temporary password e-mailed in the same transaction; the username goes back to the administrator only.
    /// </summary>
    public async Task<AuthorityRegistered> RegisterAsync(Guid actorUserId, NewAuthority input, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        var registrar = await db.Authorities.SingleAsync(a => a.Id == actor.AuthorityId, ct);
        // The Commission registers a country's NIMIC; every other coordinator registers in its own country.
        var country = registrar.CoordinatorType == CoordinatorType.Commission ? TextInput.Line(input.CountryCode).ToUpperInvariant() : registrar.CountryCode;
        var coordinators = await CoordinatorTrees.CoordinatorsOf(db, country).ToListAsync(ct);
        var titleTaken = await OfficialTitleTakenAsync(db, country, input.OfficialTitle, null, ct);
        var email = TextInput.Line(input.FirstUser.Email);
        var emailInUse = await db.ImiUsers.AnyAsync(u => u.Email == email, ct);
        var username = await Usernames.NewAsync(db, country.Length == 2 ? country : registrar.CountryCode, input.FirstUser.GivenName, input.FirstUser.FamilyName, ct);

        var (authority, firstUser) = Domain.Access.Coordination.Register(actor, registrar, coordinators, input with { CountryCode = country },
            titleTaken, emailInUse, username, clock.GetUtcNow());
        db.Authorities.Add(authority);
        db.ImiUsers.Add(firstUser);
        credentials.CreateWithTemporaryPassword(db, firstUser);
        Audit(db, actor.UserId, authority, AuditKind.AuthorityRegistered, authority.OfficialTitle);
        await UnitOfWork.SaveAsync(db, Refusals.Concurrency.AuthorityChanged, ct, Domain.Access.Coordination.FirstUserField(nameof(User.Email)));
        coordinationCache.Forget(); // a new authority (or country) in someone's scope
        return new AuthorityRegistered(authority.Id, firstUser.Username, new Notice(Notices.Coordination.AuthorityRegistered,
            ("authority", authority.InformalTitle), ("name", firstUser.DisplayName), ("email", firstUser.Email), ("username", firstUser.Username)));
    }

    public async Task<Notice> ExecuteAsync(Guid actorUserId, CoordinationCommand command, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        var target = await db.Authorities.SingleOrDefaultAsync(a => a.Id == command.AuthorityId, ct)
            ?? throw new DomainException(Refusals.Coordination.NoSuchAuthority);
        if (command.ExpectedRevision is { } expected && expected != target.Revision)
            throw new ChangedBySomeoneElseException(Refusals.Concurrency.AuthorityChanged);
        var coordinators = await CoordinatorTrees.OfCountryAsync(db, target.CountryCode, ct);

        AuditKind kind;
        string notice;
        var detail = target.OfficialTitle;
        (string, object?)[] args = [];
        switch (command)
        {
            case GrantArea c:
                target.GrantArea(actor, coordinators, c.AreaCode, await CoordinatorAsync(db, c.CoordinatorId, ct));
                (kind, notice, detail) = (AuditKind.AreaGranted, Notices.Coordination.AreaGranted, c.AreaCode);
                break;
            case WithdrawArea c:
                var open = await db.Requests.AsNoTracking()
                    .Where(r => (r.RequestingAuthorityId == target.Id || r.RespondingAuthorityId == target.Id)
                                && r.LegislativeAreaCode == c.AreaCode && RequestStatuses.Open.Contains(r.Status))
                    .OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(ct);
                var coordinatesOthers = target.IsCoordinator && await db.Authorities.AnyAsync(a => a.Id != target.Id
                    && a.Areas.Any(x => x.LegislativeAreaCode == c.AreaCode && (x.CoordinatorId == target.Id || (x.CoordinatorId == null && a.CoordinatorId == target.Id))), ct);
                target.WithdrawArea(actor, coordinators, c.AreaCode, [.. open.Select(InformationRequest.ReferenceOf)], coordinatesOthers);
                foreach (var user in await db.ImiUsers.Where(u => u.AuthorityId == target.Id).ToListAsync(ct))
                    if (user.LoseArea(c.AreaCode))
                        (await db.Accounts.SingleAsync(a => a.Id == user.Id, ct)).EndSessions(); // their sessions carried the roles
                (kind, notice, detail) = (AuditKind.AreaWithdrawn, Notices.Coordination.AreaWithdrawn, c.AreaCode);
                break;
            case EditOfficialTitle c:
                var taken = await OfficialTitleTakenAsync(db, target.CountryCode, c.OfficialTitle, target.Id, ct);
                var before = target.OfficialTitle;
                target.EditOfficialTitle(actor, coordinators, c.OfficialTitle, taken);
                (kind, notice, detail) = (AuditKind.OfficialTitleChanged, Notices.Coordination.OfficialTitleChanged, $"{before} → {target.OfficialTitle}");
                break;
            case ValidateApplication:
                var applicant = target.Applicant;
                var emailInUse = applicant is not null && await db.ImiUsers.AnyAsync(u => u.Email == applicant.Email, ct);
                var username = await Usernames.NewAsync(db, target.CountryCode, applicant?.GivenName, applicant?.FamilyName, ct);
                var firstUser = target.ValidateApplication(actor, coordinators, emailInUse, username, clock.GetUtcNow());
                db.ImiUsers.Add(firstUser);
                credentials.CreateWithTemporaryPassword(db, firstUser);
                (kind, notice, detail) = (AuditKind.ApplicationValidated, Notices.Coordination.ApplicationValidated, target.OfficialTitle);
                args = [("name", firstUser.DisplayName), ("email", firstUser.Email), ("username", firstUser.Username)];
                break;
            case RejectApplication c:
                var rejected = target.RejectApplication(actor, coordinators, c.Reason);
                outbox.Enqueue(db, mails.ApplicationRejected(rejected.PreferredLanguageCode, $"{rejected.GivenName} {rejected.FamilyName}",
                    target.OfficialTitle, target.RejectionReason!), rejected.Email, $"{rejected.GivenName} {rejected.FamilyName}", MailKinds.ApplicationRejected);
                (kind, notice, detail) = (AuditKind.ApplicationRejected, Notices.Coordination.ApplicationRejected, target.RejectionReason!);
                break;
            case ChangeCoordinator c:
                var coordinator = await CoordinatorAsync(db, c.CoordinatorId, ct);
                target.ChangeCoordinator(actor, coordinators, coordinator);
                (kind, notice, detail) = (AuditKind.CoordinatorChanged, Notices.Coordination.CoordinatorChanged, coordinator.OfficialTitle);
                break;
            case DeactivateAuthority:
                target.Deactivate(actor, coordinators);
                await EndSessionsOfAsync(db, target.Id, ct);
                (kind, notice) = (AuditKind.AuthorityDeactivated, Notices.Coordination.AuthorityDeactivated);
                break;
            case ReactivateAuthority:
                target.Reactivate(actor, coordinators);
                (kind, notice) = (AuditKind.AuthorityReactivated, Notices.Coordination.AuthorityReactivated);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name);
        }
        Audit(db, actor.UserId, target, kind, detail);
        await UnitOfWork.SaveAsync(db, Refusals.Concurrency.AuthorityChanged, ct);
        coordinationCache.Forget(target.CountryCode); // who coordinates whom may have changed (areas, coordinator, validation)
        return new Notice(notice, [("authority", target.InformalTitle), .. args]);
    }

    /// <summary>
    /// A keyword request moves on: forwarded to the Commission (its data administrators are e-mailed), declined or added (the
    /// user who asked is e-mailed, in their language). The domain decides who may (the coordinator or one above it; the Commission).
    /// </summary>
    public async Task<Notice> ExecuteAsync(Guid actorUserId, KeywordRequestCommand command, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        var request = await db.KeywordRequests.SingleOrDefaultAsync(r => r.Id == command.RequestId, ct)
            ?? throw new DomainException(Refusals.Keywords.NoSuchRequest);
        if (command.ExpectedRevision is { } expected && expected != request.Revision)
            throw new ChangedBySomeoneElseException(Refusals.Concurrency.KeywordRequestChanged);
        var asking = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == request.AuthorityId, ct);
        var actorAuthority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == actor.AuthorityId, ct);
        var tree = await CoordinatorTrees.OfCountryAsync(db, asking.CountryCode, ct);
        var lists = db.KeywordLists.Where(l => l.Code == request.ListCode);
        var list = await (command is AddKeyword ? lists.Include(l => l.Keywords) : lists).SingleAsync(ct); // its keywords only to add one
        var asker = await db.ImiUsers.AsNoTracking().SingleAsync(u => u.Id == request.AskedBy, ct);
        string ListName(string language) => list.Names.GetValueOrDefault(language) ?? list.Names.GetValueOrDefault("en", list.Code);

        string notice;
        switch (command)
        {
            case ForwardKeywordRequest:
                request.Forward(actor, asking, tree);
                var commission = await db.Authorities.AsNoTracking().Where(a => a.CoordinatorType == CoordinatorType.Commission).Select(a => a.Id).ToListAsync(ct);
                foreach (var admin in await db.ImiUsers.AsNoTracking().Where(u => commission.Contains(u.AuthorityId)).ToListAsync(ct))
                    if (admin.HasAnywhere(AreaRole.DataAdministrator))
                        outbox.Enqueue(db, mails.KeywordRequestForwarded(admin.PreferredLanguageCode, admin.DisplayName, asking.InformalTitle,
                            ListName(admin.PreferredLanguageCode), request.Proposal, Link("coordination/keyword-requests")), admin.Email, admin.DisplayName, MailKinds.KeywordRequestForwarded);
                notice = Notices.Keywords.Forwarded;
                break;
            case DeclineKeywordRequest c:
                request.Decline(actor, actorAuthority, asking, tree, c.Reason, clock.GetUtcNow());
                outbox.Enqueue(db, mails.KeywordRequestDeclined(asker.PreferredLanguageCode, asker.DisplayName, request.Proposal, ListName(asker.PreferredLanguageCode),
                    request.DeclineReason!), asker.Email, asker.DisplayName, MailKinds.KeywordRequestDeclined);
                notice = Notices.Keywords.Declined;
                break;
            case AddKeyword c:
                var keyword = request.Add(actor, actorAuthority, list, c.Labels, [.. Localization.PortalLanguages.Codes], clock.GetUtcNow());
                outbox.Enqueue(db, mails.KeywordAdded(asker.PreferredLanguageCode, asker.DisplayName, keyword.Labels[Localization.PortalLanguages.IsSupported(asker.PreferredLanguageCode) ? asker.PreferredLanguageCode : "en"],
                    ListName(asker.PreferredLanguageCode), Link("setup")), asker.Email, asker.DisplayName, MailKinds.KeywordAdded);
                notice = Notices.Keywords.Added;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name);
        }
        await UnitOfWork.SaveAsync(db, Refusals.Concurrency.KeywordRequestChanged, ct);
        return new Notice(notice, ("proposal", request.Proposal), ("authority", asking.InformalTitle));
    }

    /// <summary>Another authority of the country has this official title (compared as the domain stores it, ignoring case).</summary>
    private static Task<bool> OfficialTitleTakenAsync(ImiDbContext db, string country, string officialTitle, Guid? except, CancellationToken ct)
    {
        var title = TextInput.Line(officialTitle).ToUpper();
        return db.Authorities.AnyAsync(a => a.Id != except && a.CountryCode == country && a.OfficialTitle.ToUpper() == title, ct);
    }

    private string Link(string path) => security.Value.PublicBaseUrl.TrimEnd('/') + "/" + path;

    private void Audit(ImiDbContext db, Guid actorUserId, Authority target, AuditKind kind, string detail) => db.AuditEntries.Add(new AuditEntry
    {
        At = clock.GetUtcNow(), Kind = kind, UserId = actorUserId, AuthorityId = target.Id, Detail = detail,
    });

    private static async Task<Authority> CoordinatorAsync(ImiDbContext db, Guid id, CancellationToken ct) =>
        await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new DomainException(Refusals.Coordination.NoSuchAuthority);

    /// <summary>Every user of the authority: their open sessions end at once, on every instance.</summary>
    private static async Task EndSessionsOfAsync(ImiDbContext db, Guid authorityId, CancellationToken ct)
    {
        var users = await db.ImiUsers.Where(u => u.AuthorityId == authorityId).Select(u => u.Id).ToListAsync(ct);
        foreach (var account in await db.Accounts.Where(a => users.Contains(a.Id)).ToListAsync(ct))
            account.EndSessions();
    }
}
