namespace Imi.Portal.Store;

/// <summary>The current value of one feature state; raises <see cref="StateChanged"/> when a reducer replaced it.</summary>
public interface IState<out TState>
{
    TState Value { get; }
    event EventHandler? StateChanged;
}

/// <summary>Sends an action through the reducers, then the effects. Never re-entrant: actions are queued.</summary>
public interface IDispatcher
{
    void Dispatch(object action);
}

/// <summary>Lets a component react to an action itself (e.g. close a dialog once saved).</summary>
public interface IActionSubscriber
{
    void SubscribeToAction<TAction>(object subscriber, Action<TAction> callback);
    void UnsubscribeFromAllActions(object subscriber);
}

/// <summary>
/// Marks a record as a feature state. Its parameterless constructor gives the initial state.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FeatureStateAttribute : Attribute;

/// <summary>
/// Marks a static method <c>TState Reduce(TState state, TAction action)</c> (or
/// <c>TState Reduce(TState state)</c> with <see cref="ActionType"/> set) as a reducer.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReducerMethodAttribute(Type? actionType = null) : Attribute
{
    public Type? ActionType { get; } = actionType;
}

/// <summary>
/// Marks an instance method <c>Task Handle(TAction action, IDispatcher dispatcher)</c> of a class
/// built by DI as an effect: where side effects (use-case services) happen.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EffectMethodAttribute : Attribute;

/// <summary>
/// Dispatched when an effect throws: the failure is logged and becomes state a component can show.
/// <see cref="Message"/> is written for the user: a domain rule's own message, or (for anything
/// unexpected) a plain sentence with the <see cref="Reference"/> under which the log holds the details;
/// never an exception's text.
/// </summary>
public sealed record EffectFailedAction(object Action, string Message, string? Reference = null);
