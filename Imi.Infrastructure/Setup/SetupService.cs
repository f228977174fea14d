using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
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
        var message = command switch
        {
            SaveGeneralInformation c => Do(() => authority.UpdateGeneralInformation(actor, c.Info, c.NeedsNewTranslation), "General information saved."),
            SaveKeywords c => await SaveKeywordsAsync(db, actor, authority, c, cancellationToken),
            AskCoordinatorForKeyword c => await AskForKeywordAsync(db, actor, actorUser, authority, c, cancellationToken),
            LinkAuthority c => Do(() => authority.Link(actor, db.Authorities.Single(a => a.Id == c.OtherAuthorityId)), "Authority linked."),
            UnlinkAuthority c => Do(() => authority.Unlink(actor, c.OtherAuthorityId), "Link removed."),
            AddRequestCoordinator c => Do(() => authority.AddRequestCoordinator(actor, c.AreaCode, db.Authorities.Single(a => a.Id == c.CoordinatorId)), "Request coordinator added."),
            RemoveRequestCoordinator c => Do(() => authority.RemoveRequestCoordinator(actor, c.AreaCode, c.CoordinatorId), "Request coordinator removed."),
            SetFullView c => Do(() => authority.SetFullView(actor, c.AreaCode, c.CoordinatorId, c.FullView), c.FullView ? "Full view granted." : "Full view withdrawn."),
            SaveDepartment c => Do(() => authority.SetDepartment(actor, c.AreaCode, c.Department), "Department saved."),
            PlanAdditionalUsers c => Do(() => authority.PlanAdditionalUsers(actor, c.Count), "Number of users saved."),
            SetAllocation c => Do(() => authority.SetAllocation(actor, c.AreaCode, c.Enabled, staff), c.Enabled ? "Allocation switched on." : "Allocation switched off."),
            SetReferralParticipation c => Do(() => authority.SetReferralParticipation(actor, c.AreaCode, c.Participation, staff), "Referral setting saved."),
            SetApproval c => Do(() => authority.SetApproval(actor, c.AreaCode, c.Requests, c.Replies), "Approval setting saved."),
            CompleteSetupStep c => Do(() => authority.CompleteSetupStep(actor, c.Step, clock.GetUtcNow()), $"Step {c.Step} completed."),
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

    private static string Do(Action action, string message)
    {
        action();
        return message;
    }

    private static async Task<string> SaveKeywordsAsync(ImiDbContext db, Actor actor, Authority authority, SaveKeywords c, CancellationToken ct)
    {
        var list = await db.KeywordLists.Include(l => l.Keywords).SingleOrDefaultAsync(l => l.Code == c.ListCode, ct)
            ?? throw new DomainException("There is no such keyword list.");
        authority.SetKeywords(actor, list, c.KeywordCodes);
        return "Keywords saved.";
    }

    private async Task<string> AskForKeywordAsync(ImiDbContext db, Actor actor, User actorUser, Authority authority, AskCoordinatorForKeyword c, CancellationToken ct)
    {
        Permissions.RequireLocalDataAdministrator(actor, authority);
        var proposal = Domain.Setup.KeywordProposal.From(c.Proposal);
        var list = await db.KeywordLists.SingleOrDefaultAsync(l => l.Code == c.ListCode, ct)
            ?? throw new DomainException("There is no such keyword list.");
        var coordinatorId = authority.CoordinatorId
            ?? throw new DomainException("Your authority has no coordinator to ask: contact the Commission's helpdesk.");
        var coordinator = await db.Authorities.SingleAsync(a => a.Id == coordinatorId, ct);
        var admins = await db.ImiUsers.Where(u => u.AuthorityId == coordinator.Id).ToListAsync(ct);
        // Each in its reader's language: the coordinator's own address in the authority's language, its administrators in theirs.
        MailMessageContent Content(string language) => mails.KeywordRequest(language, actorUser.DisplayName, authority.InformalTitle,
            authority.CountryCode, list.Names.GetValueOrDefault(language) ?? list.Names.GetValueOrDefault("en", list.Code), proposal);
        outbox.Enqueue(db, Content(coordinator.OriginalLanguageCode), coordinator.Email, coordinator.InformalTitle, MailKinds.KeywordRequest);
        foreach (var admin in admins.Where(u => u.HasAnywhere(AreaRole.DataAdministrator)))
            outbox.Enqueue(db, Content(admin.PreferredLanguageCode), admin.Email, admin.DisplayName, MailKinds.KeywordRequest);
        return $"Your request was sent to {coordinator.InformalTitle}.";
    }

    private async Task<string> RegisterAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, RegisterUser c,
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
        return $"{user.DisplayName} is registered. A temporary password was e-mailed to {user.Email}. " +
               $"Tell them their username yourself: {user.Username}";
    }

    private static async Task<string> SetRolesAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, SetUserRoles c, CancellationToken ct)
    {
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException("This user belongs to another authority.");
        db.Entry(target).Property(u => u.Revision).OriginalValue = c.UserRevision;
        UserAdministration.SetRoles(actor, authority, staff, target, c.LocalDataAdministrator, c.Roles);
        // Someone else's sessions end (they carried the old roles); not the administrator's own,
        // who would otherwise be signed out in the middle of the setup wizard.
        if (target.Id != actor.UserId)
            await EndSessionsAsync(db, target.Id, ct);
        return $"Roles of {target.DisplayName} saved.";
    }

    private static async Task<string> ChangeUsernameAsync(ImiDbContext db, Actor actor, Authority authority, List<User> staff, ChangeUsername c,
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
        return $"{target.DisplayName}'s username is now {target.Username}. Tell them in person.";
    }

    /// <summary>A new security stamp: every session and circuit of the user ends (AccountChanges tells every instance).</summary>
    private static async Task EndSessionsAsync(ImiDbContext db, Guid userId, CancellationToken ct)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == userId, ct);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private async Task<string> ResetPasswordAsync(ImiDbContext db, Actor actor, Guid userId, CancellationToken ct)
    {
        var target = await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new DomainException("No such user.");
        var targetAuthority = await db.Authorities.SingleAsync(a => a.Id == target.AuthorityId, ct);
        UserAdministration.RequireCanResetPassword(actor, targetAuthority, target);
        var account = await db.Accounts.SingleAsync(a => a.Id == target.Id, ct);
        credentials.IssueTemporaryPassword(db, account, target);
        return $"A new temporary password was e-mailed to {target.DisplayName}; they choose a new security code at their next sign-in.";
    }

    private string Remind(ImiDbContext db, Actor actor, Authority authority, List<User> staff, RemindToSignIn c)
    {
        UserAdministration.RequireCanManageUsers(actor, authority);
        var target = staff.SingleOrDefault(u => u.Id == c.UserId) ?? throw new NotPermittedException("This user belongs to another authority.");
        if (target.FirstSignedInAt is not null)
            throw new DomainException($"{target.DisplayName} has already signed in.");
        var signIn = security.Value.PublicBaseUrl.TrimEnd('/') + "/account/sign-in";
        outbox.Enqueue(db, mails.SignInReminder(target.PreferredLanguageCode, target.DisplayName, authority.InformalTitle, signIn),
            target.Email, target.DisplayName, MailKinds.SignInReminder);
        return $"A reminder was e-mailed to {target.DisplayName}.";
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
