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

public sealed record StepStatus(SetupStep Step, StepState State, string Reason);

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
        string Names(IEnumerable<string> areas) => string.Join(", ", areas.Select(areaName));
        var areas = authority.Areas.Select(a => a.LegislativeAreaCode).ToList();
        var others = staff.Count - 1;

        (StepState, string) Rule(int step) => step switch
        {
            1 => Ok("General information checked."),
            2 => authority.Keywords.Any(k => keywordLists.Any(l => l.Code == k.ListCode && l.Kind != KeywordListKind.LegislativeArea))
                ? Ok("Areas of competence chosen.")
                : Attention("Choose at least one area of economic activity or policy area, so that others can find you."),
            3 => areas.Where(a => !keywordLists.Any(l => l.LegislativeAreaCode == a && authority.KeywordsOf(l.Code).Count > 0)).ToList() is { Count: > 0 } missing
                ? Attention($"No keyword yet for: {Names(missing)}.")
                : Ok("Keywords chosen for every legislative area."),
            4 => Ok(authority.LinkedAuthorities.Count == 0 ? "No linked authorities: none needed." : $"{authority.LinkedAuthorities.Count} linked authorities."),
            5 => areas.Where(a => authority.RequestCoordinators.All(r => r.LegislativeAreaCode != a)).ToList() is { Count: > 0 } without
                ? Attention($"No request coordinator for: {Names(without)}.")
                : Ok("A request coordinator for every legislative area."),
            6 => Ok("Departments noted."),
            7 => others < 1
                ? Attention("No back-up user yet: register at least one more user for holidays and sick leave.")
                : Ok($"{others} additional user(s); back-up ensured."),
            8 => authority.Areas.Where(a => a.AllocationEnabled && !staff.Any(u => u.Has(AreaRole.Allocator, a.LegislativeAreaCode)))
                    .Select(a => a.LegislativeAreaCode).ToList() is { Count: > 0 } noAllocator
                ? Attention($"Allocation is on without an allocator in: {Names(noAllocator)}.")
                : Ok(authority.Areas.Any(a => a.AllocationEnabled) ? "Allocation on, with allocators." : "Allocation off: every request handler is alerted."),
            9 => areas.Where(a => !staff.Any(u => u.Has(AreaRole.RequestHandler, a))).ToList() is { Count: > 0 } noHandler
                ? Attention($"No request handler for: {Names(noHandler)}.")
                : Ok("Roles decided."),
            10 => others < Math.Max(1, authority.PlannedAdditionalUsers ?? 1)
                ? Attention($"{others} of {Math.Max(1, authority.PlannedAdditionalUsers ?? 1)} planned additional user(s) registered.")
                : Ok($"{others} additional user(s) registered."),
            11 => Ok("Usernames told in person."),
            12 => staff.Where(u => u.FirstSignedInAt is null).ToList() is { Count: > 0 } waiting
                ? Attention($"{waiting.Count} user(s) have not signed in yet: {string.Join(", ", waiting.Select(u => u.DisplayName))}.")
                : Ok("Every user has signed in."),
            13 => areas.Where(a => !staff.Any(u => u.Has(AreaRole.DataAdministrator, a))).ToList() is { Count: > 0 } noAdmin
                ? Attention($"No data administrator for: {Names(noAdmin)}.")
                : Ok("A data administrator for every legislative area."),
            14 => authority.Areas.Where(a => a.Referral == ReferralParticipation.ReferralHandlers
                        && !staff.Any(u => u.Has(AreaRole.ReferralHandler, a.LegislativeAreaCode)))
                    .Select(a => a.LegislativeAreaCode).ToList() is { Count: > 0 } noReferee
                ? Attention($"Referral handlers chosen but none appointed for: {Names(noReferee)}.")
                : Ok("Referral participation decided."),
            15 => Ok("Approval settings decided."),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };

        return SetupSteps.For(authority.IsCoordinator).Select(step =>
        {
            var (state, reason) = Rule(step.Number);
            if (!authority.IsStepCompleted(step.Number))
                return new StepStatus(step, StepState.NotYet,
                    state == StepState.NeedsAttention ? "Not completed yet. " + reason : "Not completed yet.");
            return new StepStatus(step, state, reason);
        }).ToList();
    }

    public static bool IsComplete(IReadOnlyList<StepStatus> checklist) => checklist.All(s => s.State == StepState.Done);

    private static (StepState, string) Ok(string reason) => (StepState.Done, reason);

    private static (StepState, string) Attention(string reason) => (StepState.NeedsAttention, reason);
}
