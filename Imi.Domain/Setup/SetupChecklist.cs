using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;

namespace Imi.Domain.Setup;

public enum StepState
{
    NotYet,
    NeedsAttention,
    Done,
}

/// <summary>
/// Why a step stands where it stands: a code the portal writes in the reader's language (the text
/// <c>Setup.Checklist.Reasons.{Reason}</c>), with the values it names.
/// </summary>
public enum ChecklistReason
{
    GeneralInformationChecked,
    CompetencesChosen,
    NoCompetence,
    AreaKeywordsMissing,
    AreaKeywordsChosen,
    NoLinkedAuthority,
    LinkedAuthorities,
    RequestCoordinatorMissing,
    RequestCoordinatorsChosen,
    DepartmentsNoted,
    NoBackUpUser,
    BackUpEnsured,
    AllocationWithoutAllocator,
    AllocationWithAllocators,
    AllocationOff,
    RequestHandlerMissing,
    RolesDecided,
    FewerUsersThanPlanned,
    UsersRegistered,
    UsernamesTold,
    UsersNotSignedIn,
    EveryUserSignedIn,
    DataAdministratorMissing,
    DataAdministratorsChosen,
    ReferralHandlersMissing,
    ReferralParticipationDecided,
    ApprovalDecided,
}

/// <summary>
/// A step's state and why. A step not completed yet has a <see cref="Reason"/> only when its rule
/// already needs attention; <see cref="Args"/> are the values the reason names: <c>areas</c> (the
/// legislative areas' names, in the reader's language), <c>count</c>, <c>registered</c>, <c>users</c>.
/// </summary>
public sealed record StepStatus(SetupStep Step, StepState State, ChecklistReason? Reason, IReadOnlyList<(string Name, object? Value)> Args);

/// <summary>
/// The guide's checklist for one authority: each step's state and why. A step is done once its
/// page was completed and its rules hold; a completed step whose rule broke since (the back-up
/// user left, an allocator was removed) needs attention again.
/// </summary>
public static class SetupChecklist
{
    public static IReadOnlyList<StepStatus> Evaluate(
        Authority authority,
        IReadOnlyList<User> staff,
        IReadOnlyList<KeywordList> keywordLists,
        Func<string, string> areaName)
    {
        (string, object?) Areas(IEnumerable<string> areas) => ("areas", string.Join(", ", areas.Select(areaName)));
        var areas = authority.Areas.Select(a => a.LegislativeAreaCode).ToList();
        var others = staff.Count - 1;
        var planned = Math.Max(1, authority.PlannedAdditionalUsers ?? 1);

        Rule RuleOf(int step) => step switch
        {
            1 => Ok(ChecklistReason.GeneralInformationChecked),
            2 => authority.Keywords.Any(k => keywordLists.Any(l => l.Code == k.ListCode && l.Kind != KeywordListKind.LegislativeArea))
                ? Ok(ChecklistReason.CompetencesChosen)
                : Attention(ChecklistReason.NoCompetence),
            3 => areas.Where(a => !keywordLists.Any(l => l.LegislativeAreaCode == a && authority.KeywordsOf(l.Code).Count > 0)).ToList() is { Count: > 0 } missing
                ? Attention(ChecklistReason.AreaKeywordsMissing, Areas(missing))
                : Ok(ChecklistReason.AreaKeywordsChosen),
            4 => authority.LinkedAuthorities.Count == 0
                ? Ok(ChecklistReason.NoLinkedAuthority)
                : Ok(ChecklistReason.LinkedAuthorities, ("count", authority.LinkedAuthorities.Count)),
            5 => areas.Where(a => authority.RequestCoordinators.All(r => r.LegislativeAreaCode != a)).ToList() is { Count: > 0 } without
                ? Attention(ChecklistReason.RequestCoordinatorMissing, Areas(without))
                : Ok(ChecklistReason.RequestCoordinatorsChosen),
            6 => Ok(ChecklistReason.DepartmentsNoted),
            7 => others < 1
                ? Attention(ChecklistReason.NoBackUpUser)
                : Ok(ChecklistReason.BackUpEnsured, ("count", others)),
            8 => authority.Areas.Where(a => a.AllocationEnabled && !staff.Any(u => u.Has(AreaRole.Allocator, a.LegislativeAreaCode)))
                    .Select(a => a.LegislativeAreaCode).ToList() is { Count: > 0 } noAllocator
                ? Attention(ChecklistReason.AllocationWithoutAllocator, Areas(noAllocator))
                : Ok(authority.Areas.Any(a => a.AllocationEnabled) ? ChecklistReason.AllocationWithAllocators : ChecklistReason.AllocationOff),
            9 => areas.Where(a => !staff.Any(u => u.Has(AreaRole.RequestHandler, a))).ToList() is { Count: > 0 } noHandler
                ? Attention(ChecklistReason.RequestHandlerMissing, Areas(noHandler))
                : Ok(ChecklistReason.RolesDecided),
            10 => others < planned
                ? Attention(ChecklistReason.FewerUsersThanPlanned, ("registered", others), ("count", planned))
                : Ok(ChecklistReason.UsersRegistered, ("count", others)),
            11 => Ok(ChecklistReason.UsernamesTold),
            12 => staff.Where(u => u.FirstSignedInAt is null).ToList() is { Count: > 0 } waiting
                ? Attention(ChecklistReason.UsersNotSignedIn, ("count", waiting.Count), ("users", string.Join(", ", waiting.Select(u => u.DisplayName))))
                : Ok(ChecklistReason.EveryUserSignedIn),
            13 => areas.Where(a => !staff.Any(u => u.Has(AreaRole.DataAdministrator, a))).ToList() is { Count: > 0 } noAdmin
                ? Attention(ChecklistReason.DataAdministratorMissing, Areas(noAdmin))
                : Ok(ChecklistReason.DataAdministratorsChosen),
            14 => authority.Areas.Where(a => a.Referral == ReferralParticipation.ReferralHandlers
                        && !staff.Any(u => u.Has(AreaRole.ReferralHandler, a.LegislativeAreaCode)))
                    .Select(a => a.LegislativeAreaCode).ToList() is { Count: > 0 } noReferee
                ? Attention(ChecklistReason.ReferralHandlersMissing, Areas(noReferee))
                : Ok(ChecklistReason.ReferralParticipationDecided),
            15 => Ok(ChecklistReason.ApprovalDecided),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };

        return SetupSteps.For(authority.IsCoordinator).Select(step =>
        {
            var rule = RuleOf(step.Number);
            if (!authority.IsStepCompleted(step.Number))
                return rule.State == StepState.NeedsAttention
                    ? new StepStatus(step, StepState.NotYet, rule.Reason, rule.Args)
                    : new StepStatus(step, StepState.NotYet, null, []);
            return new StepStatus(step, rule.State, rule.Reason, rule.Args);
        }).ToList();
    }

    public static bool IsComplete(IReadOnlyList<StepStatus> checklist) => checklist.All(s => s.State == StepState.Done);

    private sealed record Rule(StepState State, ChecklistReason Reason, IReadOnlyList<(string Name, object? Value)> Args);

    private static Rule Ok(ChecklistReason reason, params (string Name, object? Value)[] args) => new(StepState.Done, reason, args);

    private static Rule Attention(ChecklistReason reason, params (string Name, object? Value)[] args) => new(StepState.NeedsAttention, reason, args);
}
