using Imi.Infrastructure.Localization;
using Imi.Domain.Common;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Imi.Portal.Store.Requests;

namespace Imi.Portal.Store.Allocation;

/// <summary>The allocation board: its own busy flag and messages, never shown on another page.</summary>
[FeatureState]
public sealed record AllocationState
{
    public IReadOnlyList<AllocationBoard>? Boards { get; init; }
    public bool Busy { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    /// <summary>How often a change by someone else refreshed the board.</summary>
    public int LiveRefreshes { get; init; }
}

public sealed record LoadBoardsAction(Guid UserId);
public sealed record BoardsLoadedAction(IReadOnlyList<AllocationBoard> Boards, string? Message = null, bool Live = false);
/// <summary>A card dropped on a handler's column (or allocated with the keyboard): the request goes to that handler.</summary>
public sealed record AllocateOnBoardAction(Guid UserId, Guid RequestId, int Revision, Guid HandlerId, string HandlerName);
public sealed record AllocationFailedAction(string Message);

public static class AllocationReducers
{
    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, BoardsLoadedAction a) => state with
    {
        Boards = a.Boards, Busy = false,
        Message = a.Live ? state.Message : a.Message, Error = a.Live ? state.Error : null,
        LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0),
    };

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, AllocateOnBoardAction _) => state with { Busy = true, Message = null, Error = null };

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, AllocationFailedAction a) => state with { Busy = false, Error = a.Message, Message = null };

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, EffectFailedAction a) =>
        a.Action is AllocateOnBoardAction ? state with { Busy = false, Error = a.Message, Message = null } : state;
}

public sealed class AllocationEffects(RequestService requests, RequestQueries queries, IState<AllocationState> state, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadBoardsAction a, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId)));

    [EffectMethod]
    public async Task Handle(AllocateOnBoardAction a, IDispatcher dispatcher)
    {
        try
        {
            await requests.ExecuteAsync(a.UserId, new AllocateRequest(a.RequestId, a.Revision, [a.HandlerId]));
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), texts["Requests.Board.Allocated", ("name", a.HandlerName)]));
        }
        catch (ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId)));
            dispatcher.Dispatch(new AllocationFailedAction(texts["Requests.Board.ChangedMeanwhile"]));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new AllocationFailedAction(texts.Refusal(e)));
        }
    }

    /// <summary>A change by someone else: the board, once shown and not busy, follows it.</summary>
    [EffectMethod]
    public async Task Handle(RequestsChangedAction a, IDispatcher dispatcher)
    {
        if (state.Value.Boards is not null && !state.Value.Busy)
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), Live: true));
    }
}
