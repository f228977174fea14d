using Imi.Portal.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Imi.Tests.Portal;

// A small feature of the tests' own, to exercise the store itself.
[FeatureState]
public sealed record CounterState
{
    public int Count { get; init; }
    public IReadOnlyList<string> Log { get; init; } = [];
    public string? Error { get; init; }
}

public sealed record IncrementAction(int By);
public sealed record IncrementTwiceAction;
public sealed record LoadCountAction(int Value, bool Fail = false);
public sealed record CountLoadedAction(int Value);

public static class CounterReducers
{
    [ReducerMethod]
    public static CounterState Reduce(CounterState state, IncrementAction action) =>
        state with { Count = state.Count + action.By, Log = [.. state.Log, $"+{action.By}"] };

    [ReducerMethod]
    public static CounterState Reduce(CounterState state, CountLoadedAction action) => state with { Count = action.Value };

    [ReducerMethod]
    public static CounterState Reduce(CounterState state, EffectFailedAction action) => state with { Error = action.Message };
}

public sealed class CounterEffects
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [EffectMethod]
    public async Task Handle(LoadCountAction action, IDispatcher dispatcher)
    {
        await Gate.Task;
        if (action.Fail)
        {
            throw action.Value switch
            {
                -1 => new Imi.Domain.Common.DomainException(Imi.Domain.Common.Refusals.Input.NumberOutOfRange, null, ("min", 0), ("max", 100)),
                -2 => new Imi.Domain.Common.NotPermittedException(Imi.Domain.Common.Refusals.Access.LocalDataAdministratorsOnly),
                _ => new InvalidOperationException("The database is unreachable."),
            };
        }
        dispatcher.Dispatch(new CountLoadedAction(action.Value));
    }

    [EffectMethod]
    public Task Handle(IncrementTwiceAction action, IDispatcher dispatcher)
    {
        dispatcher.Dispatch(new IncrementAction(1));
        dispatcher.Dispatch(new IncrementAction(2));
        return Task.CompletedTask;
    }
}

public class StoreTests
{
    private static (Store Store, IServiceProvider Services) NewStore(ListLogger? log = null)
    {
        var services = new ServiceCollection();
        if (log is null)
            services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        else
            services.AddSingleton<ILogger<Store>>(log);
        services.AddSingleton(Imi.Infrastructure.Localization.TextCatalog.Shipped);
        services.AddSingleton<Imi.Infrastructure.Localization.Texts>();
        services.AddImiStore(typeof(StoreTests).Assembly);
        var provider = services.BuildServiceProvider().CreateScope().ServiceProvider;
        return (provider.GetRequiredService<Store>(), provider);
    }

    [Fact]
    public void Dispatch_RunsTheReducer_AndRaisesStateChanged()
    {
        var (store, services) = NewStore();
        var state = services.GetRequiredService<IState<CounterState>>();
        var changes = 0;
        state.StateChanged += (_, _) => changes++;

        store.Dispatch(new IncrementAction(5));

        Assert.Equal(5, state.Value.Count);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void EachCircuitHasItsOwnStore()
    {
        var (first, _) = NewStore();
        var (second, secondServices) = NewStore();

        first.Dispatch(new IncrementAction(1));

        Assert.Equal(0, secondServices.GetRequiredService<IState<CounterState>>().Value.Count);
    }

    [Fact]
    public async Task Effects_RunAfterReducers_AndTheirActionsAreQueuedInOrder()
    {
        var (store, services) = NewStore();
        var state = services.GetRequiredService<IState<CounterState>>();

        store.Dispatch(new IncrementTwiceAction());

        await Eventually(() => state.Value.Count == 3);
        Assert.Equal(["+1", "+2"], state.Value.Log);
    }

    [Fact]
    public void ActionsDispatchedWhileReducing_AreQueued_NotRunReentrantly()
    {
        var (store, services) = NewStore();
        var state = services.GetRequiredService<IState<CounterState>>();
        var seenDuringCallback = -1;
        store.SubscribeToAction<IncrementAction>(this, a =>
        {
            if (a.By == 1)
            {
                store.Dispatch(new IncrementAction(10));
                seenDuringCallback = state.Value.Count; // the nested action has not run yet
            }
        });

        store.Dispatch(new IncrementAction(1));

        Assert.Equal(1, seenDuringCallback);
        Assert.Equal(11, state.Value.Count);
        Assert.Equal(["+1", "+10"], state.Value.Log);
    }

    [Fact]
    public async Task AsyncEffect_DispatchesItsResult()
    {
        var (store, services) = NewStore();
        var state = services.GetRequiredService<IState<CounterState>>();

        store.Dispatch(new LoadCountAction(42));
        Assert.Equal(0, state.Value.Count); // the effect waits
        services.GetRequiredService<CounterEffects>().Gate.SetResult();

        await Eventually(() => state.Value.Count == 42);
    }

    [Fact]
    public async Task FailingEffect_BecomesAFailureAction_WithAPlainMessageAndTheReferenceTheLogHolds()
    {
        var log = new ListLogger();
        var (store, services) = NewStore(log);
        var state = services.GetRequiredService<IState<CounterState>>();
        services.GetRequiredService<CounterEffects>().Gate.SetResult();

        store.Dispatch(new LoadCountAction(1, Fail: true));

        await Eventually(() => state.Value.Error is not null);
        Assert.DoesNotContain("The database is unreachable.", state.Value.Error); // the exception's own text stays inside
        var reference = System.Text.RegularExpressions.Regex.Match(state.Value.Error!, "reference ([0-9A-F]{8})").Groups[1].Value;
        Assert.NotEmpty(reference);
        var entry = Assert.Single(log.Entries, e => e.Message.Contains(reference));
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("The database is unreachable.", entry.Exception?.Message);
    }

    [Fact]
    public async Task EffectRefusedByADomainRule_ShowsTheRulesOwnMessage()
    {
        var (store, services) = NewStore();
        var state = services.GetRequiredService<IState<CounterState>>();
        services.GetRequiredService<CounterEffects>().Gate.SetResult();

        store.Dispatch(new LoadCountAction(-1, Fail: true));

        await Eventually(() => state.Value.Error is not null);
        Assert.Equal("Enter a number between 0 and 100.", state.Value.Error); // the refusal's text, in the reader's language
    }

    [Fact]
    public async Task EffectNotPermitted_IsAnAccessRefusal_NotAFailure()
    {
        var (store, services) = NewStore();
        var state = services.GetRequiredService<IState<CounterState>>();
        services.GetRequiredService<CounterEffects>().Gate.SetResult();
        string? refusal = null;
        store.SubscribeToAction<Imi.Portal.Store.Navigation.AccessRefusedAction>(this, a => refusal = a.Reason);

        store.Dispatch(new LoadCountAction(-2, Fail: true));

        await Eventually(() => refusal is not null);
        Assert.Equal("Only a local data administrator of this authority may change its data.", refusal);
        Assert.Null(state.Value.Error);
    }

    [Fact]
    public void Unsubscribed_NoLongerHearsActions()
    {
        var (store, _) = NewStore();
        var heard = 0;
        store.SubscribeToAction<IncrementAction>(this, _ => heard++);
        store.Dispatch(new IncrementAction(1));
        store.UnsubscribeFromAllActions(this);
        store.Dispatch(new IncrementAction(1));

        Assert.Equal(1, heard);
    }

    [Fact]
    public void AReducerThatDoesNotChangeTheState_RaisesNoStateChanged()
    {
        var (store, services) = NewStore();
        var state = services.GetRequiredService<IState<CounterState>>();
        var changes = 0;
        state.StateChanged += (_, _) => changes++;

        store.Dispatch(new CountLoadedAction(0)); // same as the initial state

        Assert.Equal(0, changes);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The store did not reach the expected state.");
            await Task.Delay(10);
        }
    }
}

/// <summary>Keeps what was logged, to check that a reference shown to the user leads to the details.</summary>
public sealed class ListLogger : ILogger<Store>
{
    public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
