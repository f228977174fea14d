namespace Imi.Infrastructure.Identity;

/// <summary>
/// What wrong answers (password or security-code digits, counted together since the last
/// successful sign-in) lead to: a lockout that grows, then a block only a password reset lifts.
/// A temporary lockout means a stranger typing a username cannot shut its owner out for good.
/// </summary>
public static class SignInLockout
{
    /// <summary>Every this many wrong answers, the account is locked for a while.</summary>
    public const int AttemptsPerLockout = 5;

    /// <summary>This many wrong answers in all block the account until a password reset.</summary>
    public const int AttemptsBeforeBlock = 15;

    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The lockout that the <paramref name="failures"/>-th wrong answer starts: 15 minutes at the
    /// 5th, 30 minutes at the 10th, none otherwise (from the 15th on, <see cref="IsBlocked"/>).
    /// </summary>
    public static TimeSpan? LockoutAfter(int failures) =>
        failures > 0 && failures < AttemptsBeforeBlock && failures % AttemptsPerLockout == 0
            ? FirstLockout * Math.Pow(2, failures / AttemptsPerLockout - 1)
            : null;

    public static bool IsBlocked(int failures) => failures >= AttemptsBeforeBlock;

    public static bool IsLockedOut(Account account, DateTimeOffset now) => IsLockedOut(account.AccessFailedCount, account.LockoutEnd, now);

    public static bool IsLockedOut(int failures, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        IsBlocked(failures) || lockoutEnd > now;
}
