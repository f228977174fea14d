namespace Imi.Infrastructure.Auditing;

public enum SignInOutcome
{
    Succeeded,
    UnknownUsername,
    WrongPassword,
    WrongSecurityCode,
    Blocked,
    CredentialsChanged,
    SignedOut,
}

/// <summary>One sign-in attempt: who, when, from where, with what result. Never a secret.</summary>
public sealed class SignInAttempt
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? UserId { get; init; }
    /// <summary>What was typed as username, kept only when it matched no user (truncated).</summary>
    public string? UnknownUsername { get; init; }
    public SignInOutcome Outcome { get; init; }
    public string? RemoteAddress { get; init; }
}
