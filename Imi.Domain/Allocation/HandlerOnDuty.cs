namespace Imi.Domain.Allocation;

/// <summary>How incoming requests of one area reach handlers once allocation is on (per area of the authority).</summary>
public enum AllocationMode
{
    /// <summary>An allocator allocates every request (the guide's allocation).</summary>
    Manual,
    /// <summary>Each new request goes to the present handler, under capacity, who was given one longest ago.</summary>
    RoundRobin,
    /// <summary>Each new request goes to the present handler with the least open load relative to capacity.</summary>
    LeastLoaded,
}

/// <summary>
/// One request handler of the responding authority's area as allocation sees them now: how many open
/// requests are allocated to them (all areas), their capacity when set, their absence, and when a
/// request of the area was last allocated to them.
/// </summary>
public sealed record HandlerOnDuty(Guid UserId, int OpenLoad, int? Capacity, Absence? Absence, DateTimeOffset? LastAllocatedAt = null)
{
    public bool IsAbsentOn(DateOnly day) => Absence?.Covers(day) == true;

    /// <summary>As many open requests as the capacity allows (never true without a capacity).</summary>
    public bool AtCapacity => Capacity is { } capacity && OpenLoad >= capacity;

    /// <summary>Open load relative to capacity; without a capacity, relative to <see cref="AllocationRules.AssumedCapacity"/>.</summary>
    public double RelativeLoad => (double)OpenLoad / (Capacity ?? AllocationRules.AssumedCapacity);
}

/// <summary>What a handler has done in the area before: how many exchanges were allocated to them, and how often each question came.</summary>
public sealed record HandlerExperience(int Exchanges, IReadOnlyDictionary<string, int> QuestionCounts)
{
    public static readonly HandlerExperience None = new(0, new Dictionary<string, int>());

    /// <summary>How many of <paramref name="questionCodes"/> the handler has had before.</summary>
    public int Matching(IReadOnlyCollection<string> questionCodes) => questionCodes.Distinct().Count(QuestionCounts.ContainsKey);
}

/// <summary>
/// A proposed handler for one request, with the reasons the board shows: their open load and capacity,
/// that they are present, and how many of the request's questions they have had before.
/// </summary>
public sealed record AllocationSuggestion(Guid HandlerId, int OpenLoad, int? Capacity, int MatchingQuestions, int Questions, int PastExchanges);
