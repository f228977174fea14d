namespace Imi.Domain.Authorities;

/// <summary>
/// Legislative area the authority has access to, with its per-area settings (later issues add the
/// coordinator's referral and approval settings here).
/// </summary>
public sealed class AreaAccess
{
    public required string LegislativeAreaCode { get; init; }
    /// <summary>Allocation: incoming requests go to allocators who assign them (setup step 8).</summary>
    public bool AllocationEnabled { get; set; }
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
