using Imi.Infrastructure.Search;

namespace Imi.Portal.Store.Search;

/// <summary>The authority search: the query and filters survive navigation (the store lives as long as the circuit).</summary>
[FeatureState]
public sealed record SearchState
{
    public SearchQuery? Query { get; init; }
    public SearchResult? Result { get; init; }
    public bool IsSearching { get; init; }
    public SearchOptions? Options { get; init; }
}

public sealed record LoadSearchOptionsAction(string Language);
public sealed record SearchOptionsLoadedAction(SearchOptions Options);
public sealed record SearchAuthoritiesAction(SearchQuery Query);
public sealed record SearchCompletedAction(SearchQuery Query, SearchResult Result);

public static class SearchReducers
{
    [ReducerMethod]
    public static SearchState Reduce(SearchState state, SearchOptionsLoadedAction action) => state with { Options = action.Options };

    [ReducerMethod]
    public static SearchState Reduce(SearchState state, SearchAuthoritiesAction action) => state with { Query = action.Query, IsSearching = true };

    /// <summary>Only the answer to the latest query counts: an earlier, slower one arriving late is dropped.</summary>
    [ReducerMethod]
    public static SearchState Reduce(SearchState state, SearchCompletedAction action) =>
        action.Query == state.Query ? state with { Result = action.Result, IsSearching = false } : state;
}

public sealed class SearchEffects(AuthoritySearch search, AuthorityDirectory directory)
{
    [EffectMethod]
    public async Task Handle(LoadSearchOptionsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new SearchOptionsLoadedAction(await directory.OptionsAsync(action.Language)));

    [EffectMethod]
    public async Task Handle(SearchAuthoritiesAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new SearchCompletedAction(action.Query, await search.SearchAsync(action.Query)));
}
