using Imi.Domain.Requests;
using Imi.Infrastructure.Requests;
using Imi.Portal.Store.Requests;

namespace Imi.Portal.Store.RequestLists;

/// <summary>The "my requests" page: the action list, the authority's overview and the exchanges it oversees.</summary>
[FeatureState]
public sealed record RequestListsState
{
    public ActionList? ActionList { get; init; }
    public ActionListFilter Filter { get; init; } = new();
    public IReadOnlyList<OverviewItem>? Overview { get; init; }
    public int OverviewTotal { get; init; }
    /// <summary>Exchanges of the authorities this one oversees (linked to it, or coordinated by it).</summary>
    public IReadOnlyList<OversightItem>? Oversight { get; init; }
    /// <summary>How often a change by someone else refreshed the action list.</summary>
    public int LiveRefreshes { get; init; }
}

public sealed record LoadActionListAction(Guid UserId, ActionListFilter Filter);
public sealed record ActionListLoadedAction(ActionList List, ActionListFilter Filter, bool Live = false);
public sealed record LoadOverviewAction(Guid UserId, string? AreaCode = null, RequestStatus? Status = null);
public sealed record OverviewLoadedAction(IReadOnlyList<OverviewItem> Items, int Total, IReadOnlyList<OversightItem> Oversight);

public static class RequestListsReducers
{
    [ReducerMethod]
    public static RequestListsState Reduce(RequestListsState state, ActionListLoadedAction a) =>
        state with { ActionList = a.List, Filter = a.Filter, LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0) };

    [ReducerMethod]
    public static RequestListsState Reduce(RequestListsState state, OverviewLoadedAction a) =>
        state with { Overview = a.Items, OverviewTotal = a.Total, Oversight = a.Oversight };
}

public sealed class RequestListsEffects(RequestQueries queries, IState<RequestListsState> state)
{
    [EffectMethod]
    public async Task Handle(LoadActionListAction a, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new ActionListLoadedAction(await queries.ActionListAsync(a.UserId, a.Filter), a.Filter));

    [EffectMethod]
    public async Task Handle(LoadOverviewAction a, IDispatcher dispatcher)
    {
        var (items, total) = await queries.OverviewAsync(a.UserId, a.AreaCode, a.Status);
        dispatcher.Dispatch(new OverviewLoadedAction(items, total, await queries.OversightAsync(a.UserId)));
    }

    /// <summary>A change by someone else: the action list, once shown, follows it.</summary>
    [EffectMethod]
    public async Task Handle(RequestsChangedAction a, IDispatcher dispatcher)
    {
        if (state.Value.ActionList is not null)
            dispatcher.Dispatch(new ActionListLoadedAction(await queries.ActionListAsync(a.UserId, state.Value.Filter), state.Value.Filter, Live: true));
    }
}
