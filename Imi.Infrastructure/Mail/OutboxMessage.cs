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
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    /// <summary>What caused it (e.g. "temporary-password"); for operators and tests, not the recipient.</summary>
    public required string Kind { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Stable across retries, so a receiver can drop a duplicate of a message sent twice.</summary>
    public string MessageId(string domain) => $"{Id:N}@{domain}";
}
