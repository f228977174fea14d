using Imi.Domain.Common;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Performance;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Imi.Portal.Store.Requests;

namespace Imi.Portal.Store.Performance;

/// <summary>The dashboard and the urgency list (issue 12).</summary>
[FeatureState]
public sealed record PerformanceState
{
    public PerformanceDashboard? Dashboard { get; init; }
    public UrgencyList? Urgency { get; init; }
    public string? UrgencyArea { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    /// <summary>How often a change somewhere refreshed what is shown (the page says so; tests wait for it).</summary>
    public int LiveRefreshes { get; init; }
}

public sealed record LoadDashboardAction(Guid UserId, FiguresRequest Request);
public sealed record DashboardLoadedAction(PerformanceDashboard Dashboard, bool Live = false);
public sealed record LoadUrgencyAction(Guid UserId, int Page, string? AreaCode);
public sealed record UrgencyLoadedAction(UrgencyList List, string? AreaCode, string? Message = null, bool Live = false);
public sealed record SendReminderAction(Guid UserId, Guid RequestId, int Revision);
public sealed record PerformanceFailedAction(string Message);
/// <summary>An exchange changed somewhere in the network: the figures shown follow it.</summary>
public sealed record FiguresChangedAction(Guid UserId);

public static class PerformanceReducers
{
    [ReducerMethod]
    public static PerformanceState Reduce(PerformanceState state, DashboardLoadedAction a) =>
        state with { Dashboard = a.Dashboard, Error = null, LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0) };

    [ReducerMethod]
    public static PerformanceState Reduce(PerformanceState state, UrgencyLoadedAction a) =>
        state with
        {
            Urgency = a.List, UrgencyArea = a.AreaCode, Message = a.Live ? state.Message : a.Message, Error = a.Live ? state.Error : null,
            LiveRefreshes = state.LiveRefreshes + (a.Live ? 1 : 0),
        };

    [ReducerMethod]
    public static PerformanceState Reduce(PerformanceState state, PerformanceFailedAction a) => state with { Error = a.Message, Message = null };
}

public sealed class PerformanceEffects(PerformanceQueries queries, RequestService requests, Texts texts, IState<PerformanceState> state)
{
    [EffectMethod]
    public async Task Handle(LoadDashboardAction a, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new DashboardLoadedAction(await queries.DashboardAsync(a.UserId, a.Request)));

    [EffectMethod]
    public async Task Handle(LoadUrgencyAction a, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new UrgencyLoadedAction(await queries.UrgencyListAsync(a.UserId, a.Page, a.AreaCode), a.AreaCode));

    [EffectMethod]
    public async Task Handle(SendReminderAction a, IDispatcher dispatcher)
    {
        var page = state.Value.Urgency?.Page ?? 0;
        try
        {
            var result = await requests.ExecuteAsync(a.UserId, new RemindAuthority(a.RequestId, a.Revision));
            dispatcher.Dispatch(new UrgencyLoadedAction(await queries.UrgencyListAsync(a.UserId, page, state.Value.UrgencyArea), state.Value.UrgencyArea,
                texts.Notice(result.Notice)));
        }
        catch (ChangedBySomeoneElseException e)
        {
            dispatcher.Dispatch(new UrgencyLoadedAction(await queries.UrgencyListAsync(a.UserId, page, state.Value.UrgencyArea), state.Value.UrgencyArea));
            dispatcher.Dispatch(new PerformanceFailedAction(texts.Refusal(e)));
        }
        catch (DomainException e) when (e is not NotPermittedException)
        {
            dispatcher.Dispatch(new PerformanceFailedAction(texts.Refusal(e)));
        }
    }

    [EffectMethod]
    public async Task Handle(FiguresChangedAction a, IDispatcher dispatcher)
    {
        if (state.Value.Dashboard is { } shown)
            dispatcher.Dispatch(new DashboardLoadedAction(await queries.DashboardAsync(a.UserId, shown.Request), Live: true));
        if (state.Value.Urgency is { } list)
            dispatcher.Dispatch(new UrgencyLoadedAction(await queries.UrgencyListAsync(a.UserId, list.Page, state.Value.UrgencyArea), state.Value.UrgencyArea, Live: true));
    }
}

/// <summary>
/// Connects a circuit showing figures to the change feed: any exchange's change may move them, so every change counts, at most
/// one refresh per <see cref="Interval"/> (a busy network must not make every dashboard query without pause).
/// </summary>
public sealed class PerformanceLiveUpdates(ChangeFeed feed, IDispatcher dispatcher, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private Guid _userId;
    private bool _subscribed;
    private int _pending;

    public void Start(Guid userId)
    {
        _userId = userId;
        if (_subscribed)
            return;
        feed.Changed += OnChanged;
        _subscribed = true;
    }

    private void OnChanged(RequestChange change)
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
            return;
        _ = Task.Delay(Interval, clock).ContinueWith(_ =>
        {
            Interlocked.Exchange(ref _pending, 0);
            dispatcher.Dispatch(new FiguresChangedAction(_userId));
        }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        if (_subscribed)
            feed.Changed -= OnChanged;
    }
}
