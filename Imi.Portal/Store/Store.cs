using Imi.Infrastructure.Localization;
using Imi.Domain.Common;
using Imi.Portal.Errors;
using Imi.Portal.Store.Navigation;
using Microsoft.Extensions.Logging;

namespace Imi.Portal.Store;

/// <summary>
/// One store per circuit (scoped): holds every feature state, runs reducers then effects for each
/// dispatched action, one action at a time in dispatch order.
/// </summary>
public sealed class Store : IDispatcher, IActionSubscriber
{
    private readonly StoreRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly ILogger<Store> _logger;
    private readonly Dictionary<Type, IFeature> _features;
    private readonly Queue<object> _queue = new();
    private readonly List<(object Subscriber, Type ActionType, Action<object> Callback)> _subscriptions = new();
    private readonly object _gate = new();
    private bool _dispatching;

    private readonly Imi.Portal.Localization.CircuitCulture _culture = new();

    public Store(StoreRegistry registry, IServiceProvider services, ILogger<Store> logger)
    {
        _registry = registry;
        _services = services;
        _logger = logger;
        _features = registry.FeatureTypes.ToDictionary(t => t, t =>
            (IFeature)Activator.CreateInstance(typeof(Feature<>).MakeGenericType(t), Activator.CreateInstance(t))!);
    }

    public IState<TState> GetState<TState>() =>
        _features.TryGetValue(typeof(TState), out var feature)
            ? (IState<TState>)feature
            : throw new InvalidOperationException($"{typeof(TState).Name} is not a [FeatureState].");

    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _culture.Apply();
        lock (_gate)
        {
            _queue.Enqueue(action);
            if (_dispatching)
                return; // the loop below, already running, will take it
            _dispatching = true;
        }

        while (true)
        {
            object next;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out next!))
                {
                    _dispatching = false;
                    return;
                }
            }
            Process(next);
        }
    }

    public void SubscribeToAction<TAction>(object subscriber, Action<TAction> callback)
    {
        lock (_gate)
            _subscriptions.Add((subscriber, typeof(TAction), a => callback((TAction)a)));
    }

    public void UnsubscribeFromAllActions(object subscriber)
    {
        lock (_gate)
            _subscriptions.RemoveAll(s => ReferenceEquals(s.Subscriber, subscriber));
    }

    private void Process(object action)
    {
        var actionType = action.GetType();
        var changed = new List<IFeature>();
        foreach (var reducer in _registry.Reducers.Where(r => r.ActionType.IsAssignableFrom(actionType)))
        {
            var feature = _features[reducer.StateType];
            var next = reducer.Reduce(feature.Untyped, action);
            if (!Equals(next, feature.Untyped))
            {
                feature.Untyped = next;
                if (!changed.Contains(feature))
                    changed.Add(feature);
            }
        }
        foreach (var feature in changed)
            feature.RaiseChanged();

        List<Action<object>> callbacks;
        lock (_gate)
            callbacks = _subscriptions.Where(s => s.ActionType.IsAssignableFrom(actionType)).Select(s => s.Callback).ToList();
        foreach (var callback in callbacks)
            callback(action);

        foreach (var effect in _registry.Effects.Where(e => e.ActionType.IsAssignableFrom(actionType)))
            _ = RunEffectAsync(effect, action);
    }

    private async Task RunEffectAsync(StoreRegistry.EffectInfo effect, object action)
    {
        try
        {
            var instance = _services.GetService(effect.EffectType)
                ?? throw new InvalidOperationException($"Effect {effect.EffectType.Name} is not registered.");
            await effect.Handle(instance, action, this);
        }
        catch (NotPermittedException e)
        {
            // Not a failure: the user opened something their roles do not open. The shell shows why.
            _logger.LogInformation("Effect {Effect} refused {Action}: {Reason}", effect.EffectType.Name, action.GetType().Name, e.Message);
            Dispatch(new AccessRefusedAction(action, _services.GetRequiredService<Texts>().Refusal(e)));
        }
        catch (DomainException e)
        {
            // A rule the user can act on: its code becomes a sentence in their language.
            _logger.LogInformation("Effect {Effect} refused {Action}: {Reason}", effect.EffectType.Name, action.GetType().Name, e.Message);
            if (action is not EffectFailedAction)
                Dispatch(new EffectFailedAction(action, _services.GetRequiredService<Texts>().Refusal(e)));
        }
        catch (Exception e)
        {
            var reference = UnexpectedFailure.Log(_logger, e, $"Effect {effect.EffectType.Name} for {action.GetType().Name}");
            if (action is not EffectFailedAction)
                Dispatch(new EffectFailedAction(action, UnexpectedFailure.MessageFor(_services.GetRequiredService<Texts>(), e, reference), reference));
        }
    }

    private interface IFeature
    {
        object Untyped { get; set; }
        void RaiseChanged();
    }

    private sealed class Feature<TState>(TState initial) : IState<TState>, IFeature
    {
        public TState Value { get; private set; } = initial;

        public event EventHandler? StateChanged;

        public object Untyped
        {
            get => Value!;
            set => Value = (TState)value;
        }

        public void RaiseChanged() => StateChanged?.Invoke(this, EventArgs.Empty);
    }
}
