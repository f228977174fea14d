using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Imi.Portal.Store;

/// <summary>
/// Base class of components that show store state: re-renders when any injected
/// <see cref="IState{TState}"/> changes, and unsubscribes (states and actions) on dispose.
/// </summary>
public abstract class StoreComponent : ComponentBase, IDisposable
{
    private readonly List<(object State, EventInfo Event)> _subscriptions = new();
    private EventHandler? _handler;

    [Inject] protected IDispatcher Dispatcher { get; set; } = default!;
    [Inject] protected IActionSubscriber ActionSubscriber { get; set; } = default!;

    protected override void OnInitialized()
    {
        _handler = (_, _) => InvokeAsync(StateHasChanged);
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
