using System.Reflection;

namespace Imi.Portal.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store (scoped: one per circuit), <see cref="IState{TState}"/> for every
    /// [FeatureState] record in <paramref name="assemblies"/>, and their effect classes.
    /// </summary>
    public static IServiceCollection AddImiStore(this IServiceCollection services, params Assembly[] assemblies)
    {
        var registry = new StoreRegistry(assemblies);
        services.AddSingleton(registry);
        services.AddScoped<Store>();
        services.AddScoped<IDispatcher>(sp => sp.GetRequiredService<Store>());
        services.AddScoped<IActionSubscriber>(sp => sp.GetRequiredService<Store>());
        services.AddScoped(typeof(IState<>), typeof(StateAccessor<>));
        foreach (var effectType in registry.EffectTypes)
            services.AddScoped(effectType);
        return services;
    }

    private sealed class StateAccessor<TState>(Store store) : IState<TState>
    {
        private readonly IState<TState> _feature = store.GetState<TState>();

        public TState Value => _feature.Value;

        public event EventHandler? StateChanged
        {
            add => _feature.StateChanged += value;
            remove => _feature.StateChanged -= value;
        }
    }
}
