using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Imi.Portal.Store;

/// <summary>
/// Base class of components that show store state: re-renders when any injected
/// <see cref="IState{TState}"/> changes, and unsubscribes (states and actions) on dispose.
/// </summary>
/// <remarks>
/// A component that copies state into its own form model does so in <see cref="OnStoreChanged"/>, not in
/// <c>ShouldRender</c>: Blazor skips <c>ShouldRender</c> for a change that arrives while a render is already
/// queued (the queued render then shows the new state, but the copy would be missed until a later render,
/// which would then overwrite what the user typed in between).
/// </remarks>
public abstract class StoreComponent : ComponentBase, IDisposable
{
    private readonly List<(object State, EventInfo Event)> _subscriptions = new();
    private EventHandler? _handler;

    [Inject] protected IDispatcher Dispatcher { get; set; } = default!;
    [Inject] protected IActionSubscriber ActionSubscriber { get; set; } = default!;

    protected override void OnInitialized()
    {
        _handler = (_, _) => InvokeAsync(() =>
        {
            OnStoreChanged();
            StateHasChanged();
        });
        foreach (var property in StateProperties(GetType()))
        {
            var state = property.GetValue(this);
            if (state is null)
                continue;
            var stateChanged = state.GetType().GetEvent(nameof(IState<object>.StateChanged))!;
            stateChanged.AddEventHandler(state, _handler);
            _subscriptions.Add((state, stateChanged));
        }
        base.OnInitialized();
    }

    /// <summary>Called on the component's dispatcher for every change of an injected state, before it re-renders.</summary>
    protected virtual void OnStoreChanged()
    {
    }

    public void Dispose()
    {
        foreach (var (state, stateChanged) in _subscriptions)
            stateChanged.RemoveEventHandler(state, _handler);
        _subscriptions.Clear();
        ActionSubscriber?.UnsubscribeFromAllActions(this);
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private static IEnumerable<PropertyInfo> StateProperties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IState<>));
}
