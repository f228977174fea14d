using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Imi.Infrastructure.Identity;

/// <summary>
/// Creates accounts and issues temporary passwords, inside the caller's unit of work so the
/// e-mail is queued in the same transaction as the change.
/// </summary>
public sealed class AccountCredentials(
    IPasswordHasher<Account> hasher,
    SecurityCodeHasher codeHasher,
    Outbox outbox,
    MailWriter mails,
    IOptions<SecurityOptions> security,
    TimeProvider clock)
{
    /// <summary>The account of a newly registered user, with a temporary password e-mailed to them.</summary>
    public Account CreateWithTemporaryPassword(ImiDbContext db, User user)
    {
        var account = NewAccount(user);
        db.Accounts.Add(account);
        IssueTemporaryPassword(db, account, user);
        return account;
    }

    /// <summary>
    /// A new temporary password, e-mailed (never the username); unblocks the account; the next
    /// sign-in chooses a new password and a new security code.
    /// </summary>
    public void IssueTemporaryPassword(ImiDbContext db, Account account, User user)
    {
        var password = TemporaryPassword.Generate();
        account.PasswordHash = hasher.HashPassword(account, password);
        account.MustChangeCredentials = true;
        account.TemporaryPasswordIssuedAt = clock.GetUtcNow();
        account.SecurityCodeHashes = null;
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.PendingChallengeIndex = null;
        account.PendingChallengeExpiresAt = null;
        account.EndSessions();
        var signIn = security.Value.PublicBaseUrl.TrimEnd('/') + "/account/sign-in";
        outbox.Enqueue(db, mails.TemporaryPassword(user.PreferredLanguageCode, user.DisplayName, password, signIn),
            user.Email, user.DisplayName, MailKinds.TemporaryPassword);
    }

    /// <summary>An account whose owner has already chosen password and code (demo data).</summary>
    public Account CreateWithKnownCredentials(ImiDbContext db, User user, string password, string securityCode)
    {
        var account = NewAccount(user);
        account.PasswordHash = hasher.HashPassword(account, password);
        account.SecurityCodeHashes = codeHasher.HashAll(user.Id, securityCode);
        db.Accounts.Add(account);
        return account;
    }

    private static Account NewAccount(User user) => new()
    {
        Id = user.Id,
        UserName = user.Username,
        NormalizedUserName = user.Username.ToUpperInvariant(),
        Email = user.Email,
        NormalizedEmail = user.Email.ToUpperInvariant(),
        EmailConfirmed = true,
        LockoutEnabled = true,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString("N"),
    };
}

public static class MailKinds
{
    public const string TemporaryPassword = "temporary-password";
    public const string SignInReminder = "sign-in-reminder";
    public const string KeywordRequest = "keyword-request";
    public const string ApplicationReceived = "application-received";
    public const string ApplicationRejected = "application-rejected";
    public const string KeywordRequestForwarded = "keyword-request-forwarded";
    public const string KeywordRequestDeclined = "keyword-request-declined";
    public const string KeywordAdded = "keyword-added";
    public const string WeeklyDigest = "weekly-digest";
}
