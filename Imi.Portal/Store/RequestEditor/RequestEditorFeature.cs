using Imi.Infrastructure.Localization;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Imi.Portal.Store.Exchange;
using Imi.Portal.Store.Requests;

namespace Imi.Portal.Store.RequestEditor;

/// <summary>The request form: the draft as saved, with the form's own busy flag and messages.</summary>
[FeatureState]
public sealed record RequestEditorState
{
    public RequestEditorData? Editor { get; init; }
    public bool Busy { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    /// <summary>The form field the error is about (shown next to it).</summary>
    public string? ErrorField { get; init; }
}

public sealed record LoadEditorAction(Guid UserId, Guid? RequestId, string? AreaCode, Guid? ResponderId);
public sealed record EditorLoadedAction(RequestEditorData Editor, string? Message = null);
public sealed record SaveDraftAction(Guid UserId, Guid? RequestId, int Revision, string AreaCode, DraftContent Content, bool SendNow);
/// <summary>The draft was saved (and sent, if asked); the page moves on to <see cref="RequestId"/>.</summary>
public sealed record DraftSavedAction(Guid RequestId, bool Sent, string Message);
/// <summary>A file attached to or removed from the draft.</summary>
public sealed record RunDraftFileCommandAction(Guid UserId, ExchangeCommand Command);
public sealed record EditorFailedAction(string Message, string? Field = null);

public static class RequestEditorReducers
{
    [ReducerMethod]
    public static RequestEditorState Reduce(RequestEditorState state, LoadEditorAction _) => state with { Editor = null, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestEditorState Reduce(RequestEditorState state, EditorLoadedAction a) => state with { Editor = a.Editor, Busy = false, Message = a.Message, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestEditorState Reduce(RequestEditorState state, SaveDraftAction _) => state with { Busy = true, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestEditorState Reduce(RequestEditorState state, DraftSavedAction a) => state with { Busy = false, Message = a.Message };

    [ReducerMethod]
    public static RequestEditorState Reduce(RequestEditorState state, RunDraftFileCommandAction _) => state with { Busy = true, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RequestEditorState Reduce(RequestEditorState state, EditorFailedAction a) => state with { Busy = false, Error = a.Message, ErrorField = a.Field, Message = null };

    [ReducerMethod]
    public static RequestEditorState Reduce(RequestEditorState state, EffectFailedAction a) =>
        a.Action is SaveDraftAction or RunDraftFileCommandAction or LoadEditorAction
            ? state with { Busy = false, Error = a.Message, Message = null }
            : state;
}

public sealed class RequestEditorEffects(RequestService requests, RequestQueries queries, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadEditorAction a, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, a.RequestId, a.AreaCode, a.ResponderId)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new EditorFailedAction(texts.Refusal(e), e.Field));
        }
    }

    [EffectMethod]
    public async Task Handle(SaveDraftAction a, IDispatcher dispatcher)
    {
        var id = a.RequestId;
        try
        {
            if (id is null)
                id = (await requests.ExecuteAsync(a.UserId, new CreateDraft(a.AreaCode, a.Content))).RequestId;
            else
                await requests.ExecuteAsync(a.UserId, new UpdateDraft(id.Value, a.Revision, a.Content));
            if (a.SendNow)
            {
                var editor = await queries.EditorAsync(a.UserId, id, a.AreaCode, null);
                var sent = await requests.ExecuteAsync(a.UserId, new SendRequest(id.Value, editor.Revision));
                // The page moves to the exchange: the confirmation goes with it, to be shown there.
                dispatcher.Dispatch(new ExchangeArrivingAction(id.Value, texts.Notice(sent.Notice)));
                dispatcher.Dispatch(new DraftSavedAction(id.Value, true, texts.Notice(sent.Notice)));
            }
            else
            {
                // The form gets the saved draft (and its new revision) before it says "saved": a file attached
                // right after must not carry the old revision.
                dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, id, a.AreaCode, null), texts["Requests.Editor.Saved"]));
                dispatcher.Dispatch(new DraftSavedAction(id.Value, false, texts["Requests.Editor.Saved"]));
            }
        }
        catch (ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new EditorFailedAction(texts["Requests.Editor.ChangedMeanwhile"]));
        }
        catch (DomainException e)
        {
            // A new draft saved before sending failed: the form goes on with the saved draft, keeping what was typed.
            if (a.RequestId is null && id is not null)
            {
                dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, id, a.AreaCode, null)));
                dispatcher.Dispatch(new DraftSavedAction(id.Value, false, texts["Requests.Editor.SavedNotSent"]));
            }
            dispatcher.Dispatch(new EditorFailedAction(texts.Refusal(e), e.Field));
        }
    }

    [EffectMethod]
    public async Task Handle(RunDraftFileCommandAction a, IDispatcher dispatcher)
    {
        var requestId = a.Command.RequestId;
        try
        {
            var result = await requests.ExecuteAsync(a.UserId, a.Command);
            dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, requestId, null, null), texts.Notice(result.Notice)));
        }
        catch (ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new EditorLoadedAction(await queries.EditorAsync(a.UserId, requestId, null, null)));
            dispatcher.Dispatch(new EditorFailedAction(texts[RequestMessages.ChangedMeanwhile], "attachments"));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new EditorFailedAction(texts.Refusal(e), e.Field ?? "attachments"));
        }
        catch (IOException) when (a.Command is AttachFile file)
        {
            dispatcher.Dispatch(new EditorFailedAction(RequestMessages.CouldNotRead(texts, file.FileName), "attachments"));
        }
    }
}
