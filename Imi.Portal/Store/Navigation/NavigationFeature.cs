using Imi.Portal.Store.Session;

namespace Imi.Portal.Store.Navigation;

/// <summary>A place in the portal's navigation.</summary>
public sealed record NavItem(string Title, string Href, string Icon, bool Exact = false);

/// <summary>
/// The navigation the signed-in user sees: it grows with the areas of the portal that exist and
/// that the user's roles open.
/// </summary>
[FeatureState]
public sealed record NavigationState
{
    public IReadOnlyList<NavItem> Items { get; init; } = [];
    public bool ShowDevelopmentInbox { get; init; }
    public Imi.Infrastructure.Users.SessionInfo? User { get; init; }
}

public sealed record ConfigureNavigationAction(bool ShowDevelopmentInbox);

public static class NavigationReducers
{
    [ReducerMethod]
    public static NavigationState Reduce(NavigationState state, ConfigureNavigationAction action) =>
        Build(state with { ShowDevelopmentInbox = action.ShowDevelopmentInbox });

    [ReducerMethod]
    public static NavigationState Reduce(NavigationState state, SessionLoadedAction action) => Build(state with { User = action.User });

    private static NavigationState Build(NavigationState state)
    {
        var items = new List<NavItem>
        {
            new("Home", "", MudBlazor.Icons.Material.Outlined.Home, Exact: true),
            new("Find an authority", "search", MudBlazor.Icons.Material.Outlined.Search),
            new("Requests", "requests", MudBlazor.Icons.Material.Outlined.Inbox),
            new("Setup", "setup", MudBlazor.Icons.Material.Outlined.Checklist),
        };
        if (state.User?.Areas.Any(a => a.Roles.Contains(Imi.Domain.Users.AreaRole.Allocator)) == true)
            items.Add(new NavItem("Allocation", "requests/allocation", MudBlazor.Icons.Material.Outlined.ViewKanban));
        if (state.User?.IsTranslator == true)
            items.Add(new NavItem("Translations", "translations", MudBlazor.Icons.Material.Outlined.Translate));
        if (state.User?.IsLocalDataAdministrator == true)
            items.Add(new NavItem("Users", "administration/users", MudBlazor.Icons.Material.Outlined.People));
        if (state.User?.Areas.Any(a => a.Roles.Contains(Imi.Domain.Users.AreaRole.DataAdministrator)) == true)
            items.Add(new NavItem("Coordinated authorities", "coordination/authorities", MudBlazor.Icons.Material.Outlined.AccountTree));
        if (state.ShowDevelopmentInbox)
            items.Add(new NavItem("Local inbox", "dev/inbox", MudBlazor.Icons.Material.Outlined.Inbox));
        return state with { Items = items };
    }
}
