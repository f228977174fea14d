using System.Reflection;

namespace Imi.Portal.Store;

/// <summary>
/// What the store knows about features, reducers and effects, found once by reflection over the
/// assemblies given to <see cref="StoreServiceCollectionExtensions.AddImiStore"/>.
/// </summary>
public sealed class StoreRegistry
{
    public StoreRegistry(IEnumerable<Assembly> assemblies)
    {
        var types = assemblies.Distinct().SelectMany(a => a.GetTypes()).ToList();
        FeatureTypes = types.Where(t => t.GetCustomAttribute<FeatureStateAttribute>() is not null).ToList();

        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)))
        {
            var attribute = method.GetCustomAttribute<ReducerMethodAttribute>();
            if (attribute is null)
                continue;
            var parameters = method.GetParameters();
            var stateType = method.ReturnType;
            var actionType = attribute.ActionType ?? (parameters.Length == 2 ? parameters[1].ParameterType : null);
            if (actionType is null || parameters.Length is < 1 or > 2 || parameters[0].ParameterType != stateType)
                throw new InvalidOperationException($"Reducer {method.DeclaringType?.Name}.{method.Name} must be TState M(TState, TAction).");
            if (!FeatureTypes.Contains(stateType))
                throw new InvalidOperationException($"Reducer {method.DeclaringType?.Name}.{method.Name} returns {stateType.Name}, which is not a [FeatureState].");
            var takesAction = parameters.Length == 2;
            Reducers.Add(new ReducerInfo(stateType, actionType,
                (state, action) => method.Invoke(null, takesAction ? [state, action] : [state])!));
        }

        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<EffectMethodAttribute>() is null)
                    continue;
                var parameters = method.GetParameters();
                if (parameters.Length != 2 || parameters[1].ParameterType != typeof(IDispatcher) || method.ReturnType != typeof(Task))
                    throw new InvalidOperationException($"Effect {type.Name}.{method.Name} must be Task M(TAction, IDispatcher).");
                Effects.Add(new EffectInfo(type, parameters[0].ParameterType,
                    (instance, action, dispatcher) => (Task)method.Invoke(instance, [action, dispatcher])!));
            }
        }
        EffectTypes = Effects.Select(e => e.EffectType).Distinct().ToList();
    }

    public IReadOnlyList<Type> FeatureTypes { get; }
    public List<ReducerInfo> Reducers { get; } = new();
    public List<EffectInfo> Effects { get; } = new();
    public IReadOnlyList<Type> EffectTypes { get; }

    public sealed record ReducerInfo(Type StateType, Type ActionType, Func<object, object, object> Reduce);

    public sealed record EffectInfo(Type EffectType, Type ActionType, Func<object, object, IDispatcher, Task> Handle);
}
