namespace Imi.Portal.Store.Navigation;

/// <summary>
/// Whether the page shown is one the user's roles do not open: the domain refused what the page
/// loads (<see cref="Imi.Domain.Common.NotPermittedException"/>), and the shell shows a "not
/// allowed" page instead of the page, until the user goes elsewhere.
/// </summary>
[FeatureState]
public sealed record AccessState
{
    /// <summary>Why the page is not open to the user; null when it is.</summary>
    public string? Refusal { get; init; }
}

/// <summary>Dispatched by the store when an effect was refused by the domain's permission checks.</summary>
public sealed record AccessRefusedAction(object Action, string Reason);

/// <summary>The user went to another page: the refusal belonged to the last one.</summary>
public sealed record PageChangedAction;

public static class AccessReducers
{
    [ReducerMethod]
    public static AccessState Reduce(AccessState state, AccessRefusedAction action) => state with { Refusal = action.Reason };

    [ReducerMethod]
    public static AccessState Reduce(AccessState state, PageChangedAction _) => state with { Refusal = null };
}
