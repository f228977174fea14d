using Imi.Portal.Store.Session;

namespace Imi.Portal.Store.Navigation;

/// <summary>A place in the portal's navigation; its title is a key of the catalogue (<c>Shell.Navigation.*</c>).</summary>
public sealed record NavItem(string TitleKey, string Href, string Icon, bool Exact = false);

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
            new("Shell.Navigation.Home", "", MudBlazor.Icons.Material.Outlined.Home, Exact: true),
            new("Shell.Navigation.Search", "search", MudBlazor.Icons.Material.Outlined.Search),
            new("Shell.Navigation.Requests", "requests", MudBlazor.Icons.Material.Outlined.Inbox),
            new("Shell.Navigation.Setup", "setup", MudBlazor.Icons.Material.Outlined.Checklist),
            new("Shell.Navigation.Performance", "performance", MudBlazor.Icons.Material.Outlined.Insights),
            new("Shell.Navigation.Urgent", "performance/urgent", MudBlazor.Icons.Material.Outlined.NotificationImportant),
        };
        if (state.User?.Areas.Any(a => a.Roles.Contains(Imi.Domain.Users.AreaRole.Allocator)) == true)
            items.Add(new NavItem("Shell.Navigation.Allocation", "requests/allocation", MudBlazor.Icons.Material.Outlined.ViewKanban));
        if (state.User?.IsTranslator == true)
            items.Add(new NavItem("Shell.Navigation.Translations", "translations", MudBlazor.Icons.Material.Outlined.Translate));
        if (state.User?.IsLocalDataAdministrator == true)
            items.Add(new NavItem("Shell.Navigation.Users", "administration/users", MudBlazor.Icons.Material.Outlined.People));
        if (state.User?.Areas.Any(a => a.Roles.Contains(Imi.Domain.Users.AreaRole.DataAdministrator)) == true)
            items.Add(new NavItem("Shell.Navigation.CoordinatedAuthorities", "coordination/authorities", MudBlazor.Icons.Material.Outlined.Apartment));
        if (state.User?.Areas.Any(a => a.Roles.Contains(Imi.Domain.Users.AreaRole.DataAdministrator)) == true)
            items.Add(new NavItem("Shell.Navigation.KeywordRequests", "coordination/keyword-requests", MudBlazor.Icons.Material.Outlined.Label));
        if (state.User is { CoordinatorType: not Imi.Domain.Authorities.CoordinatorType.None })
            items.Add(new NavItem("Shell.Navigation.Network", "coordination/network", MudBlazor.Icons.Material.Outlined.AccountTree));
        if (state.ShowDevelopmentInbox)
            items.Add(new NavItem("Shell.Navigation.LocalInbox", "dev/inbox", MudBlazor.Icons.Material.Outlined.Inbox));
        return state with { Items = items };
    }
}
