using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;

namespace Imi.Domain.Access;

/// <summary>
/// The coordinators of one country and who is above whom (each coordinator's <see cref="Authority.CoordinatorId"/>):
/// enough to answer "is this coordinator the one responsible, or above it?". Loaded with the country's coordinators.
/// </summary>
public sealed class CoordinatorTree
{
    private readonly IReadOnlyDictionary<Guid, Guid?> _above;

    public CoordinatorTree(IEnumerable<Authority> coordinators) =>
        _above = coordinators.Where(c => c.IsCoordinator).ToDictionary(c => c.Id, c => c.CoordinatorId);

    public CoordinatorTree(IReadOnlyDictionary<Guid, Guid?> above) => _above = above;

    /// <summary>The coordinator and every coordinator below it, at any depth (whose authorities it may administer too).</summary>
    public IReadOnlySet<Guid> ItselfAndBelow(Guid coordinatorId) =>
        _above.Keys.Where(id => IsOrIsAbove(coordinatorId, id)).Append(coordinatorId).ToHashSet();

    /// <summary>
    /// True when <paramref name="coordinatorId"/> is <paramref name="responsibleId"/> or a coordinator above it.
    /// The walk stops at the top, at a coordinator it does not know, and on a loop (data can be wrong; rights never loop).
    /// </summary>
    public bool IsOrIsAbove(Guid coordinatorId, Guid? responsibleId)
    {
        var seen = new HashSet<Guid>();
        for (var current = responsibleId; current is { } id && seen.Add(id); current = _above.GetValueOrDefault(id))
        {
            if (id == coordinatorId)
                return true;
        }
        return false;
    }
}

/// <summary>
/// Who may do what a coordinator does for the authorities it coordinates (decision 010). An authority's own
/// matters (its official title, deactivation, its local data administrators' passwords, its audit trail): a data
/// administrator, in any area, of its coordinator or of a coordinator above it. A matter of one legislative area
/// (access to it, who coordinates it): a data administrator for that area of the area's coordinator or of one above.
/// </summary>
public static class Coordination
{
    public static bool MayAdministerAuthority(Actor actor, Authority target, CoordinatorTree tree) =>
        actor.AuthorityId != target.Id
        && actor.AreaRoles.Any(r => r.Role == AreaRole.DataAdministrator)
        && tree.IsOrIsAbove(actor.AuthorityId, target.CoordinatorId);

    public static bool MayAdministerArea(Actor actor, Authority target, string legislativeAreaCode, CoordinatorTree tree) =>
        actor.AuthorityId != target.Id
        && actor.Has(AreaRole.DataAdministrator, legislativeAreaCode)
        && tree.IsOrIsAbove(actor.AuthorityId, target.CoordinatorFor(legislativeAreaCode));

    public static void RequireCanAdministerAuthority(Actor actor, Authority target, CoordinatorTree tree)
    {
        if (!MayAdministerAuthority(actor, target, tree))
            throw new NotPermittedException(Refusals.Coordination.NotItsCoordinator);
    }

    public static void RequireCanAdministerArea(Actor actor, Authority target, string legislativeAreaCode, CoordinatorTree tree)
    {
        if (!MayAdministerArea(actor, target, legislativeAreaCode, tree))
            throw new NotPermittedException(Refusals.Coordination.NotTheAreasCoordinator, ("area", legislativeAreaCode));
    }
}
