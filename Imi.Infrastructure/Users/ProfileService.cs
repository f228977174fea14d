using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.Users;

/// <summary>What "My profile" shows: who the user is and how to reach them. Never a secret.</summary>
public sealed record ProfileView(
    Guid UserId, string Username, string Email, string GivenName, string FamilyName, string? Phone, string PreferredLanguageCode,
    bool WeeklyDigest = true)
{
    /// <summary>The absence recorded (current or next), with its deputy; null when none.</summary>
    public Domain.Allocation.Absence? Absence { get; init; }
    public string? DeputyName { get; init; }
    /// <summary>The capacity the user's allocators set; null when none.</summary>
    public int? Capacity { get; init; }
    /// <summary>Colleagues who handle requests in every area the user does (who may be their deputy); empty for a user who handles none.</summary>
    public IReadOnlyList<Requests.HandlerOption> Deputies { get; init; } = [];
    /// <summary>True for a request handler: "Absence and deputy" is for them.</summary>
    public bool HandlesRequests { get; init; }
}

/// <summary>The contact details a user changes themselves (not the e-mail address: see <see cref="ProfileService"/>).</summary>
public sealed record ContactChange(string GivenName, string FamilyName, string? Phone);

/// <summary>
/// What a user changes about themselves on "My profile": the working language, contact details, password and
/// security code. The e-mail address is not among them: temporary passwords are sent there, no step confirms a new
/// address, and the domain lets only a local data administrator change it (<see cref="UserAdministration.UpdateContact"/>).
/// A new password or code takes a new security stamp, so every other session of the user ends
/// (<see cref="AccountChanges"/>); the caller renews its own. Wrong current passwords and codes count with the sign-in's
/// wrong answers toward <see cref="SignInLockout"/>: an unattended open session is no way to guess them.
/// </summary>
public sealed class ProfileService(
    IDbContextFactory<ImiDbContext> contexts,
    IServiceScopeFactory scopes,
    SecurityCodeHasher codeHasher,
    TimeProvider clock,
    ILogger<ProfileService> logger)
{
    public static class Fields
    {
        public const string CurrentPassword = "CurrentPassword";
        public const string NewPassword = "NewPassword";
        public const string CurrentSecurityCode = "CurrentSecurityCode";
        public const string NewSecurityCode = "NewSecurityCode";
    }

    public async Task<string?> PreferredLanguageAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ImiUsers.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredLanguageCode).SingleOrDefaultAsync(ct);
    }

    public async Task<ProfileView> GetAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.ImiUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
                   ?? throw new NotPermittedException(Refusals.Access.AccountGone);
        return await ViewAsync(db, user, ct);
    }

    private static async Task<ProfileView> ViewAsync(ImiDbContext db, User user, CancellationToken ct)
    {
        var view = new ProfileView(user.Id, user.Username, user.Email, user.GivenName, user.FamilyName, user.Phone, user.PreferredLanguageCode, user.WeeklyDigest)
        {
            Absence = user.Absence, Capacity = user.Capacity, HandlesRequests = user.HasAnywhere(AreaRole.RequestHandler),
        };
        if (!view.HandlesRequests)
            return view;
        var colleagues = await db.ImiUsers.AsNoTracking().Where(u => u.AuthorityId == user.AuthorityId && u.Id != user.Id).ToListAsync(ct);
        return view with
        {
            // Offered as deputy: whoever the domain would accept (the same rule decides when saving).
            Deputies = colleagues.Where(c => Domain.Allocation.AllocationRules.DeputyProblem(user, c) is null)
                .Select(c => new Requests.HandlerOption(c.Id, c.DisplayName)).OrderBy(c => c.Name).ToList(),
            DeputyName = colleagues.FirstOrDefault(c => c.Id == user.Absence?.DeputyId)?.DisplayName,
        };
    }

    /// <summary>Saves the language the user chose in the switcher as their preferred language.</summary>
    public async Task ChoosePreferredLanguageAsync(Guid userId, string languageCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotPermittedException(Refusals.Access.AccountGone);
        var language = await db.Languages.AsNoTracking().SingleOrDefaultAsync(l => l.Code == languageCode, ct)
            ?? throw new DomainException(Refusals.Users.LanguageNotOffered, "language");
        user.ChoosePreferredLanguage(language);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Names and telephone; the e-mail address and the language stay as they are.</summary>
    public async Task<ProfileView> ChangeContactAsync(Guid userId, ContactChange change, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotPermittedException(Refusals.Access.AccountGone);
        user.SetContact(user.Email, change.GivenName, change.FamilyName, change.Phone, user.PreferredLanguageCode);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, user, ct);
    }

    /// <summary>Opts in to or out of the weekly summary of the figures.</summary>
    public async Task<ProfileView> SetWeeklyDigestAsync(Guid userId, bool receive, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotPermittedException(Refusals.Access.AccountGone);
        user.ReceiveWeeklyDigest(receive);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, user, ct);
    }

    /// <summary>
    /// A new password, given the current one. Returns the account's new security stamp: every session of the user
    /// ends with the old one, the caller's too unless it renews its own with this stamp.
    /// </summary>
    public Task<string> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, string? remoteAddress = null,
        CancellationToken ct = default) =>
        ChangeCredentialsAsync(userId, remoteAddress, ct, async (db, manager, account) =>
        {
            await RequireAcceptablePasswordAsync(manager, account, newPassword);
            await VerifyAsync(db, manager, account, currentPassword, null, remoteAddress, ct);
            if (manager.PasswordHasher.VerifyHashedPassword(account, account.PasswordHash!, newPassword) != PasswordVerificationResult.Failed)
                throw new DomainException(Refusals.Profile.SamePassword, Fields.NewPassword);
            account.PasswordHash = manager.PasswordHasher.HashPassword(account, newPassword);
        });

    /// <summary>
    /// A new security code, given the password and the whole current code (the same rules as at first sign-in:
    /// <see cref="SecurityCode.Validate"/>). Returns the account's new security stamp, as <see cref="ChangePasswordAsync"/>.
    /// </summary>
    public Task<string> ChangeSecurityCodeAsync(Guid userId, string currentPassword, string currentCode, string newCode,
        string? remoteAddress = null, CancellationToken ct = default) =>
        ChangeCredentialsAsync(userId, remoteAddress, ct, async (db, manager, account) =>
        {
            string code;
            try
            {
                code = SecurityCode.Validate(newCode);
            }
            catch (DomainException e)
            {
                throw new DomainException(e.Code, Fields.NewSecurityCode, [.. e.Args]);
            }
            await VerifyAsync(db, manager, account, currentPassword, currentCode, remoteAddress, ct);
            if (IsWholeCode(account, code))
                throw new DomainException(Refusals.Profile.SameSecurityCode, Fields.NewSecurityCode);
            account.SecurityCodeHashes = codeHasher.HashAll(account.Id, code);
        });

    /// <summary>
    /// One transaction with the account's row locked (parallel guesses are all counted): <paramref name="change"/>
    /// checks and changes the account (or counts a wrong answer, commits that and throws); then a new stamp.
    /// </summary>
    private async Task<string> ChangeCredentialsAsync(Guid userId, string? remoteAddress, CancellationToken ct,
        Func<ImiDbContext, UserManager<Account>, Account, Task> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM accounts WHERE id = {userId} FOR UPDATE", ct);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == userId, ct) ?? throw new NotPermittedException(Refusals.Access.AccountGone);
        if (SignInLockout.IsLockedOut(account, clock.GetUtcNow()))
            throw new DomainException(Refusals.Profile.LockedOut);

        await change(db, manager, account);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.PendingChallengeIndex = null;
        account.PendingChallengeExpiresAt = null;
        var stamp = account.EndSessions(); // ends every other session (AccountChangeNotifier tells them)
        Record(db, userId, SignInOutcome.CredentialsChanged, remoteAddress);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return stamp;
    }

    /// <summary>
    /// The current password (and code, when given): both hashes always computed. A wrong one is counted like a
    /// wrong sign-in answer and saved at once, then refused naming the field (never which digits).
    /// </summary>
    private async Task VerifyAsync(ImiDbContext db, UserManager<Account> manager, Account account, string password, string? code,
        string? remoteAddress, CancellationToken ct)
    {
        var passwordRight = account.PasswordHash is { } hash
                            && manager.PasswordHasher.VerifyHashedPassword(account, hash, password ?? "") != PasswordVerificationResult.Failed;
        var codeRight = code is null || IsWholeCode(account, code.Trim());
        if (passwordRight && codeRight)
            return;

        var outcome = passwordRight ? SignInOutcome.WrongSecurityCode : SignInOutcome.WrongPassword;
        account.AccessFailedCount++;
        var lockout = SignInLockout.LockoutAfter(account.AccessFailedCount);
        var locked = lockout is not null || SignInLockout.IsBlocked(account.AccessFailedCount);
        if (lockout is not null)
            account.LockoutEnd = clock.GetUtcNow() + lockout;
        if (locked)
        {
            // Someone is guessing: this session ends too (SignInService does the same).
            account.EndSessions();
            account.PendingChallengeIndex = null;
            account.PendingChallengeExpiresAt = null;
        }
        Record(db, account.Id, locked ? (SignInLockout.IsBlocked(account.AccessFailedCount) ? SignInOutcome.Blocked : SignInOutcome.LockedOut) : outcome,
            remoteAddress);
        await db.SaveChangesAsync(ct);
        await db.Database.CommitTransactionAsync(ct);
        if (locked)
            throw new DomainException(Refusals.Profile.LockedOut);
        var left = SignInLockout.AttemptsPerLockout - account.AccessFailedCount % SignInLockout.AttemptsPerLockout;
        throw passwordRight
            ? new DomainException(Refusals.Profile.WrongSecurityCode, Fields.CurrentSecurityCode, ("count", left))
            : new DomainException(Refusals.Profile.WrongPassword, Fields.CurrentPassword, ("count", left));
    }

    /// <summary>Whether <paramref name="code"/> is the account's whole code: all 220 sets of three positions match.</summary>
    private bool IsWholeCode(Account account, string code)
    {
        if (code.Length != SecurityCode.Length || !code.All(char.IsAsciiDigit))
            return false;
        var all = true;
        foreach (var challenge in SecurityCode.AllChallenges)
            all &= codeHasher.Verify(account.Id, account.SecurityCodeHashes, challenge, challenge.DigitsOf(code));
        return all;
    }

    /// <summary>Identity's password rules and the common-password list, as the same codes as at the first sign-in (the form checks the same rules first).</summary>
    private static async Task RequireAcceptablePasswordAsync(UserManager<Account> manager, Account account, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in manager.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(manager, account, password)).Errors);
        if (errors.Count == 0)
            return;
        throw SignInService.PasswordRefusal(errors[0], manager.Options.Password);
    }

    private void Record(ImiDbContext db, Guid userId, SignInOutcome outcome, string? remoteAddress)
    {
        db.SignInAttempts.Add(new SignInAttempt { At = clock.GetUtcNow(), UserId = userId, Outcome = outcome, RemoteAddress = remoteAddress });
        logger.LogInformation("Profile credentials change: {Outcome} for user {UserId}", outcome, userId);
    }
}
