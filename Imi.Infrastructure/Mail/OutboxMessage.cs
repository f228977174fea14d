namespace Imi.Infrastructure.Mail;

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Gave up after the maximum number of attempts; needs an operator.</summary>
    Dead,
}

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that causes it, so
/// no e-mail is lost or sent for a change that rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string ToAddress { get; init; }
    public string? ToName { get; init; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    /// <summary>
    /// A secret the body carries (a temporary password): kept only until the message is sent or
    /// given up, then removed from the body, so the database does not keep it.
    /// </summary>
    public string? Secret { get; set; }
    /// <summary>What caused it (e.g. "temporary-password"); for operators and tests, not the recipient.</summary>
    public required string Kind { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Shown in the stored body where the secret was, once it has gone (or will never go).</summary>
    public const string SecretRemoved = "[removed once sent]";

    /// <summary>Removes the secret from the stored subject and body: call once the message left or was given up.</summary>
    public void ForgetSecret()
    {
        if (string.IsNullOrEmpty(Secret))
            return;
        TextBody = TextBody.Replace(Secret, SecretRemoved, StringComparison.Ordinal);
        Subject = Subject.Replace(Secret, SecretRemoved, StringComparison.Ordinal);
        Secret = null;
    }

    /// <summary>Stable across retries, so a receiver can drop a duplicate of a message sent twice.</summary>
    public string MessageId(string domain) => $"{Id:N}@{domain}";
}
