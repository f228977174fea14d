using Imi.Domain.Users;

namespace Imi.Domain.Access;

/// <summary>
/// The user on whose behalf a use case runs, as the domain needs to know them. Built fresh from
/// the database for every use case: a circuit can outlive a role change.
/// </summary>
public sealed record Actor(
    Guid UserId,
    Guid AuthorityId,
    bool IsLocalDataAdministrator,
    bool IsTranslator,
    IReadOnlyList<AreaRoleAssignment> AreaRoles,
    string LanguageCode = "en")
{
    public static Actor Of(User user) => new(
        user.Id, user.AuthorityId, user.IsLocalDataAdministrator, user.IsTranslator, user.AreaRoles.ToList(), user.PreferredLanguageCode);

    /// <summary>
    /// The colleagues this user stands in for today: absent users who named them as deputy. Requests
    /// allocated to those colleagues are theirs to handle too (<see cref="IsAllocatedAmong"/>).
    /// </summary>
    public IReadOnlyList<Guid> CoversFor { get; init; } = [];

    /// <summary>True when one of <paramref name="allocatedHandlerIds"/> is this user, or a colleague they stand in for.</summary>
    public bool IsAllocatedAmong(IEnumerable<Guid> allocatedHandlerIds) =>
        allocatedHandlerIds.Any(id => id == UserId || CoversFor.Contains(id));

    public bool Has(AreaRole role, string legislativeAreaCode) =>
        AreaRoles.Contains(new AreaRoleAssignment(legislativeAreaCode, role));
}
