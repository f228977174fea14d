using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Setup;
using Imi.Domain.Users;

namespace Imi.Domain.Authorities;

/// <summary>What the first user (or any local data administrator) sets in the setup steps.</summary>
public sealed partial class Authority
{
    public AreaAccess Area(string legislativeAreaCode) =>
        _areas.FirstOrDefault(a => a.LegislativeAreaCode == legislativeAreaCode)
        ?? throw new DomainException(Refusals.Authority.NoAccessToArea, null, ("area", legislativeAreaCode));

    /// <summary>
    /// Steps 2 and 3: the keywords chosen from one list. Only codes of that list; a legislative
    /// area's list only when the authority has access to that area.
    /// </summary>
    public void SetKeywords(Actor actor, KeywordList list, IEnumerable<string> keywordCodes)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        if (list.Kind == KeywordListKind.LegislativeArea && !HasAccessTo(list.LegislativeAreaCode!))
            throw new DomainException(Refusals.Authority.NoAccessToArea, null, ("area", list.LegislativeAreaCode));
        var valid = list.Keywords.Select(k => k.Code).ToHashSet();
        var codes = keywordCodes.Distinct().ToList();
        var unknown = codes.Where(c => !valid.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw new DomainException(Refusals.Setup.KeywordsNotInList, nameof(Keywords), ("keywords", string.Join(", ", unknown)));
        _keywords.RemoveAll(k => k.ListCode == list.Code);
        _keywords.AddRange(codes.Select(c => new AuthorityKeyword(list.Code, c)));
        Touch();
    }

    public IReadOnlyList<string> KeywordsOf(string listCode) =>
        _keywords.Where(k => k.ListCode == listCode).Select(k => k.KeywordCode).ToList();

    /// <summary>Step 4: only a local data administrator unlinks.</summary>
    public void Unlink(Actor actor, Guid linkedAuthorityId)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        if (_linkedAuthorities.RemoveAll(l => l.LinkedAuthorityId == linkedAuthorityId) > 0)
            Touch();
    }

    /// <summary>Step 5, by the authority itself.</summary>
    public void AddRequestCoordinator(Actor actor, string legislativeAreaCode, Authority coordinator)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        if (coordinator.CountryCode != CountryCode)
            throw new DomainException(Refusals.Setup.RequestCoordinatorOfOwnCountry);
        if (!coordinator.HasAccessTo(legislativeAreaCode))
            throw new DomainException(Refusals.Setup.CoordinatorNotInArea, null, ("coordinator", coordinator.InformalTitle));
        AddRequestCoordinator(legislativeAreaCode, coordinator);
    }

    /// <summary>Step 5: every legislative area keeps at least one request coordinator.</summary>
    public void RemoveRequestCoordinator(Actor actor, string legislativeAreaCode, Guid coordinatorId)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        var inArea = _requestCoordinators.Where(r => r.LegislativeAreaCode == legislativeAreaCode).ToList();
        var link = inArea.FirstOrDefault(r => r.CoordinatorId == coordinatorId);
        if (link is null)
            return;
        if (inArea.Count == 1)
            throw new DomainException(Refusals.Setup.LastRequestCoordinator);
        _requestCoordinators.Remove(link);
        Touch();
    }

    /// <summary>Step 5: grant or withdraw "full view" (details, never personal data).</summary>
    public void SetFullView(Actor actor, string legislativeAreaCode, Guid coordinatorId, bool fullView)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        var link = _requestCoordinators.FirstOrDefault(r => r.LegislativeAreaCode == legislativeAreaCode && r.CoordinatorId == coordinatorId)
            ?? throw new DomainException(Refusals.Setup.NotARequestCoordinator);
        link.FullView = fullView;
        Touch();
    }

    /// <summary>Step 6: the department that will work with IMI in an area.</summary>
    public void SetDepartment(Actor actor, string legislativeAreaCode, string? department)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        Area(legislativeAreaCode).Department =
            Guard.Optional(department, nameof(AreaAccess.Department), AreaAccess.DepartmentMaxLength);
        Touch();
    }

    /// <summary>Step 7.</summary>
    public void PlanAdditionalUsers(Actor actor, int count)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        if (count < 0 || count > AdditionalUsers.MaxPlanned)
            throw new DomainException(Refusals.Input.NumberOutOfRange, nameof(PlannedAdditionalUsers), ("min", 0), ("max", AdditionalUsers.MaxPlanned));
        PlannedAdditionalUsers = count;
        Touch();
    }

    /// <summary>Step 8: allocation cannot be switched on in an area without an allocator.</summary>
    public void SetAllocation(Actor actor, string legislativeAreaCode, bool enabled, IEnumerable<User> staff)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        if (enabled && !staff.Any(u => u.AuthorityId == Id && u.Has(AreaRole.Allocator, legislativeAreaCode)))
            throw new DomainException(Refusals.Setup.AllocatorNeeded, nameof(AreaAccess.AllocationEnabled));
        Area(legislativeAreaCode).AllocationEnabled = enabled;
        Touch();
    }

    /// <summary>
    /// How new requests of an area reach handlers once allocation is on there: by an allocator
    /// (manual), round robin or least loaded. The local data administrator or an allocator of the
    /// area decides; switching allocation off keeps the choice for when it is on again.
    /// </summary>
    public void SetAutomaticAllocation(Actor actor, string legislativeAreaCode, Allocation.AllocationMode mode)
    {
        if (actor.AuthorityId != Id || !(actor.IsLocalDataAdministrator || actor.Has(AreaRole.Allocator, legislativeAreaCode)))
            throw new NotPermittedException(Refusals.Allocation.ModeNotYours);
        var area = Area(legislativeAreaCode);
        if (!area.AllocationEnabled && mode != Allocation.AllocationMode.Manual)
            throw new DomainException(Refusals.Allocation.AllocationOff, nameof(AreaAccess.AutomaticAllocation));
        if (area.AutomaticAllocation == mode)
            return;
        area.AutomaticAllocation = mode;
        Touch();
    }

    /// <summary>Step 14 (coordinators): referral handlers must exist when the coordinator delegates to them.</summary>
    public void SetReferralParticipation(Actor actor, string legislativeAreaCode, ReferralParticipation participation, IEnumerable<User> staff)
    {
        RequireCoordinatorSettingsBy(actor);
        if (participation == ReferralParticipation.ReferralHandlers
            && !staff.Any(u => u.AuthorityId == Id && u.Has(AreaRole.ReferralHandler, legislativeAreaCode)))
            throw new DomainException(Refusals.Setup.ReferralHandlerNeeded, nameof(AreaAccess.Referral));
        Area(legislativeAreaCode).Referral = participation;
        Touch();
    }

    /// <summary>Step 15 (coordinators).</summary>
    public void SetApproval(Actor actor, string legislativeAreaCode, bool requests, bool replies)
    {
        RequireCoordinatorSettingsBy(actor);
        var area = Area(legislativeAreaCode);
        area.ApprovesRequests = requests;
        area.ApprovesReplies = replies;
        Touch();
    }

    /// <summary>Marks a setup step done (the checklist still re-checks its rules every time).</summary>
    public void CompleteSetupStep(Actor actor, int step, DateTimeOffset at)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        var definition = SetupSteps.Get(step);
        if (definition.CoordinatorsOnly && !IsCoordinator)
            throw new DomainException(Refusals.Setup.StepForCoordinatorsOnly);
        var done = _completedSteps.FirstOrDefault(s => s.Step == step);
        if (done is null)
            _completedSteps.Add(new CompletedSetupStep { Step = step, CompletedAt = at, CompletedBy = actor.UserId });
        else
        {
            done.CompletedAt = at;
            done.CompletedBy = actor.UserId;
        }
        Touch();
    }

    public bool IsStepCompleted(int step) => _completedSteps.Any(s => s.Step == step);

    private void RequireCoordinatorSettingsBy(Actor actor)
    {
        if (!IsCoordinator)
            throw new DomainException(Refusals.Setup.SettingsForCoordinatorsOnly);
        Permissions.RequireLocalDataAdministrator(actor, this);
    }
}
