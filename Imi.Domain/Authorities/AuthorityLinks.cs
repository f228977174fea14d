namespace Imi.Domain.Authorities;

/// <summary>How a coordinator takes part in referrals in one legislative area (setup step 14).</summary>
public enum ReferralParticipation
{
    /// <summary>The standard setting: the coordinator's own users handle referrals.</summary>
    Self,
    /// <summary>Appointed referral handlers of the coordinator handle them.</summary>
    ReferralHandlers,
    /// <summary>The coordinator does not take part (e.g. its role is only technical).</summary>
    No,
}

/// <summary>A legislative area the authority has access to, with its per-area settings.</summary>
public sealed class AreaAccess
{
    public const int DepartmentMaxLength = 200;

    public required string LegislativeAreaCode { get; init; }
    /// <summary>
    /// The coordinator that coordinates the authority in this area (decision 010); null: the authority's own
    /// coordinator (<see cref="Authority.CoordinatorId"/>). Read it through <see cref="Authority.CoordinatorFor"/>.
    /// </summary>
    public Guid? CoordinatorId { get; set; }
    /// <summary>The unit or department that will use IMI for this area (setup step 6).</summary>
    public string? Department { get; set; }
    /// <summary>Allocation: incoming requests go to allocators who assign them (setup step 8).</summary>
    public bool AllocationEnabled { get; set; }
    /// <summary>With allocation on: how new requests reach handlers (<see cref="Authority.SetAutomaticAllocation"/>).</summary>
    public Allocation.AllocationMode AutomaticAllocation { get; set; } = Allocation.AllocationMode.Manual;
    /// <summary>Coordinators only (step 14). Default: the coordinator takes part itself.</summary>
    public ReferralParticipation Referral { get; set; } = ReferralParticipation.Self;
    /// <summary>Coordinators only (step 15): requests of the authorities it coordinates need its approval. Default no.</summary>
    public bool ApprovesRequests { get; set; }
    /// <summary>Coordinators only (step 15): replies of the authorities it coordinates need its approval. Default no.</summary>
    public bool ApprovesReplies { get; set; }
}

/// <summary>A keyword the authority chose to describe its competences (steps 2 and 3).</summary>
public sealed record AuthorityKeyword(string ListCode, string KeywordCode);

/// <summary>A setup step the authority has completed, and who completed it when.</summary>
public sealed class CompletedSetupStep
{
    public required int Step { get; init; }
    public DateTimeOffset CompletedAt { get; set; }
    public Guid CompletedBy { get; set; }
}

/// <summary>Another authority of the same country that sees a high-level overview of this one's exchanges (step 4).</summary>
public sealed class LinkedAuthority
{
    public required Guid LinkedAuthorityId { get; init; }
}

/// <summary>A coordinator acting as request coordinator for this authority in one legislative area (step 5).</summary>
public sealed class RequestCoordinatorLink
{
    public required string LegislativeAreaCode { get; init; }
    public required Guid CoordinatorId { get; init; }
    /// <summary>Sees the details of the exchanges (never personal data). Off by default.</summary>
    public bool FullView { get; set; }
}
