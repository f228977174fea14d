using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Mail;
using Imi.Infrastructure.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Imi.Infrastructure.Setup;

/// <summary>
/// The use cases of the setup wizard and of user administration: load the aggregate, let the
/// domain check the actor's rights and the rules, save in one transaction (with any e-mail).
/// </summary>
public sealed class SetupService(
    IDbContextFactory<ImiDbContext> contexts,
    AccountCredentials credentials,
    Outbox outbox,
    MailWriter mails,
    SetupViewBuilder views,
    IOptions<SecurityOptions> security,
    TimeProvider clock)
{
    public async Task<SetupView> GetAsync(Guid actorUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (user, actor) = await ActorLoader.LoadAsync(db, actorUserId, cancellationToken);
        return await views.BuildAsync(db, actor, user.PreferredLanguageCode, cancellationToken);
    }

    /// <summary>Authorities of the actor's country, by title, for linking (step 4).</summary>
    public async Task<IReadOnlyList<AuthorityRef>> FindLinkableAsync(Guid actorUserId, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, cancellationToken);
        var own = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == actor.AuthorityId, cancellationToken);
        var pattern = "%" + TextInput.Line(text).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var found = await db.Authorities.AsNoTracking()
            .Where(a => a.CountryCode == own.CountryCode && a.Id != own.Id && a.Status == RegistrationStatus.Validated
                        && (EF.Functions.ILike(a.InformalTitle, pattern) || EF.Functions.ILike(a.OfficialTitle, pattern)))
            .OrderBy(a => a.InformalTitle).Take(20).ToListAsync(cancellationToken);
        return found.Select(SetupViewBuilder.RefOf).ToList();
    }

    public async Task<SetupResult> ExecuteAsync(Guid actorUserId, SetupCommand command, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actorUser, actor) = await ActorLoader.LoadAsync(db, actorUserId, cancellationToken);
        var authority = await db.Authorities.SingleAsync(a => a.Id == actor.AuthorityId, cancellationToken);
        if (command.ExpectedRevision is { } expected && expected != authority.Revision)
            throw new ChangedBySomeoneElseException();
        var staff = await db.ImiUsers.Where(u => u.AuthorityId == authority.Id).ToListAsync(cancellationToken);

        string? showUsername = null;
        var notice = command switch
        {
            SaveGeneralInformation c => Do(() => authority.UpdateGeneralInformation(actor, c.Info, c.NeedsNewTranslation), new Notice(Notices.Setup.GeneralInformationSaved)),
            SaveKeywords c => await SaveKeywordsAsync(db, actor, authority, c, cancellationToken),
            AskCoordinatorForKeyword c => await AskForKeywordAsync(db, actor, actorUser, authority, c, cancellationToken),
            LinkAuthority c => Do(() => authority.Link(actor, db.Authorities.Single(a => a.Id == c.OtherAuthorityId)), new Notice(Notices.Setup.AuthorityLinked)),
            UnlinkAuthority c => Do(() => authority.Unlink(actor, c.OtherAuthorityId), new Notice(Notices.Setup.LinkRemoved)),
            AddRequestCoordinator c => Do(() => authority.AddRequestCoordinator(actor, c.AreaCode, db.Authorities.Single(a => a.Id == c.CoordinatorId)), new Notice(Notices.Setup.RequestCoordinatorAdded)),
            RemoveRequestCoordinator c => Do(() => authority.RemoveRequestCoordinator(actor, c.AreaCode, c.CoordinatorId), new Notice(Notices.Setup.RequestCoordinatorRemoved)),
            SetFullView c => Do(() => authority.SetFullView(actor, c.AreaCode, c.CoordinatorId, c.FullView), new Notice(c.FullView ? Notices.Setup.FullViewGranted : Notices.Setup.FullViewWithdrawn)),
            SaveDepartment c => Do(() => authority.SetDepartment(actor, c.AreaCode, c.Department), new Notice(Notices.Setup.DepartmentSaved)),
            PlanAdditionalUsers c => Do(() => authority.PlanAdditionalUsers(actor, c.Count), new Notice(Notices.Setup.AdditionalUsersSaved)),
            SetAllocation c => Do(() => authority.SetAllocation(actor, c.AreaCode, c.Enabled, staff), new Notice(c.Enabled ? Notices.Setup.AllocationOn : Notices.Setup.AllocationOff)),
            SetReferralParticipation c => Do(() => authority.SetReferralParticipation(actor, c.AreaCode, c.Participation, staff), new Notice(Notices.Setup.ReferralSaved)),
            SetApproval c => Do(() => authority.SetApproval(actor, c.AreaCode, c.Requests, c.Replies), new Notice(Notices.Setup.ApprovalSaved)),
            CompleteSetupStep c => Do(() => authority.CompleteSetupStep(actor, c.Step, clock.GetUtcNow()), new Notice(Notices.Setup.StepCompleted, ("step", c.Step))),
            RegisterUser c => await RegisterAsync(db, actor, authority, staff, c, username => showUsername = username, cancellationToken),
            SetUserRoles c => await SetRolesAsync(db, actor, authority, staff, c, cancellationToken),
            ChangeUsername c => await ChangeUsernameAsync(db, actor, authority, staff, c, username => showUsername = username, cancellationToken),
            ResetPassword c => await ResetPasswordAsync(db, actor, c.UserId, cancellationToken),
            RemindToSignIn c => Remind(db, actor, authority, staff, c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
        };

        await UnitOfWork.SaveAsync(db, Refusals.Concurrency.SetupChanged, cancellationToken);
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        return new SetupResult(await views.BuildAsync(fresh, actor, actorUser.PreferredLanguageCode, cancellationToken), notice, showUsername);
    }

    private static Notice Do(Action action, Notice notice)
    {
        action();
        return notice;
    }

    private static async Task<Notice> SaveKeywordsAsync(ImiDbContext db, Actor actor, Authority authority, SaveKeywords c, CancellationToken ct)
    {
        var list = await db.KeywordLists.Include(l => l.Keywords).SingleOrDefaultAsync(l => l.Code == c.ListCode, ct)
            ?? throw new DomainException(Refusals.Setup.NoSuchKeywordList);
        authority.SetKeywords(actor, list, c.KeywordCodes);
        return new Notice(Notices.Setup.KeywordsSaved);
    }

    private async Task<Notice> AskForKeywordAsync(ImiDbContext db, Actor actor, User actorUser, Authority authority, AskCoordinatorForKeyword c, CancellationToken ct)
    {
        var list = await db.KeywordLists.SingleOrDefaultAsync(l => l.Code == c.ListCode, ct)
            ?? throw new DomainException(Refusals.Setup.NoSuchKeywordList);
        var request = Domain.Setup.KeywordRequest.Ask(actor, authority, list, c.Proposal, clock.GetUtcNow());
        db.KeywordRequests.Add(request);
        var proposal = request.Proposal;
        var coordinatorId = authority.CoordinatorId!.Value;
        var coordinator = await db.Authorities.SingleAsync(a => a.Id == coordinatorId, ct);
        var admins = await db.ImiUsers.Where(u => u.AuthorityId == coordinator.Id).ToListAsync(ct);
        var country = await db.Countries.AsNoTracking().SingleAsync(x => x.Code == authority.CountryCode, ct);
        // Each in its reader's language: the coordinator's own address in the authority's language, its administrators in theirs.
        MailMessageContent Content(string language) => mails.KeywordRequest(language, actorUser.DisplayName, authority.InformalTitle,
            country.NameIn(language), list.Names.GetValueOrDefault(language) ?? list.Names.GetValueOrDefault("en", list.Code), proposal);
        outbox.Enqueue(db, Content(coordinator.OriginalLanguageCode), coordinator.Email, coordinator.InformalTitle, MailKinds.KeywordRequest);
        foreach (var admin in admins.Where(u => u.HasAnywhere(AreaRole.DataAdministrator)))
            outbox.Enqueue(db, Content(admin.PreferredLanguageCode), admin.Email, admin.DisplayName, MailKinds.KeywordRequest);
        return new Notice(Notices.Setup.KeywordRequestSent, ("coordinator", coordinator.InformalTitle));
    }

    private async Task<Notice> RegisterAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, RegisterUser c,
        Action<string> showUsername, CancellationToken ct)
    {
        var email = TextInput.Line(c.User.Email); // as the domain will store it, so the check compares like with like
        var emailInUse = await db.ImiUsers.AnyAsync(u => u.Email == email, ct);
        var username = await Usernames.NewAsync(db, authority.CountryCode, c.User.GivenName, c.User.FamilyName, ct);

        var user = UserAdministration.Register(actor, authority, c.User, emailInUse, username, clock.GetUtcNow());
        UserAdministration.SetRoles(actor, authority, [.. staff, user], user, c.LocalDataAdministrator, c.Roles);
        db.ImiUsers.Add(user);
        credentials.CreateWithTemporaryPassword(db, user);
        showUsername(user.Username);
        return new Notice(Notices.Setup.UserRegistered, ("name", user.DisplayName), ("email", user.Email), ("username", user.Username));
    }

    private static async Task<Notice> SetRolesAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, SetUserRoles c, CancellationToken ct)
    {
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException(Refusals.Users.OfAnotherAuthority);
        db.Entry(target).Property(u => u.Revision).OriginalValue = c.UserRevision;
        UserAdministration.SetRoles(actor, authority, staff, target, c.LocalDataAdministrator, c.Roles);
        // Someone else's sessions end (they carried the old roles); not the administrator's own,
        // who would otherwise be signed out in the middle of the setup wizard.
        if (target.Id != actor.UserId)
            await EndSessionsAsync(db, target.Id, ct);
        return new Notice(Notices.Setup.RolesSaved, ("name", target.DisplayName));
    }

    private static async Task<Notice> ChangeUsernameAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, ChangeUsername c,
        Action<string> showUsername, CancellationToken ct)
    {
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException(Refusals.Users.OfAnotherAuthority);
        var wanted = TextInput.Line(c.Username);
        var inUse = await db.ImiUsers.AnyAsync(u => u.Id != target.Id && u.Username.ToUpper() == wanted.ToUpper(), ct);
        UserAdministration.ChangeUsername(actor, authority, target, wanted, inUse);
        var account = await db.Accounts.SingleAsync(a => a.Id == target.Id, ct);
        account.UserName = target.Username;
        account.NormalizedUserName = target.Username.ToUpperInvariant();
        if (target.Id != actor.UserId)
            account.EndSessions(); // their sessions carry the old username
        showUsername(target.Username);
        return new Notice(Notices.Setup.UsernameChanged, ("name", target.DisplayName), ("username", target.Username));
    }

    /// <summary>A new security stamp: every session and circuit of the user ends (AccountChanges tells every instance).</summary>
    private static async Task EndSessionsAsync(ImiDbContext db, Guid userId, CancellationToken ct)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == userId, ct);
        account.EndSessions();
    }

    private async Task<Notice> ResetPasswordAsync(ImiDbContext db, Actor actor, Guid userId, CancellationToken ct)
    {
        var target = await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new DomainException(Refusals.Users.NoSuchUser);
        var targetAuthority = await db.Authorities.SingleAsync(a => a.Id == target.AuthorityId, ct);
        UserAdministration.RequireCanResetPassword(actor, targetAuthority, target, await CoordinatorTrees.OfCountryAsync(db, targetAuthority.CountryCode, ct));
        var account = await db.Accounts.SingleAsync(a => a.Id == target.Id, ct);
        credentials.IssueTemporaryPassword(db, account, target);
        return new Notice(Notices.Setup.PasswordReset, ("name", target.DisplayName));
    }

    private Notice Remind(ImiDbContext db, Actor actor, Authority authority, List<User> staff, RemindToSignIn c)
    {
        UserAdministration.RequireCanManageUsers(actor, authority);
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException(Refusals.Users.OfAnotherAuthority);
        if (target.FirstSignedInAt is not null)
            throw new DomainException(Refusals.Users.AlreadySignedIn, null, ("name", target.DisplayName));
        var signIn = security.Value.PublicBaseUrl.TrimEnd('/') + "/account/sign-in";
        outbox.Enqueue(db, mails.SignInReminder(target.PreferredLanguageCode, target.DisplayName, authority.InformalTitle, signIn),
            target.Email, target.DisplayName, MailKinds.SignInReminder);
        return new Notice(Notices.Setup.ReminderSent, ("name", target.DisplayName));
    }
}
