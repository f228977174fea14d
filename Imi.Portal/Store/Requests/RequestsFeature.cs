using Imi.Infrastructure.UseCases;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.Setup;

namespace Imi.Portal.Store.Requests;

/// <summary>The user's exchanges: the action list, the authority's overview, the exchange open on screen and the request form.</summary>
[FeatureState]
public sealed record RequestsState
{
    public ActionList? ActionList { get; init; }
    public ActionListFilter Filter { get; init; } = new();
    public IReadOnlyList<OverviewItem>? Overview { get; init; }
    public int OverviewTotal { get; init; }
    /// <summary>Exchanges of the authorities this one oversees (linked to it, or coordinated by it).</summary>
    public IReadOnlyList<OversightItem>? Oversight { get; init; }
    public ExchangeDetails? Current { get; init; }
    public RequestEditorData? Editor { get; init; }
    public IReadOnlyList<AllocationBoard>? Boards { get; init; }
    public bool Busy { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    /// <summary>The form field the error is about (shown next to it).</summary>
    public string? ErrorField { get; init; }
    /// <summary>Set when a change by someone else was received and shown (the action list or the exchange refreshed).</summary>
    public int LiveRefreshes { get; init; }
}

public sealed record LoadActionListAction(Guid UserId, ActionListFilter Filter);
public sealed record ActionListLoadedAction(ActionList List, ActionListFilter Filter, bool Live = false);
public sealed record LoadOverviewAction(Guid UserId, string? AreaCode = null, RequestStatus? Status = null);
public sealed record OverviewLoadedAction(IReadOnlyList<OverviewItem> Items, int Total, IReadOnlyList<OversightItem> Oversight);
public sealed record LoadExchangeAction(Guid UserId, Guid RequestId, string? Justification = null);
public sealed record ExchangeLoadedAction(ExchangeDetails Exchange, string? Message = null, bool Live = false);
public sealed record LoadEditorAction(Guid UserId, Guid? RequestId, string? AreaCode, Guid? ResponderId);
public sealed record EditorLoadedAction(RequestEditorData Editor, string? Message = null);
public sealed record SaveDraftAction(Guid UserId, Guid? RequestId, int Revision, string AreaCode, DraftContent Content, bool SendNow);
/// <summary>The draft was saved (and sent, if asked); the page moves on to <see cref="RequestId"/>.</summary>
public sealed record DraftSavedAction(Guid RequestId, bool Sent, string Message);
public sealed record AttachFileAction(Guid UserId, Guid RequestId, int Revision, AttachmentSide Side, string FileName, long Size, Func<Stream> Open);
public sealed record RemoveAttachmentAction(Guid UserId, Guid RequestId, int Revision, Guid AttachmentId, AttachmentSide Side);
public sealed record RunRequestCommandAction(Guid UserId, Guid RequestId, int Revision, RequestCommand Command);
public sealed record RequestFailedAction(string Message, string? Field = null);
public sealed record LoadBoardsAction(Guid UserId);
public sealed record BoardsLoadedAction(IReadOnlyList<AllocationBoard> Boards, string? Message = null, bool Live = false);
/// <summary>A card dropped on a handler's column (or allocated with the keyboard): the request goes to that handler.</summary>
public sealed record AllocateOnBoardAction(Guid UserId, Guid RequestId, int Revision, Guid HandlerId, string HandlerName);
/// <summary>Someone (here or on another instance) changed an exchange this user may see.</summary>
public sealed record RequestsChangedAction(RequestChange Change, Guid UserId);

/// <summary>One step on an exchange, as data: the effect turns it into a call of the domain.</summary>
public abstract record RequestCommand(string Done);
public sealed record AcceptCommand(DateOnly? OtherDate, string? Reason) : RequestCommand("Request accepted.");
public sealed record ProposeDateCommand(DateOnly Date, string? Reason) : RequestCommand("New answer date proposed.");
public sealed record ForwardCommand(Guid To, string Reason) : RequestCommand("Request forwarded.");
public sealed record AllocateCommand(IReadOnlyList<Guid> Handlers) : RequestCommand("Request allocated.");
public sealed record AnswerCommand(int Index, string? Option, string? Text) : RequestCommand("Answer saved.");
public sealed record SendReplyCommand(bool InPart) : RequestCommand("Reply sent.");
public sealed record TextCommand(RequestAction Action, string Text) : RequestCommand("Done.");
public sealed record SimpleCommand(RequestAction Action) : RequestCommand("Done.");
public sealed record RateCommand(int Timeliness, int Effort, string? Comment) : RequestCommand("Thank you for rating the reply.");

public static class RequestsReducers
{
    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, ActionListLoadedAction a) =>
        state with { ActionList = a.List, Filter = a.Filter, LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0) };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, BoardsLoadedAction a) => state with
    {
        Boards = a.Boards, Busy = false,
        Message = a.Live ? state.Message : a.Message, Error = a.Live ? state.Error : null, ErrorField = a.Live ? state.ErrorField : null,
        LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0),
    };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, AllocateOnBoardAction _) => state with { Busy = true, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, OverviewLoadedAction a) =>
        state with { Overview = a.Items, OverviewTotal = a.Total, Oversight = a.Oversight };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, LoadExchangeAction a) =>
        state.Current?.Id == a.RequestId ? state : state with { Current = null, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, ExchangeLoadedAction a) => state with
    {
        Current = a.Exchange, Busy = false,
        Message = a.Live ? state.Message : a.Message,
        Error = a.Live ? state.Error : null, ErrorField = a.Live ? state.ErrorField : null,
        LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0),
    };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, LoadEditorAction _) => state with { Editor = null, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, EditorLoadedAction a) => state with { Editor = a.Editor, Busy = false, Message = a.Message, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, SaveDraftAction _) => state with { Busy = true, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, DraftSavedAction a) => state with { Busy = false, Message = a.Message };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, RunRequestCommandAction _) => state with { Busy = true, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, AttachFileAction _) => state with { Busy = true, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, RequestFailedAction a) => state with { Busy = false, Error = a.Message, ErrorField = a.Field, Message = null };

    [ReducerMethod]
    public static RequestsState Reduce(RequestsState state, EffectFailedAction a) =>
        a.Action is RunRequestCommandAction or SaveDraftAction or AttachFileAction or LoadExchangeAction or LoadEditorAction or AllocateOnBoardAction
            ? state with { Busy = false, Error = "Something went wrong on the server; nothing was changed. Please try again.", Message = null }
            : state;
}

public sealed class RequestsEffects(RequestService requests, RequestQueries queries, IState<RequestsState> state)
{
    public const string ChangedMeanwhile = "Someone else changed this exchange meanwhile; it now shows their change. Check it, then try again.";

    [EffectMethod]
    public async Task Handle(LoadActionListAction a, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new ActionListLoadedAction(await queries.ActionListAsync(a.UserId, a.Filter), a.Filter));

    [EffectMethod]
    public async Task Handle(LoadBoardsAction a, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId)));

    [EffectMethod]
    public async Task Handle(AllocateOnBoardAction a, IDispatcher dispatcher)
    {
        try
        {
            await requests.ActAsync(a.UserId, a.RequestId, a.Revision, (r, actor, now) => r.Allocate(actor, [a.HandlerId], now));
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), $"Allocated to {a.HandlerName}."));
        }
        catch (ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId)));
            dispatcher.Dispatch(new RequestFailedAction("Someone else changed this request meanwhile; the board now shows their change. Check it, then try again."));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RequestFailedAction(e.Message));
        }
    }

    [EffectMethod]
    public async Task Handle(LoadOverviewAction a, IDispatcher dispatcher)
    {
        var (items, total) = await queries.OverviewAsync(a.UserId, a.AreaCode, a.Status);
        dispatcher.Dispatch(new OverviewLoadedAction(items, total, await queries.OversightAsync(a.UserId)));
    }

    [EffectMethod]
    public async Task Handle(LoadExchangeAction a, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new ExchangeLoadedAction(await queries.GetAsync(a.UserId, a.RequestId, a.Justification)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RequestFailedAction(e.Message));
        }
    }

    [EffectMethod]
    public async Task Handle(LoadEditorAction a, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, a.RequestId, a.AreaCode, a.ResponderId)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RequestFailedAction(e.Message, e.Field));
        }
    }

    [EffectMethod]
    public async Task Handle(SaveDraftAction a, IDispatcher dispatcher)
    {
        var id = a.RequestId;
        try
        {
            if (id is null)
                id = await requests.CreateDraftAsync(a.UserId, a.AreaCode, a.Content);
            else
                await requests.SaveDraftAsync(a.UserId, id.Value, a.Revision, a.Content);
            if (a.SendNow)
            {
                var editor = await queries.EditorAsync(a.UserId, id, a.AreaCode, null);
                await requests.SendAsync(a.UserId, id.Value, editor.Revision);
                dispatcher.Dispatch(new DraftSavedAction(id.Value, true, "Request sent."));
            }
            else
            {
                // The form gets the saved draft (and its new revision) before it says "saved": a file attached
                // right after must not carry the old revision.
                dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, id, a.AreaCode, null), "Draft saved."));
                dispatcher.Dispatch(new DraftSavedAction(id.Value, false, "Draft saved."));
            }
        }
        catch (ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new RequestFailedAction("Someone else changed this draft meanwhile. Your text is still in the form: copy what you need, reload, and save again."));
        }
        catch (DomainException e)
        {
            // A new draft saved before sending failed: the form goes on with the saved draft, keeping what was typed.
            if (a.RequestId is null && id is not null)
            {
                dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, id, a.AreaCode, null)));
                dispatcher.Dispatch(new DraftSavedAction(id.Value, false, "Draft saved, but not sent."));
            }
            dispatcher.Dispatch(new RequestFailedAction(e.Message, e.Field));
        }
    }

    [EffectMethod]
    public async Task Handle(AttachFileAction a, IDispatcher dispatcher)
    {
        try
        {
            await using var stream = a.Open();
            await requests.AttachAsync(a.UserId, a.RequestId, a.Revision, a.Side, a.FileName, a.Size, stream);
            await ReloadAfterFileAsync(a.UserId, a.RequestId, a.Side, $"\"{a.FileName}\" attached.", dispatcher);
        }
        catch (ChangedBySomeoneElseException)
        {
            await ReloadAfterFileAsync(a.UserId, a.RequestId, a.Side, null, dispatcher);
            dispatcher.Dispatch(new RequestFailedAction(ChangedMeanwhile, "attachments"));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RequestFailedAction(e.Message, e.Field ?? "attachments"));
        }
        catch (IOException e)
        {
            dispatcher.Dispatch(new RequestFailedAction($"\"{a.FileName}\" could not be read ({e.Message}).", "attachments"));
        }
    }

    [EffectMethod]
    public async Task Handle(RemoveAttachmentAction a, IDispatcher dispatcher)
    {
        try
        {
            await requests.RemoveAttachmentAsync(a.UserId, a.RequestId, a.Revision, a.AttachmentId);
            await ReloadAfterFileAsync(a.UserId, a.RequestId, a.Side, "File removed.", dispatcher);
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RequestFailedAction(e.Message, "attachments"));
        }
    }

    private async Task ReloadAfterFileAsync(Guid userId, Guid requestId, AttachmentSide side, string? message, IDispatcher dispatcher)
    {
        if (side == AttachmentSide.Request)
            dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(userId, requestId, null, null), message));
        else
            dispatcher.Dispatch(new ExchangeLoadedAction(await queries.GetAsync(userId, requestId), message));
    }

    [EffectMethod]
    public async Task Handle(RunRequestCommandAction a, IDispatcher dispatcher)
    {
        try
        {
            await Run(a);
            dispatcher.Dispatch(new ExchangeLoadedAction(await queries.GetAsync(a.UserId, a.RequestId), a.Command.Done));
        }
        catch (ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new ExchangeLoadedAction(await queries.GetAsync(a.UserId, a.RequestId)));
            dispatcher.Dispatch(new RequestFailedAction(ChangedMeanwhile));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RequestFailedAction(e.Message, e.Field));
        }
    }

    private Task Run(RunRequestCommandAction a) => a.Command switch
    {
        AnswerCommand c => requests.AnswerAsync(a.UserId, a.RequestId, a.Revision, c.Index, c.Option, c.Text),
        ForwardCommand c => requests.ForwardAsync(a.UserId, a.RequestId, a.Revision, c.To, c.Reason),
        _ => requests.ActAsync(a.UserId, a.RequestId, a.Revision, (r, actor, now) =>
        {
            switch (a.Command)
            {
                case AcceptCommand c: r.Accept(actor, c.OtherDate, c.Reason, now); break;
                case ProposeDateCommand c: r.ProposeAnswerDate(actor, c.Date, c.Reason, now); break;
                case AllocateCommand c: r.Allocate(actor, c.Handlers.ToList(), now); break;
                case SendReplyCommand c: r.SendReply(actor, c.InPart, now); break;
                case RateCommand c: r.Rate(actor, c.Timeliness, c.Effort, c.Comment, now); break;
                case SimpleCommand { Action: RequestAction.ApproveRequest }: r.ApproveRequest(actor, now); break;
                case SimpleCommand { Action: RequestAction.ApproveReply }: r.ApproveReply(actor, now); break;
                case SimpleCommand { Action: RequestAction.AcceptReply }: r.AcceptReply(actor, now); break;
                case TextCommand { Action: RequestAction.SendBackRequest } c: r.SendBackRequest(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.SendBackReply } c: r.SendBackReply(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.AskForClarification } c: r.AskForClarification(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.Clarify } c: r.Clarify(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.AskForAdditionalInformation } c: r.AskForAdditionalInformation(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.DeclineAdditionalInformation } c: r.DeclineAdditionalInformation(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.OpenReferral } c: r.OpenReferral(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.CommentOnReferral } c: r.CommentOnReferral(actor, c.Text, now); break;
                case TextCommand { Action: RequestAction.CloseReferral } c: r.CloseReferral(actor, c.Text, now); break;
                default: throw new DomainException("This step is not known.");
            }
        }),
    };

    /// <summary>A change by someone else: refresh what this circuit shows of it, without touching what the user is typing.</summary>
    [EffectMethod]
    public async Task Handle(RequestsChangedAction a, IDispatcher dispatcher)
    {
        if (state.Value.ActionList is not null)
            dispatcher.Dispatch(new ActionListLoadedAction(await queries.ActionListAsync(a.UserId, state.Value.Filter), state.Value.Filter, Live: true));
        if (state.Value.Boards is not null && !state.Value.Busy)
            dispatcher.Dispatch(new BoardsLoadedAction(await queries.AllocationBoardsAsync(a.UserId), Live: true));
        if (state.Value.Current?.Id == a.Change.RequestId && !state.Value.Busy)
        {
            try
            {
                var fresh = await queries.GetAsync(a.UserId, a.Change.RequestId);
                if (fresh.Revision != state.Value.Current?.Revision)
                    dispatcher.Dispatch(new ExchangeLoadedAction(fresh, Live: true));
            }
            catch (DomainException)
            {
                // No longer visible (e.g. forwarded away): the page keeps what it shows until the user moves on.
            }
        }
    }
}

/// <summary>
/// Connects one circuit to the change feed: changes that concern the user's authority become
/// <see cref="RequestsChangedAction"/>s in this circuit's store. Disposed with the circuit.
/// </summary>
public sealed class RequestsLiveUpdates(ChangeFeed feed, IDispatcher dispatcher) : IDisposable
{
    private Guid _userId;
    private Guid _authorityId;
    private bool _subscribed;

    public void Start(Guid userId, Guid authorityId)
    {
        _userId = userId;
        _authorityId = authorityId;
        if (_subscribed)
            return;
        feed.Changed += OnChanged;
        _subscribed = true;
    }

    private void OnChanged(RequestChange change)
    {
        if (change.AuthorityIds.Contains(_authorityId))
            dispatcher.Dispatch(new RequestsChangedAction(change, _userId));
    }

    public void Dispose()
    {
        if (_subscribed)
            feed.Changed -= OnChanged;
    }
}
