using Imi.Domain.Allocation;
using Imi.Domain.Common;
using Imi.Infrastructure.Allocation;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Imi.Portal.Store.Requests;

namespace Imi.Portal.Store.Allocation;

/// <summary>The allocation board: its own busy flag, messages and suggestions, never shown on another page.</summary>
[FeatureState]
public sealed record AllocationState
{
    public IReadOnlyList<AllocationBoard>? Boards { get; init; }
    public bool Busy { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    /// <summary>What "suggest" proposed, per request; gone once allocated or when the board is left.</summary>
    public IReadOnlyDictionary<Guid, BoardSuggestion> Suggestions { get; init; } = new Dictionary<Guid, BoardSuggestion>();
    /// <summary>How often a change by someone else refreshed the board.</summary>
    public int LiveRefreshes { get; init; }
    /// <summary>Requests someone changed while the board was busy with this allocator's own action (to read afterwards).</summary>
    public IReadOnlySet<Guid> MissedWhileBusy { get; init; } = new HashSet<Guid>();
}

/// <summary>A request as the allocator saw it on the board (its revision: a later change by someone else wins).</summary>
public sealed record CardRef(Guid RequestId, int Revision, string Reference);

/// <summary>A card's allocation editor (the keyboard path of a drag): the card as it was opened, and the handlers ticked so far.</summary>
public sealed record BoardEditing(CardRef Card, HashSet<Guid> Chosen);

public sealed record LoadBoardsAction(Guid UserId);
public sealed record BoardsLoadedAction(IReadOnlyList<AllocationBoard> Boards, string? Message = null, bool Live = false, string? Error = null);

/// <summary>
/// One request changed — by someone else (<paramref name="Live"/>), or by this allocator's own move, done — its card and
/// the handlers' loads, read again (not the whole board).
/// </summary>
public sealed record BoardUpdatedAction(BoardUpdate Update, bool Live = true, string? Message = null);

/// <summary>
/// Who handles one request from now on: a drop on a column, the card's allocation editor, a confirmed
/// suggestion. No handler: back to "not allocated". <paramref name="Names"/> are for the message.
/// </summary>
public sealed record ChangeAllocationAction(Guid UserId, CardRef Card, IReadOnlyList<Guid> HandlerIds, IReadOnlyList<string> Names);

/// <summary>Several requests (chosen on the board, or dragged together) to one handler, or each to its suggested handler.</summary>
public sealed record AllocateSeveralAction(Guid UserId, IReadOnlyList<(CardRef Card, Guid HandlerId)> Moves);

public sealed record SuggestAction(Guid UserId, string AreaCode, IReadOnlyList<Guid> RequestIds);
public sealed record SuggestionsLoadedAction(IReadOnlyList<BoardSuggestion> Suggestions, string? Message);

/// <summary>Capacity, absence, automatic allocation: set from the board (an allocator) or from My profile (the user).</summary>
public sealed record ArrangeAction(Guid UserId, IReadOnlyList<AllocationCommand> Commands, string DoneMessage);
public sealed record AllocationFailedAction(string Message, string? Field = null);

public static class AllocationReducers
{
    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, LoadBoardsAction _) => state with { Suggestions = new Dictionary<Guid, BoardSuggestion>() };

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, RequestsChangedAction a) => state.Boards is not null && state.Busy
        ? state with { MissedWhileBusy = state.MissedWhileBusy.Append(a.Change.RequestId).ToHashSet() }
        : state;

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, BoardsLoadedAction a) => state with
    {
        MissedWhileBusy = new HashSet<Guid>(),
        Boards = a.Boards, Busy = false,
        Message = a.Live ? state.Message : a.Message, Error = a.Live ? state.Error : a.Error,
        LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0),
        // A suggestion for a request that has handlers now is spent.
        Suggestions = state.Suggestions.Where(s => a.Boards.Any(b => b.Cards.Any(c => c.Id == s.Key && c.AllocatedTo.Count == 0)))
            .ToDictionary(s => s.Key, s => s.Value),
    };

    // One request read again: its card in its place (or gone), the handlers' loads; the allocator's own move, done, ends the busy state.
    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, BoardUpdatedAction a) => state.Boards is not { } boards ? state : state with
    {
        Boards = boards.Select(b => b with
        {
            Handlers = b.Handlers.Select(h => a.Update.Loads.TryGetValue(h.UserId, out var load) && load != h.OpenLoad ? h with { OpenLoad = load } : h).ToList(),
            Cards = Placed(b.Cards.Where(c => c.Id != a.Update.RequestId), b.AreaCode == a.Update.AreaCode ? a.Update.Card : null),
        }).ToList(),
        LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0),
        Busy = a.Live && state.Busy,
        MissedWhileBusy = a.Live ? state.MissedWhileBusy : state.MissedWhileBusy.Where(id => id != a.Update.RequestId).ToHashSet(),
        Message = a.Live ? state.Message : a.Message,
        Error = a.Live ? state.Error : null,
        Suggestions = a.Update.Card is { AllocatedTo.Count: 0 } ? state.Suggestions
            : state.Suggestions.Where(s => s.Key != a.Update.RequestId).ToDictionary(s => s.Key, s => s.Value),
    };

    // In the order AllocationBoardsAsync reads the board: the earliest answer date first (none last), then the number
    // (as the references, which are the zero-padded numbers).
    private static List<BoardCard> Placed(IEnumerable<BoardCard> cards, BoardCard? card)
    {
        var list = cards.ToList();
        if (card is null)
            return list;
        static (bool, DateOnly, long) Order(BoardCard c) => (c.AnswerDate is null, c.AnswerDate ?? DateOnly.MaxValue, c.Number);
        var at = list.FindIndex(c => Order(c).CompareTo(Order(card)) > 0);
        list.Insert(at < 0 ? list.Count : at, card);
        return list;
    }

    // A move shows at once, as if saved; the card read after the save confirms it, or the board read whole puts it back with the reason.
    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, ChangeAllocationAction a) =>
        Working(Moved(state, new Dictionary<Guid, IReadOnlyList<Guid>> { [a.Card.RequestId] = a.HandlerIds }));

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, AllocateSeveralAction a) =>
        Working(Moved(state, a.Moves.GroupBy(m => m.Card.RequestId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[g.Last().HandlerId])));

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, SuggestAction _) => Working(state);

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, ArrangeAction _) => Working(state);

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, SuggestionsLoadedAction a) => state with
    {
        Busy = false, Message = a.Message,
        Suggestions = state.Suggestions.Concat(a.Suggestions.Select(s => KeyValuePair.Create(s.RequestId, s)))
            .GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
    };

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, AllocationFailedAction a) => state with { Busy = false, Error = a.Message, Message = null };

    [ReducerMethod]
    public static AllocationState Reduce(AllocationState state, EffectFailedAction a) =>
        a.Action is ChangeAllocationAction or AllocateSeveralAction or SuggestAction or ArrangeAction ? state with { Busy = false, Error = a.Message, Message = null } : state;

    private static AllocationState Working(AllocationState state) => state with { Busy = true, Message = null, Error = null };

    private static AllocationState Moved(AllocationState state, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> moves) => state.Boards is not { } boards
        ? state
        : state with
        {
            Boards = boards.Select(b => b.Cards.Any(c => moves.ContainsKey(c.Id))
                ? b with { Cards = b.Cards.Select(c => moves.TryGetValue(c.Id, out var to) ? c with { AllocatedTo = to } : c).ToList() }
                : b).ToList(),
        };
}

public sealed class AllocationEffects(RequestService requests, RequestQueries queries, AllocationService allocation, IState<AllocationState> state, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadBoardsAction a, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId)));

    [EffectMethod]
    public async Task Handle(ChangeAllocationAction a, IDispatcher dispatcher)
    {
        var problem = await MoveAsync(a.UserId, a.Card, a.HandlerIds);
        if (problem is not null)
        {
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), Error: problem));
            return;
        }
        var message = a.HandlerIds.Count == 0
            ? texts["Requests.Board.Unallocated", ("reference", a.Card.Reference)]
            : texts["Requests.Board.AllocatedTo", ("reference", a.Card.Reference), ("names", string.Join(", ", a.Names))];
        // Saved: the card as it is now (its new revision) and the loads confirm the move shown at once.
        if (await OneCardAsync(a.UserId, a.Card.RequestId) is { } update)
        {
            dispatcher.Dispatch(new BoardUpdatedAction(update, Live: false, message));
            await CatchUpAsync(a.UserId, dispatcher);
        }
        else
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), message));
    }

    [EffectMethod]
    public async Task Handle(AllocateSeveralAction a, IDispatcher dispatcher)
    {
        var problems = new List<string>();
        foreach (var (card, handler) in a.Moves)
            if (await MoveAsync(a.UserId, card, [handler]) is { } problem)
                problems.Add(problem);
        var done = a.Moves.Count - problems.Count;
        dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId),
            done > 0 ? texts["Requests.Board.AllocatedSeveral", ("count", done)] : null,
            Error: problems.Count > 0 ? string.Join(" ", problems) : null));
    }

    [EffectMethod]
    public async Task Handle(SuggestAction a, IDispatcher dispatcher)
    {
        var suggestions = await queries.SuggestAsync(a.UserId, a.AreaCode, a.RequestIds);
        dispatcher.Dispatch(new SuggestionsLoadedAction(suggestions,
            suggestions.Count < a.RequestIds.Count ? texts["Requests.Board.NobodyPresent"] : null));
        await CatchUpAsync(a.UserId, dispatcher);
    }

    [EffectMethod]
    public async Task Handle(ArrangeAction a, IDispatcher dispatcher)
    {
        try
        {
            foreach (var command in a.Commands)
                await allocation.ExecuteAsync(a.UserId, command);
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), a.DoneMessage));
        }
        catch (DomainException e) when (e is not ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new AllocationFailedAction(texts.Refusal(e), e.Field));
            await CatchUpAsync(a.UserId, dispatcher);
        }
    }

    /// <summary>One request to its new handlers; a refusal or a change by someone else comes back as the sentence to show.</summary>
    private async Task<string?> MoveAsync(Guid userId, CardRef card, IReadOnlyList<Guid> handlerIds)
    {
        try
        {
            await requests.ExecuteAsync(userId, handlerIds.Count == 0
                ? new UnallocateRequest(card.RequestId, card.Revision)
                : new AllocateRequest(card.RequestId, card.Revision, handlerIds));
            return null;
        }
        catch (ChangedBySomeoneElseException)
        {
            // Nothing is lost: the board shows the change that won, and this says what it was and what was not done.
            var now = await queries.AllocationNowAsync(userId, card.RequestId);
            var with = now is null || now.HandlerNames.Count == 0 ? texts["Requests.Board.NobodyNow"] : string.Join(", ", now.HandlerNames);
            return texts["Requests.Board.ChangedBy", ("reference", card.Reference), ("name", now?.ChangedBy ?? "–"), ("handlers", with)];
        }
        catch (DomainException e)
        {
            return $"{card.Reference}: {texts.Refusal(e)}";
        }
    }

    /// <summary>
    /// A change by someone else: the board, once shown and not busy, follows it — by reading the one request that changed,
    /// or the whole board when it is full (the change may bring a card in or out of the 500 shown) or when the change is
    /// not of one request (a colleague's absence or capacity, an area's mode).
    /// </summary>
    [EffectMethod]
    public async Task Handle(RequestsChangedAction a, IDispatcher dispatcher)
    {
        if (state.Value.Boards is null || state.Value.Busy)
            return;
        if (a.Change.RequestId != Guid.Empty && await OneCardAsync(a.UserId, a.Change.RequestId) is { } update)
            dispatcher.Dispatch(new BoardUpdatedAction(update));
        else
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), Live: true));
    }

    /// <summary>What others changed while this allocator's action kept the board busy: read now (the whole board).</summary>
    private async Task CatchUpAsync(Guid userId, IDispatcher dispatcher)
    {
        if (state.Value.MissedWhileBusy.Count > 0 && !state.Value.Busy)
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(userId), Live: true));
    }

    /// <summary>
    /// One request read again for the board shown, or null when the whole board must be: it is full (the change may bring
    /// a card in or out of the 500 shown), or the card belongs to an area the board does not show yet.
    /// </summary>
    private async Task<BoardUpdate?> OneCardAsync(Guid userId, Guid requestId)
    {
        if (state.Value.Boards is not { } boards || boards.Sum(b => b.Cards.Count) >= RequestQueries.BoardCardLimit)
            return null;
        var handlers = boards.SelectMany(b => b.Handlers).Select(h => h.UserId).Distinct().ToList();
        var update = await queries.AllocationCardAsync(userId, requestId, handlers);
        return update.Card is null || boards.Any(b => b.AreaCode == update.AreaCode) ? update : null;
    }
}
