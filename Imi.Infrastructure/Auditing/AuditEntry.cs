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
    /// <summary>A coordinator deactivated an authority (decision 010; the detail names it).</summary>
    AuthorityDeactivated,
    /// <summary>A coordinator made a deactivated authority active again.</summary>
    AuthorityReactivated,
    /// <summary>A coordinator registered an authority with its first user (the detail names the authority).</summary>
    AuthorityRegistered,
    /// <summary>A coordinator gave an authority access to a legislative area (the detail: its code).</summary>
    AreaGranted,
    /// <summary>A coordinator withdrew an authority's access to a legislative area (the detail: its code).</summary>
    AreaWithdrawn,
    /// <summary>A coordinator edited the official title (the detail: before → after).</summary>
    OfficialTitleChanged,
    /// <summary>Another coordinator became the authority's coordinator (the detail: its official title).</summary>
    CoordinatorChanged,
    /// <summary>A coordinator validated an authority's application (the detail: its official title).</summary>
    ApplicationValidated,
    /// <summary>A coordinator rejected an authority's application (the detail: the reason).</summary>
    ApplicationRejected,
}

/// <summary>Who read or deleted personal data, and what coordinators did to authorities, and when: kept after the data itself is gone.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public AuditKind Kind { get; init; }
    /// <summary>Null for the system (retention).</summary>
    public Guid? UserId { get; init; }
    public Guid? RequestId { get; init; }
    /// <summary>The authority a coordination entry is about (its coordinators read them).</summary>
    public Guid? AuthorityId { get; init; }
    public string? Detail { get; init; }
}
