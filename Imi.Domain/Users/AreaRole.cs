namespace Imi.Domain.Users;

/// <summary>
/// Roles held per legislative area. Every user is at least a basic user in every area of its
/// authority, so "basic user" is not stored.
/// </summary>
public enum AreaRole
{
    /// <summary>Sends and answers requests in the name of the authority.</summary>
    RequestHandler,
    /// <summary>Receives incoming requests and assigns them to request handlers.</summary>
    Allocator,
    /// <summary>In a coordinator: manages the data of the authorities it coordinates.</summary>
    DataAdministrator,
    /// <summary>In a coordinator: acts as referee in referrals.</summary>
    ReferralHandler,
}

/// <summary>One role of a user in one legislative area.</summary>
public sealed record AreaRoleAssignment(string LegislativeAreaCode, AreaRole Role);
