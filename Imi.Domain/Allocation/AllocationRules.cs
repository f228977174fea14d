using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.Users;

namespace Imi.Domain.Allocation;

/// <summary>
/// The rules of allocation in one place: who may record absences and capacities, who is a valid
/// deputy, whom the "suggest" button proposes and whom automatic allocation picks.
/// </summary>
public static class AllocationRules
{
    /// <summary>The load a handler without a capacity is measured against (a capacity-free handler is "full" at this many).</summary>
    public const int AssumedCapacity = 20;
    public const int MaxCapacity = 500;
    public const int MaxAbsenceDays = 366;

    /// <summary>
    /// How much experience weighs against load in a suggestion: a handler who has had every question
    /// of the request before wins over a colleague up to this much fuller (a quarter of a capacity).
    /// </summary>
    public const double ExperienceWeight = 0.25;

    /// <summary>The user themselves, or an allocator of their authority (in any area), records their absence and capacity.</summary>
    public static bool MayArrangeCoverFor(Actor actor, User user) =>
        actor.AuthorityId == user.AuthorityId
        && (actor.UserId == user.Id || actor.AreaRoles.Any(r => r.Role == AreaRole.Allocator));

    /// <summary>Only allocators set capacities (a handler does not set their own).</summary>
    public static bool MaySetCapacityOf(Actor actor, User user) =>
        actor.AuthorityId == user.AuthorityId && actor.AreaRoles.Any(r => r.Role == AreaRole.Allocator);

    /// <summary>
    /// A deputy is another user of the same authority who handles requests in every area the absent
    /// user handles them in: otherwise some of the requests they cover would stay unseen.
    /// Returns the refusal code, or null when the deputy fits.
    /// </summary>
    public static (string Code, string? Area)? DeputyProblem(User absent, User deputy)
    {
        if (deputy.Id == absent.Id)
            return (Refusals.Allocation.DeputyIsSelf, null);
        if (deputy.AuthorityId != absent.AuthorityId)
            return (Refusals.Users.OfAnotherAuthority, null);
        var missing = absent.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler)
            .FirstOrDefault(r => !deputy.Has(AreaRole.RequestHandler, r.LegislativeAreaCode));
        return missing is null ? null : (Refusals.Allocation.DeputyNotHandler, missing.LegislativeAreaCode);
    }

    /// <summary>
    /// The handler the board proposes for a request: among those present (not absent today), those
    /// under capacity if any; the least open load relative to capacity, less
    /// <see cref="ExperienceWeight"/> × the share of the request's questions they have had before;
    /// ties to the one with more past exchanges in the area. Null when everyone is absent.
    /// </summary>
    public static AllocationSuggestion? Suggest(IReadOnlyList<HandlerOnDuty> pool, IReadOnlyCollection<string> questionCodes,
        IReadOnlyDictionary<Guid, HandlerExperience> experience, DateOnly today)
    {
        var questions = questionCodes.Distinct().Count();
        HandlerExperience Of(HandlerOnDuty h) => experience.GetValueOrDefault(h.UserId) ?? HandlerExperience.None;
        double Score(HandlerOnDuty h) => h.RelativeLoad - (questions == 0 ? 0 : ExperienceWeight * Of(h).Matching(questionCodes) / questions);

        var best = Candidates(pool, today)
            .OrderBy(Score).ThenByDescending(h => Of(h).Exchanges).ThenBy(h => h.UserId)
            .FirstOrDefault();
        return best is null ? null
            : new AllocationSuggestion(best.UserId, best.OpenLoad, best.Capacity, Of(best).Matching(questionCodes), questions, Of(best).Exchanges);
    }

    /// <summary>
    /// Suggestions for several requests at once (the board's "suggest" for the cards shown or chosen):
    /// one after another in the order given, each counted in its handler's load before the next, so
    /// that ten new requests do not all go to the one handler who had the least.
    /// </summary>
    public static IReadOnlyDictionary<Guid, AllocationSuggestion?> SuggestMany(IReadOnlyList<HandlerOnDuty> pool,
        IReadOnlyList<(Guid RequestId, IReadOnlyCollection<string> QuestionCodes)> requests,
        IReadOnlyDictionary<Guid, HandlerExperience> experience, DateOnly today)
    {
        var current = pool.ToList();
        var suggestions = new Dictionary<Guid, AllocationSuggestion?>();
        foreach (var (requestId, questions) in requests)
        {
            var suggestion = Suggest(current, questions, experience, today);
            suggestions[requestId] = suggestion;
            if (suggestion is not null)
            {
                var i = current.FindIndex(h => h.UserId == suggestion.HandlerId);
                current[i] = current[i] with { OpenLoad = current[i].OpenLoad + 1 };
            }
        }
        return suggestions;
    }

    /// <summary>
    /// The handler automatic allocation gives a new request to, or null (the request then waits for an
    /// allocator, who is alerted as without automatic allocation): only present handlers under
    /// capacity. Round robin: the one given a request of the area longest ago (never first);
    /// least loaded: the least open load relative to capacity, then the same order.
    /// </summary>
    public static Guid? Automatic(AllocationMode mode, IReadOnlyList<HandlerOnDuty> pool, DateOnly today)
    {
        if (mode == AllocationMode.Manual)
            return null;
        var open = Candidates(pool, today).Where(h => !h.AtCapacity);
        var ordered = mode == AllocationMode.LeastLoaded
            ? open.OrderBy(h => h.RelativeLoad).ThenBy(h => h.LastAllocatedAt ?? DateTimeOffset.MinValue)
            : open.OrderBy(h => h.LastAllocatedAt ?? DateTimeOffset.MinValue);
        return ordered.ThenBy(h => h.UserId).FirstOrDefault()?.UserId;
    }

    /// <summary>Present handlers; those under capacity when there are any.</summary>
    private static IEnumerable<HandlerOnDuty> Candidates(IReadOnlyList<HandlerOnDuty> pool, DateOnly today)
    {
        var present = pool.Where(h => !h.IsAbsentOn(today)).ToList();
        var underCapacity = present.Where(h => !h.AtCapacity).ToList();
        return underCapacity.Count > 0 ? underCapacity : present;
    }
}
