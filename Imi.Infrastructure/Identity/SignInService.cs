using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.Identity;

public enum PasswordCheck
{
    /// <summary>
    /// Unknown username, wrong password, or an account locked or blocked: the user is told the same
    /// in every case, after the same work, so nothing tells which usernames exist.
    /// </summary>
    Rejected,
    /// <summary>Password right; now three digits of the security code.</summary>
    NeedsSecurityCode,
    /// <summary>A temporary password was right: choose a password and a security code.</summary>
    MustSetCredentials,
    /// <summary>
    /// The password was right, but the user's authority is not active in the network: its application waits for
    /// its coordinator's validation, or it was deactivated (decision 010). Said only after the right password.
    /// </summary>
    AuthorityNotActive,
}

public sealed record PasswordCheckResult(PasswordCheck Outcome, Guid? UserId = null);

public enum CodeCheck
{
    Succeeded,
    Rejected,
    /// <summary>Too many wrong answers: locked for a while (<see cref="SignInLockout"/>).</summary>
    LockedOut,
    /// <summary>Blocked until a local data administrator resets the password.</summary>
    Blocked,
    /// <summary>No positions are pending (never asked, or asked too long ago): start again with the password.</summary>
    Expired,
}

public sealed record CodeCheckResult(CodeCheck Outcome, int AttemptsLeft = 0);

/// <summary>
/// The two steps of signing in, as DOMAIN.md describes: password, then three digits of the
/// security code at positions drawn once and kept until answered; wrong answers of either step
/// count together toward <see cref="SignInLockout"/>. Every attempt is recorded. Issues no cookie:
/// the portal does that from an HTTP response.
/// </summary>
public sealed class SignInService(
    UserManager<Account> accounts,
    SecurityCodeHasher codeHasher,
    UnknownUsernameHasher usernameHasher,
    ImiDbContext db,
    TimeProvider clock,
    ILogger<SignInService> logger)
{
    /// <summary>How long the positions asked stay the same if not answered.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(10);

    public async Task<PasswordCheckResult> CheckPasswordAsync(string username, string password, string? remoteAddress)
    {
        var account = await accounts.FindByNameAsync(username.Trim());
        var passwordRight = VerifyPassword(account, password);
        if (account is null)
        {
            await RecordAsync(null, SignInOutcome.UnknownUsername, remoteAddress, usernameHasher.Hash(username));
            return new PasswordCheckResult(PasswordCheck.Rejected);
        }
        var now = clock.GetUtcNow();
        if (SignInLockout.IsLockedOut(account, now))
        {
            await RecordAsync(account.Id, LockedOutcome(account), remoteAddress);
            return new PasswordCheckResult(PasswordCheck.Rejected);
        }
        if (!passwordRight)
        {
            await FailAsync(account, SignInOutcome.WrongPassword, remoteAddress);
            return new PasswordCheckResult(PasswordCheck.Rejected);
        }
        if (!await AuthorityIsActiveAsync(account.Id))
        {
            await RecordAsync(account.Id, SignInOutcome.AuthorityNotActive, remoteAddress);
            return new PasswordCheckResult(PasswordCheck.AuthorityNotActive);
        }
        if (account.MustChangeCredentials || account.SecurityCodeHashes is null)
            return new PasswordCheckResult(PasswordCheck.MustSetCredentials, account.Id);

        if (PendingChallenge(account, now) is null)
        {
            account.PendingChallengeIndex = SecurityCode.RandomChallenge(Random.Shared).Index;
            account.PendingChallengeExpiresAt = now + ChallengeLifetime;
            await db.SaveChangesAsync();
        }
        return new PasswordCheckResult(PasswordCheck.NeedsSecurityCode, account.Id);
    }

    /// <summary>Only users of a validated authority sign in (an application waiting, or a deactivated authority: no one).</summary>
    private Task<bool> AuthorityIsActiveAsync(Guid userId) =>
        db.ImiUsers.AsNoTracking().Where(u => u.Id == userId)
            .Join(db.Authorities, u => u.AuthorityId, a => a.Id, (u, a) => a.Status)
            .AnyAsync(status => status == RegistrationStatus.Validated);

    /// <summary>The positions asked of this user now, or null if none are pending.</summary>
    public async Task<SecurityCodeChallenge?> PendingChallengeAsync(Guid userId) =>
        await accounts.FindByIdAsync(userId.ToString()) is { } account ? PendingChallenge(account, clock.GetUtcNow()) : null;

    public async Task<CodeCheckResult> CheckSecurityCodeAsync(Guid userId, string digits, string? remoteAddress)
    {
        var account = await accounts.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such account.");
        var now = clock.GetUtcNow();
        if (SignInLockout.IsLockedOut(account, now))
        {
            await RecordAsync(account.Id, LockedOutcome(account), remoteAddress);
            return new CodeCheckResult(LockedResult(account));
        }
        // Deactivated between the two steps: back to the password step, which says why.
        if (PendingChallenge(account, now) is not { } challenge || !await AuthorityIsActiveAsync(account.Id))
            return new CodeCheckResult(CodeCheck.Expired);
        if (!codeHasher.Verify(account.Id, account.SecurityCodeHashes, challenge, digits.Trim()))
        {
            var locked = await FailAsync(account, SignInOutcome.WrongSecurityCode, remoteAddress);
            return locked
                ? new CodeCheckResult(LockedResult(account))
                : new CodeCheckResult(CodeCheck.Rejected, SignInLockout.AttemptsPerLockout - account.AccessFailedCount % SignInLockout.AttemptsPerLockout);
        }
        ClearFailures(account);
        await SucceedAsync(account.Id, remoteAddress);
        return new CodeCheckResult(CodeCheck.Succeeded);
    }

    /// <summary>
    /// First sign-in (or after a reset): the user replaces the temporary password and chooses a
    /// security code. Throws <see cref="DomainException"/> naming the field that is wrong.
    /// </summary>
    public async Task SetCredentialsAsync(Guid userId, string newPassword, string securityCode, string? remoteAddress)
    {
        var account = await accounts.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such account.");
        if (!account.MustChangeCredentials && account.SecurityCodeHashes is not null)
            throw new DomainException(Refusals.Account.CredentialsAlreadySet);
        if (SignInLockout.IsLockedOut(account, clock.GetUtcNow()))
            throw new DomainException(Refusals.Account.Locked);

        foreach (var validator in accounts.PasswordValidators)
        {
            var result = await validator.ValidateAsync(accounts, account, newPassword);
            if (result.Errors.FirstOrDefault() is { } error)
                throw PasswordRefusal(error, accounts.Options.Password);
        }
        if (accounts.PasswordHasher.VerifyHashedPassword(account, account.PasswordHash!, newPassword) != PasswordVerificationResult.Failed)
            throw new DomainException(Refusals.Password.SameAsTemporary, "NewPassword");
        var code = SecurityCode.Validate(securityCode);

        account.PasswordHash = accounts.PasswordHasher.HashPassword(account, newPassword);
        account.SecurityCodeHashes = codeHasher.HashAll(account.Id, code);
        account.MustChangeCredentials = false;
        ClearFailures(account);
        account.SecurityStamp = NewStamp(); // ends every other session
        Record(account.Id, SignInOutcome.CredentialsChanged, remoteAddress);
        await SucceedAsync(account.Id, remoteAddress);
    }

    /// <summary>
    /// Signs the user out everywhere: a new security stamp ends every session (cookie) of theirs
    /// at its next request. Written past the change tracker, so not announced on
    /// <see cref="AccountChanges"/>: the tab that signs out would otherwise race its own redirect
    /// to "You have signed out" (and the idle message) with its circuit's redirect to sign-in.
    /// Other open circuits of the user lose the sign-in at their periodic check (a minute) or
    /// at their next request.
    /// </summary>
    public async Task SignOutAsync(Guid userId, string? remoteAddress)
    {
        var stamp = NewStamp();
        await db.Accounts.Where(a => a.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.SecurityStamp, stamp));
        // ExecuteUpdate passes no save interceptor: tell the user's other open pages here.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [AccountChanges.Channel, userId.ToString()]);
        await RecordAsync(userId, SignInOutcome.SignedOut, remoteAddress);
    }

    /// <summary>
    /// Counts a wrong answer, serialised per account (a row lock) so that parallel guesses are all
    /// counted; starts a lockout or the block when one is due. Returns whether the account is now locked.
    /// </summary>
    private async Task<bool> FailAsync(Account account, SignInOutcome outcome, string? remoteAddress)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM accounts WHERE id = {account.Id} FOR UPDATE");
        await db.Entry(account).ReloadAsync();
        var now = clock.GetUtcNow();
        account.AccessFailedCount++;
        var lockout = SignInLockout.LockoutAfter(account.AccessFailedCount);
        var locked = lockout is not null || SignInLockout.IsBlocked(account.AccessFailedCount);
        if (lockout is not null)
            account.LockoutEnd = now + lockout;
        if (locked)
        {
            // Someone is guessing: whatever session exists ends too, and the positions are drawn anew later.
            account.SecurityStamp = NewStamp();
            account.PendingChallengeIndex = null;
            account.PendingChallengeExpiresAt = null;
        }
        Record(account.Id, locked ? LockedOutcome(account) : outcome, remoteAddress);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return locked;
    }

    /// <summary>
    /// Runs the hash exactly once on every path (unknown, locked, wrong, right), so the time taken
    /// tells nothing about the account.
    /// </summary>
    private bool VerifyPassword(Account? account, string password)
    {
        if (account?.PasswordHash is { } hash)
            return accounts.PasswordHasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed;
        accounts.PasswordHasher.VerifyHashedPassword(new Account(), DummyHash, password);
        return false;
    }

    private static void ClearFailures(Account account)
    {
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.PendingChallengeIndex = null;
        account.PendingChallengeExpiresAt = null;
    }

    private static SecurityCodeChallenge? PendingChallenge(Account account, DateTimeOffset now) =>
        account is { PendingChallengeIndex: { } index, PendingChallengeExpiresAt: { } expires } && expires > now
        && index >= 0 && index < SecurityCode.AllChallenges.Count
            ? SecurityCode.AllChallenges[index]
            : null;

    private static SignInOutcome LockedOutcome(Account account) =>
        SignInLockout.IsBlocked(account.AccessFailedCount) ? SignInOutcome.Blocked : SignInOutcome.LockedOut;

    private static CodeCheck LockedResult(Account account) =>
        SignInLockout.IsBlocked(account.AccessFailedCount) ? CodeCheck.Blocked : CodeCheck.LockedOut;

    private async Task SucceedAsync(Guid userId, string? remoteAddress)
    {
        var user = await db.ImiUsers.SingleAsync(u => u.Id == userId);
        user.RecordSignIn(clock.GetUtcNow());
        await RecordAsync(userId, SignInOutcome.Succeeded, remoteAddress);
    }

    private async Task RecordAsync(Guid? userId, SignInOutcome outcome, string? remoteAddress, string? unknownUsernameHash = null)
    {
        Record(userId, outcome, remoteAddress, unknownUsernameHash);
        await db.SaveChangesAsync();
    }

    private void Record(Guid? userId, SignInOutcome outcome, string? remoteAddress, string? unknownUsernameHash = null)
    {
        db.SignInAttempts.Add(new SignInAttempt
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UnknownUsernameHash = unknownUsernameHash,
            Outcome = outcome,
            RemoteAddress = remoteAddress,
        });
        logger.LogInformation("Sign-in {Outcome} for user {UserId} from {RemoteAddress}", outcome, userId, remoteAddress);
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    // A PBKDF2 hash of a random string, for constant-time rejection of unknown usernames.
    private static readonly string DummyHash =
        new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString());

    /// <summary>
    /// A password rule broken, as a refusal: <c>Password.{code}</c> for the code of Identity's
    /// validator or of ours, with the rule's values; never Identity's English description.
    /// </summary>
    internal static DomainException PasswordRefusal(IdentityError error, PasswordOptions rules)
    {
        var code = "Password." + error.Code;
        return code switch
        {
            Refusals.Password.PasswordTooShort => new DomainException(code, "NewPassword", ("count", rules.RequiredLength)),
            Refusals.Password.PasswordRequiresUniqueChars => new DomainException(code, "NewPassword", ("count", rules.RequiredUniqueChars)),
            Refusals.Password.PasswordRequiresNonAlphanumeric or Refusals.Password.PasswordRequiresDigit or Refusals.Password.PasswordRequiresLower
                or Refusals.Password.PasswordRequiresUpper or Refusals.Password.CommonPassword or Refusals.Password.ContainsUsername
                => new DomainException(code, "NewPassword"),
            _ => new DomainException(Refusals.Password.NotAccepted, "NewPassword"),
        };
    }
}
