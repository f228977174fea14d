using Imi.Domain.Access;
using Imi.Domain.Common;

namespace Imi.Domain.Authorities;

/// <summary>What a coordinator's data administrator changes in an authority it coordinates (decision 010, the guide's step 13).</summary>
public sealed partial class Authority
{
    /// <summary>
    /// Access to one more legislative area, coordinated there (and overseen, as its request coordinator) by
    /// <paramref name="coordinator"/>: the actor's coordinator or one below it that has the area.
    /// </summary>
    public void GrantArea(Actor actor, CoordinatorTree tree, string legislativeAreaCode, Authority coordinator)
    {
        Coordination.RequireCanAdministerArea(actor, this, legislativeAreaCode, tree);
        if (HasAccessTo(legislativeAreaCode))
            throw new DomainException(Refusals.Coordination.AlreadyHasArea, null, ("area", legislativeAreaCode));
        Coordination.RequireCoordinatorBelow(actor, tree, coordinator, legislativeAreaCode);
        GrantAreaAccess(legislativeAreaCode, coordinator.Id);
        AddRequestCoordinator(legislativeAreaCode, coordinator);
    }

    /// <summary>
    /// Access to a legislative area ends, with its settings (department, allocation, request coordinators); the caller
    /// takes the users' roles in it away. Refused while the authority has exchanges open in it (named), while it
    /// coordinates other authorities in it, and for its last area.
    /// </summary>
    public void WithdrawArea(Actor actor, CoordinatorTree tree, string legislativeAreaCode, IReadOnlyList<string> openExchanges, bool coordinatesOthersInIt)
    {
        Coordination.RequireCanAdministerArea(actor, this, legislativeAreaCode, tree);
        if (!HasAccessTo(legislativeAreaCode))
            throw new DomainException(Refusals.Authority.NoAccessToArea, null, ("area", legislativeAreaCode));
        if (openExchanges.Count > 0)
            throw new DomainException(Refusals.Coordination.OpenExchangesInArea, null, ("area", legislativeAreaCode), ("exchanges", string.Join(", ", openExchanges)));
        if (coordinatesOthersInIt)
            throw new DomainException(Refusals.Coordination.CoordinatesOthersInArea, null, ("area", legislativeAreaCode));
        if (_areas.Count == 1)
            throw new DomainException(Refusals.Coordination.LastArea);
        _areas.RemoveAll(a => a.LegislativeAreaCode == legislativeAreaCode);
        _requestCoordinators.RemoveAll(r => r.LegislativeAreaCode == legislativeAreaCode);
        Touch();
    }

    /// <summary>The official title (in the original language, never translated) is the coordinator's to edit, not the authority's.</summary>
    public void EditOfficialTitle(Actor actor, CoordinatorTree tree, string officialTitle, bool takenInCountry)
    {
        Coordination.RequireCanAdministerAuthority(actor, this, tree);
        var title = Guard.Required(officialTitle, nameof(OfficialTitle), Authorities.OfficialTitle.MaxLength);
        if (takenInCountry)
            throw new DomainException(Refusals.Coordination.OfficialTitleTaken, nameof(OfficialTitle));
        OfficialTitle = title;
        Touch();
    }

    /// <summary>
    /// Another coordinator becomes the authority's own (for its areas without a coordinator of their own too): the actor's
    /// coordinator or one below it; never the authority itself or a coordinator below it (the tree would loop).
    /// </summary>
    public void ChangeCoordinator(Actor actor, CoordinatorTree tree, Authority coordinator)
    {
        Coordination.RequireCanAdministerAuthority(actor, this, tree);
        if (coordinator.Id == Id || !coordinator.IsCoordinator || coordinator.Status != RegistrationStatus.Validated
            || !tree.IsOrIsAbove(actor.AuthorityId, coordinator.Id) || tree.IsOrIsAbove(Id, coordinator.Id))
            throw new DomainException(Refusals.Coordination.CannotBecomeItsCoordinator, nameof(CoordinatorId), ("coordinator", coordinator.InformalTitle));
        CoordinatorId = coordinator.Id;
        foreach (var area in _areas.Where(a => a.CoordinatorId == coordinator.Id))
            area.CoordinatorId = null; // now the authority's own coordinator
        Touch();
    }
}
