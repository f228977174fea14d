using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Imi.Infrastructure.Setup;

/// <summary>
/// The use cases of the setup wizard and of user administration: load the aggregate, let the
/// domain check the actor's rights and the rules, save in one transaction (with any e-mail).
/// </summary>
public sealed class SetupService(
    IDbContextFactory<ImiDbContext> contexts,
    AccountCredentials credentials,
    Outbox outbox,
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
        var message = command switch
        {
            SaveGeneralInformation c => Do(() => authority.UpdateGeneralInformation(actor, c.Info, c.NeedsNewTranslation), SetupNotice.Of("GeneralInformationSaved")),
            SaveKeywords c => await SaveKeywordsAsync(db, actor, authority, c, cancellationToken),
            AskCoordinatorForKeyword c => await AskForKeywordAsync(db, actor, actorUser, authority, c, cancellationToken),
            LinkAuthority c => Do(() => authority.Link(actor, db.Authorities.Single(a => a.Id == c.OtherAuthorityId)), SetupNotice.Of("AuthorityLinked")),
            UnlinkAuthority c => Do(() => authority.Unlink(actor, c.OtherAuthorityId), SetupNotice.Of("LinkRemoved")),
            AddRequestCoordinator c => Do(() => authority.AddRequestCoordinator(actor, c.AreaCode, db.Authorities.Single(a => a.Id == c.CoordinatorId)), SetupNotice.Of("RequestCoordinatorAdded")),
            RemoveRequestCoordinator c => Do(() => authority.RemoveRequestCoordinator(actor, c.AreaCode, c.CoordinatorId), SetupNotice.Of("RequestCoordinatorRemoved")),
            SetFullView c => Do(() => authority.SetFullView(actor, c.AreaCode, c.CoordinatorId, c.FullView), SetupNotice.Of(c.FullView ? "FullViewGranted" : "FullViewWithdrawn")),
            SaveDepartment c => Do(() => authority.SetDepartment(actor, c.AreaCode, c.Department), SetupNotice.Of("DepartmentSaved")),
            PlanAdditionalUsers c => Do(() => authority.PlanAdditionalUsers(actor, c.Count), SetupNotice.Of("UsersPlanned")),
            SetAllocation c => Do(() => authority.SetAllocation(actor, c.AreaCode, c.Enabled, staff), SetupNotice.Of(c.Enabled ? "AllocationOn" : "AllocationOff")),
            SetReferralParticipation c => Do(() => authority.SetReferralParticipation(actor, c.AreaCode, c.Participation, staff), SetupNotice.Of("ReferralSaved")),
            SetApproval c => Do(() => authority.SetApproval(actor, c.AreaCode, c.Requests, c.Replies), SetupNotice.Of("ApprovalSaved")),
            CompleteSetupStep c => Do(() => authority.CompleteSetupStep(actor, c.Step, clock.GetUtcNow()), SetupNotice.Of("StepCompleted", ("step", c.Step))),
            RegisterUser c => await RegisterAsync(db, actor, authority, staff, c, username => showUsername = username, cancellationToken),
            SetUserRoles c => await SetRolesAsync(db, actor, authority, staff, c, cancellationToken),
            ChangeUsername c => await ChangeUsernameAsync(db, actor, authority, staff, c, username => showUsername = username, cancellationToken),
            ResetPassword c => await ResetPasswordAsync(db, actor, c.UserId, cancellationToken),
            RemindToSignIn c => Remind(db, actor, authority, staff, c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
        };

        await SaveAsync(db, cancellationToken);
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        return new SetupResult(await views.BuildAsync(fresh, actor, actorUser.PreferredLanguageCode, cancellationToken), message, showUsername);
    }

    private static SetupNotice Do(Action action, SetupNotice message)
    {
        action();
        return message;
    }

    private static async Task<SetupNotice> SaveKeywordsAsync(ImiDbContext db, Actor actor, Authority authority, SaveKeywords c, CancellationToken ct)
    {
        var list = await db.KeywordLists.Include(l => l.Keywords).SingleOrDefaultAsync(l => l.Code == c.ListCode, ct)
            ?? throw new DomainException("There is no such keyword list.");
        authority.SetKeywords(actor, list, c.KeywordCodes);
        return SetupNotice.Of("KeywordsSaved");
    }

    private async Task<SetupNotice> AskForKeywordAsync(ImiDbContext db, Actor actor, User actorUser, Authority authority, AskCoordinatorForKeyword c, CancellationToken ct)
    {
        Permissions.RequireLocalDataAdministrator(actor, authority);
        var proposal = Domain.Setup.KeywordProposal.From(c.Proposal);
        var list = await db.KeywordLists.SingleOrDefaultAsync(l => l.Code == c.ListCode, ct)
            ?? throw new DomainException("There is no such keyword list.");
        var coordinatorId = authority.CoordinatorId
            ?? throw new DomainException("Your authority has no coordinator to ask: contact the Commission's helpdesk.");
        var coordinator = await db.Authorities.SingleAsync(a => a.Id == coordinatorId, ct);
        var admins = await db.ImiUsers.Where(u => u.AuthorityId == coordinator.Id).ToListAsync(ct);
        var content = MailTemplates.KeywordRequestMail(authority.InformalTitle, authority.CountryCode,
            list.Names.GetValueOrDefault("en", list.Code), proposal, actorUser.DisplayName);
        outbox.Enqueue(db, content, coordinator.Email, coordinator.InformalTitle, MailKinds.KeywordRequest);
        foreach (var admin in admins.Where(u => u.HasAnywhere(AreaRole.DataAdministrator)))
            outbox.Enqueue(db, content, admin.Email, admin.DisplayName, MailKinds.KeywordRequest);
        return SetupNotice.Of("KeywordRequestSent", ("coordinator", coordinator.InformalTitle));
    }

    private async Task<SetupNotice> RegisterAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, RegisterUser c,
        Action<string> showUsername, CancellationToken ct)
    {
        var email = TextInput.Line(c.User.Email); // as the domain will store it, so the check compares like with like
        var emailInUse = await db.ImiUsers.AnyAsync(u => u.Email == email, ct);
        string username;
        do
            username = Username.Generate(authority.CountryCode, c.User.GivenName ?? "", c.User.FamilyName ?? "", Random.Shared);
        while (await db.ImiUsers.AnyAsync(u => u.Username == username, ct));

        var user = UserAdministration.Register(actor, authority, c.User, emailInUse, username, clock.GetUtcNow());
        UserAdministration.SetRoles(actor, authority, [.. staff, user], user, c.LocalDataAdministrator, c.Roles);
        db.ImiUsers.Add(user);
        credentials.CreateWithTemporaryPassword(db, user);
        showUsername(user.Username);
        return SetupNotice.Of("UserRegistered", ("user", user.DisplayName), ("email", user.Email), ("username", user.Username));
    }

    private static async Task<SetupNotice> SetRolesAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, SetUserRoles c, CancellationToken ct)
    {
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException("This user belongs to another authority.");
        db.Entry(target).Property(u => u.Revision).OriginalValue = c.UserRevision;
        UserAdministration.SetRoles(actor, authority, staff, target, c.LocalDataAdministrator, c.Roles);
        // Someone else's sessions end (they carried the old roles); not the administrator's own,
        // who would otherwise be signed out in the middle of the setup wizard.
        if (target.Id != actor.UserId)
            await EndSessionsAsync(db, target.Id, ct);
        return SetupNotice.Of("RolesSaved", ("user", target.DisplayName));
    }

    private static async Task<SetupNotice> ChangeUsernameAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, ChangeUsername c,
        Action<string> showUsername, CancellationToken ct)
    {
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException("This user belongs to another authority.");
        var wanted = TextInput.Line(c.Username);
        var inUse = await db.ImiUsers.AnyAsync(u => u.Id != target.Id && u.Username.ToUpper() == wanted.ToUpper(), ct);
        UserAdministration.ChangeUsername(actor, authority, target, wanted, inUse);
        var account = await db.Accounts.SingleAsync(a => a.Id == target.Id, ct);
        account.UserName = target.Username;
        account.NormalizedUserName = target.Username.ToUpperInvariant();
        if (target.Id != actor.UserId)
            account.SecurityStamp = Guid.NewGuid().ToString("N"); // their sessions carry the old username
        showUsername(target.Username);
        return SetupNotice.Of("UsernameChanged", ("user", target.DisplayName), ("username", target.Username));
    }

    /// <summary>A new security stamp: every session and circuit of the user ends (AccountChanges tells every instance).</summary>
    private static async Task EndSessionsAsync(ImiDbContext db, Guid userId, CancellationToken ct)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == userId, ct);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private async Task<SetupNotice> ResetPasswordAsync(ImiDbContext db, Actor actor, Guid userId, CancellationToken ct)
    {
        var target = await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new DomainException("No such user.");
        var targetAuthority = await db.Authorities.SingleAsync(a => a.Id == target.AuthorityId, ct);
        UserAdministration.RequireCanResetPassword(actor, targetAuthority, target);
        var account = await db.Accounts.SingleAsync(a => a.Id == target.Id, ct);
        credentials.IssueTemporaryPassword(db, account, target);
        return SetupNotice.Of("PasswordReset", ("user", target.DisplayName));
    }

    private SetupNotice Remind(ImiDbContext db, Actor actor, Authority authority, List<User> staff, RemindToSignIn c)
    {
        UserAdministration.RequireCanManageUsers(actor, authority);
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException("This user belongs to another authority.");
        if (target.FirstSignedInAt is not null)
            throw new DomainException($"{target.DisplayName} has already signed in.");
        var signIn = security.Value.PublicBaseUrl.TrimEnd('/') + "/account/sign-in";
        outbox.Enqueue(db, MailTemplates.SignInReminderMail(target.PreferredLanguageCode, target.DisplayName, authority.InformalTitle, signIn),
            target.Email, target.DisplayName, MailKinds.SignInReminder);
        return SetupNotice.Of("ReminderSent", ("user", target.DisplayName));
    }

    private async Task SaveAsync(ImiDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ChangedBySomeoneElseException();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw unique.ConstraintName?.Contains("email") == true
                ? new DomainException("Another user already has this e-mail address: each user needs a personal one.", nameof(User.Email))
                : unique.ConstraintName?.Contains("username") == true
                    ? new DomainException("This username is taken. Choose another.", nameof(User.Username))
                    : new ChangedBySomeoneElseException();
        }
    }
}
