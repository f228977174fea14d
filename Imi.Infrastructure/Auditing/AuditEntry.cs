namespace Imi.Infrastructure.Auditing;

public enum AuditKind
{
    /// <summary>A user was shown the personal data of an exchange.</summary>
    PersonalDataRead,
    /// <summary>A user downloaded an attachment of an exchange.</summary>
    AttachmentRead,
    /// <summary>Retention deleted the personal data of a closed exchange.</summary>
    PersonalDataDeleted,
    /// <summary>Retention blocked the personal data of a closed exchange (areas with the block-then-delete rule).</summary>
    PersonalDataBlocked,
    /// <summary>A user retrieved blocked personal data, giving a justification (in the detail).</summary>
    BlockedPersonalDataRetrieved,
}

/// <summary>Who read or deleted personal data, and when: kept after the data itself is gone.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public AuditKind Kind { get; init; }
    /// <summary>Null for the system (retention).</summary>
    public Guid? UserId { get; init; }
    public Guid? RequestId { get; init; }
    public string? Detail { get; init; }
}
