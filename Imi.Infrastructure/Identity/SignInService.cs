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
    /// <summary>Unknown username or wrong password: the user is told the same in both cases.</summary>
    Rejected,
    Blocked,
    /// <summary>Password right; now three digits of the security code.</summary>
    NeedsSecurityCode,
    /// <summary>A temporary password was right: choose a password and a security code.</summary>
    MustSetCredentials,
}

public sealed record PasswordCheckResult(PasswordCheck Outcome, Guid? UserId = null, int AttemptsLeft = 0);

public enum CodeCheck
{
    Succeeded,
    Rejected,
    Blocked,
}

public sealed record CodeCheckResult(CodeCheck Outcome, int AttemptsLeft = 0);

/// <summary>
/// The two steps of signing in, as DOMAIN.md describes: password, then three random digits of the
/// security code; five failures in all block the account until a password reset. Every attempt is
/// recorded. Issues no cookie: the portal does that from an HTTP response.
/// </summary>
public sealed class SignInService(
    UserManager<Account> accounts,
    SecurityCodeHasher codeHasher,
    ImiDbContext db,
    TimeProvider clock,
    ILogger<SignInService> logger)
{
    public async Task<PasswordCheckResult> CheckPasswordAsync(string username, string password, string? remoteAddress)
    {
        var account = await accounts.FindByNameAsync(username.Trim());
        if (account is null)
        {
            // Spend the time a real check would, so timing does not tell which usernames exist.
            accounts.PasswordHasher.VerifyHashedPassword(new Account(), DummyHash, password);
            await RecordAsync(null, SignInOutcome.UnknownUsername, remoteAddress, username);
            return new PasswordCheckResult(PasswordCheck.Rejected);
        }
        if (await accounts.IsLockedOutAsync(account))
        {
            await RecordAsync(account.Id, SignInOutcome.Blocked, remoteAddress);
            return new PasswordCheckResult(PasswordCheck.Blocked, account.Id);
        }
        if (!await accounts.CheckPasswordAsync(account, password))
            return await FailAsync(account, SignInOutcome.WrongPassword, remoteAddress) is var (blocked, left) && blocked
                ? new PasswordCheckResult(PasswordCheck.Blocked, account.Id)
                : new PasswordCheckResult(PasswordCheck.Rejected, account.Id, left);

        return account.MustChangeCredentials || account.SecurityCodeHashes is null
            ? new PasswordCheckResult(PasswordCheck.MustSetCredentials, account.Id)
            : new PasswordCheckResult(PasswordCheck.NeedsSecurityCode, account.Id);
    }

    public async Task<CodeCheckResult> CheckSecurityCodeAsync(Guid userId, SecurityCodeChallenge challenge, string digits, string? remoteAddress)
    {
        var account = await accounts.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such account.");
        if (await accounts.IsLockedOutAsync(account))
        {
            await RecordAsync(account.Id, SignInOutcome.Blocked, remoteAddress);
            return new CodeCheckResult(CodeCheck.Blocked);
        }
        if (!codeHasher.Verify(account.Id, account.SecurityCodeHashes, challenge, digits.Trim()))
        {
            var (blocked, left) = await FailAsync(account, SignInOutcome.WrongSecurityCode, remoteAddress);
            return new CodeCheckResult(blocked ? CodeCheck.Blocked : CodeCheck.Rejected, left);
        }
        await accounts.ResetAccessFailedCountAsync(account);
        await SucceedAsync(account.Id, SignInOutcome.Succeeded, remoteAddress);
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
            throw new DomainException("Your password and security code are already set.");
        if (await accounts.IsLockedOutAsync(account))
            throw new DomainException("Your account is blocked. Ask your local data administrator to reset your password.");
        var code = SecurityCode.Validate(securityCode);

        foreach (var validator in accounts.PasswordValidators)
        {
            var result = await validator.ValidateAsync(accounts, account, newPassword);
            if (!result.Succeeded)
                throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)), "NewPassword");
        }
        if (accounts.PasswordHasher.VerifyHashedPassword(account, account.PasswordHash!, newPassword) != PasswordVerificationResult.Failed)
            throw new DomainException("Choose a password different from the temporary one.", "NewPassword");

        account.PasswordHash = accounts.PasswordHasher.HashPassword(account, newPassword);
        account.SecurityCodeHashes = codeHasher.HashAll(account.Id, code);
        account.MustChangeCredentials = false;
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        await accounts.UpdateSecurityStampAsync(account); // saves the account too
        await RecordAsync(account.Id, SignInOutcome.CredentialsChanged, remoteAddress);
        await SucceedAsync(account.Id, SignInOutcome.Succeeded, remoteAddress);
    }

    public Task RecordSignOutAsync(Guid userId, string? remoteAddress) =>
        RecordAsync(userId, SignInOutcome.SignedOut, remoteAddress);

    private async Task<(bool Blocked, int AttemptsLeft)> FailAsync(Account account, SignInOutcome outcome, string? remoteAddress)
    {
        await accounts.AccessFailedAsync(account);
        var blocked = await accounts.IsLockedOutAsync(account);
        await RecordAsync(account.Id, blocked ? SignInOutcome.Blocked : outcome, remoteAddress);
        var left = Math.Max(0, accounts.Options.Lockout.MaxFailedAccessAttempts - account.AccessFailedCount);
        return (blocked, left);
    }

    private async Task SucceedAsync(Guid userId, SignInOutcome outcome, string? remoteAddress)
    {
        var user = await db.ImiUsers.SingleAsync(u => u.Id == userId);
        user.RecordSignIn(clock.GetUtcNow());
        await RecordAsync(userId, outcome, remoteAddress);
    }

    private async Task RecordAsync(Guid? userId, SignInOutcome outcome, string? remoteAddress, string? unknownUsername = null)
    {
        db.SignInAttempts.Add(new SignInAttempt
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UnknownUsername = unknownUsername is null ? null : Truncate(unknownUsername.Trim(), 40),
            Outcome = outcome,
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync();
        logger.LogInformation("Sign-in {Outcome} for user {UserId} from {RemoteAddress}", outcome, userId, remoteAddress);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    // A PBKDF2 hash of a random string, for constant-time rejection of unknown usernames.
    private static readonly string DummyHash =
        new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString());
}
