namespace Imi.Infrastructure.Auditing;

public enum SignInOutcome
{
    Succeeded,
    UnknownUsername,
    WrongPassword,
    WrongSecurityCode,
    /// <summary>Blocked until a password reset (or an attempt while blocked).</summary>
    Blocked,
    /// <summary>Locked for a while after too many wrong answers (or an attempt while locked).</summary>
    LockedOut,
    CredentialsChanged,
    SignedOut,
    /// <summary>The password was right, but the authority is not validated (waiting, or deactivated).</summary>
    AuthorityNotActive,
}

/// <summary>One sign-in attempt: who, when, from where, with what result. Never a secret.</summary>
public sealed class SignInAttempt
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? UserId { get; init; }
    /// <summary>
    /// When the username typed matched no user: a keyed hash of it (hex HMAC-SHA256), never the
    /// text, which is often a password typed in the wrong box. Repeated tries of one name still
    /// show as one value.
    /// </summary>
    public string? UnknownUsernameHash { get; init; }
    public SignInOutcome Outcome { get; init; }
    public string? RemoteAddress { get; init; }
}
