using Imi.Infrastructure.Localization;
using Imi.Domain.Common;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Imi.Portal.Store.Requests;

namespace Imi.Portal.Store.Exchange;

/// <summary>The exchange open on screen, with its own busy flag and messages.</summary>
[FeatureState]
public sealed record ExchangeState
{
    public ExchangeDetails? Current { get; init; }
    public bool Busy { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    /// <summary>The form field the error is about (shown next to it).</summary>
    public string? ErrorField { get; init; }
    /// <summary>How often a change by someone else refreshed the exchange.</summary>
    public int LiveRefreshes { get; init; }
    /// <summary>A message for an exchange the user is moving to (e.g. "Request sent." from the request form), shown once it has loaded.</summary>
    public ArrivalMessage? Arrival { get; init; }
}

public sealed record ArrivalMessage(Guid RequestId, string Message);

public sealed record LoadExchangeAction(Guid UserId, Guid RequestId, string? Justification = null);
public sealed record ExchangeLoadedAction(ExchangeDetails Exchange, string? Message = null, bool Live = false);
/// <summary>Another page moves the user to this exchange with something to say (see <see cref="ExchangeState.Arrival"/>).</summary>
public sealed record ExchangeArrivingAction(Guid RequestId, string Message);
/// <summary>One step on the exchange on screen; the service decides which domain method runs.</summary>
public sealed record RunExchangeCommandAction(Guid UserId, ExchangeCommand Command);
public sealed record ExchangeFailedAction(string Message, string? Field = null);

public static class ExchangeReducers
{
    [ReducerMethod]
    public static ExchangeState Reduce(ExchangeState state, LoadExchangeAction a) =>
        state.Current?.Id == a.RequestId ? state : state with { Current = null, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static ExchangeState Reduce(ExchangeState state, ExchangeArrivingAction a) => state with { Arrival = new ArrivalMessage(a.RequestId, a.Message) };

    [ReducerMethod]
    public static ExchangeState Reduce(ExchangeState state, ExchangeLoadedAction a)
    {
        var arrived = !a.Live && state.Arrival?.RequestId == a.Exchange.Id;
        return state with
        {
            Current = a.Exchange, Busy = false,
            Message = a.Live ? state.Message : a.Message ?? (arrived ? state.Arrival!.Message : null),
            Error = a.Live ? state.Error : null, ErrorField = a.Live ? state.ErrorField : null,
            LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0),
            Arrival = arrived ? null : state.Arrival,
        };
    }

    [ReducerMethod]
    public static ExchangeState Reduce(ExchangeState state, RunExchangeCommandAction _) => state with { Busy = true, Message = null, Error = null, ErrorField = null };

    [ReducerMethod]
    public static ExchangeState Reduce(ExchangeState state, ExchangeFailedAction a) => state with { Busy = false, Error = a.Message, ErrorField = a.Field, Message = null };

    [ReducerMethod]
    public static ExchangeState Reduce(ExchangeState state, EffectFailedAction a) =>
        a.Action is RunExchangeCommandAction or LoadExchangeAction ? state with { Busy = false, Error = a.Message, Message = null } : state;
}

public sealed class ExchangeEffects(RequestService requests, RequestQueries queries, IState<ExchangeState> state, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadExchangeAction a, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new ExchangeLoadedAction(await queries.GetAsync(a.UserId, a.RequestId, a.Justification)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new ExchangeFailedAction(texts.Refusal(e)));
        }
    }

    [EffectMethod]
    public async Task Handle(RunExchangeCommandAction a, IDispatcher dispatcher)
    {
        // Refusals about files are shown next to the files.
        var fileField = a.Command is AttachFile or RemoveFile ? "attachments" : null;
        try
        {
            var result = await requests.ExecuteAsync(a.UserId, a.Command);
            dispatcher.Dispatch(new ExchangeLoadedAction(await queries.GetAsync(a.UserId, a.Command.RequestId), texts.Notice(result.Notice)));
        }
        catch (ChangedBySomeoneElseException)
        {
            dispatcher.Dispatch(new ExchangeLoadedAction(await queries.GetAsync(a.UserId, a.Command.RequestId)));
            dispatcher.Dispatch(new ExchangeFailedAction(texts[RequestMessages.ChangedMeanwhile], fileField));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new ExchangeFailedAction(texts.Refusal(e), e.Field ?? fileField));
        }
        catch (IOException) when (a.Command is AttachFile file)
        {
            dispatcher.Dispatch(new ExchangeFailedAction(RequestMessages.CouldNotRead(texts, file.FileName), "attachments"));
        }
    }

    /// <summary>A change by someone else to the exchange on screen: refresh it, without touching what the user is typing.</summary>
    [EffectMethod]
    public async Task Handle(RequestsChangedAction a, IDispatcher dispatcher)
    {
        if (state.Value.Current?.Id != a.Change.RequestId || state.Value.Busy)
            return;
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
