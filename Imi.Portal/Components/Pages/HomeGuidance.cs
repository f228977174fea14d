using Imi.Domain.Authorities;
using Imi.Domain.Users;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Users;
using MudBlazor;

namespace Imi.Portal.Components.Pages;

/// <summary>What the home page suggests to a user, from their roles. Later features add their own steps here.</summary>
public static class HomeGuidance
{
    /// <summary>A suggestion as texts of the catalogue (<c>Setup.Home.*.Title</c>, <c>.Text</c>) and the values they name.</summary>
    public sealed record Suggestion(string Key, string Icon, string? Href = null, params TextArg[] Args)
    {
        public string TitleKey => Key + ".Title";
        public string TextKey => Key + ".Text";
    }

    /// <summary>A suggestion written in the reader's language, as the home page shows it.</summary>
    public sealed record Step(string Title, string Text, string Icon, string? Href = null);

    /// <summary>The suggestions in the reader's language.</summary>
    public static IReadOnlyList<Step> For(SessionInfo user, Texts texts) =>
        SuggestionsFor(user).Select(s => new Step(texts[s.TitleKey, s.Args], texts[s.TextKey, s.Args], s.Icon, s.Href)).ToList();

    public static IReadOnlyList<Suggestion> SuggestionsFor(SessionInfo user)
    {
        var steps = new List<Suggestion>();
        if (!user.SetupComplete)
            steps.Add(user.IsLocalDataAdministrator
                ? new("Setup.Home.SetUp", Icons.Material.Outlined.Checklist, "setup",
                    ("last", user.CoordinatorType == CoordinatorType.None ? 12 : 15))
                : new("Setup.Home.BeingSetUp", Icons.Material.Outlined.Checklist, "setup"));
        if (user.IsLocalDataAdministrator)
            steps.Add(new("Setup.Home.KeepInformation", Icons.Material.Outlined.Domain));
        if (user.AuthorityNeedsTranslation && user.IsLocalDataAdministrator)
            steps.Add(new("Setup.Home.TranslationPending", Icons.Material.Outlined.Translate));
        foreach (var area in user.Areas)
        {
            TextArg name = ("area", area.AreaName);
            if (area.Roles.Contains(AreaRole.RequestHandler))
                steps.Add(new("Setup.Home.Exchange", Icons.Material.Outlined.QuestionAnswer, "requests", name));
            if (area.Roles.Contains(AreaRole.Allocator))
                steps.Add(new("Setup.Home.Allocate", Icons.Material.Outlined.AssignmentInd, "requests/allocation", name));
            if (area.Roles.Contains(AreaRole.DataAdministrator))
                steps.Add(new("Setup.Home.Coordinate", Icons.Material.Outlined.AdminPanelSettings, null, name));
            if (area.Roles.Contains(AreaRole.ReferralHandler))
                steps.Add(new("Setup.Home.Referrals", Icons.Material.Outlined.Gavel, null, name));
        }
        if (!user.Areas.Any(a => a.Roles.Contains(AreaRole.RequestHandler)))
            steps.Add(new("Setup.Home.Follow", Icons.Material.Outlined.Inbox, "requests"));
        steps.Add(new("Setup.Home.Search", Icons.Material.Outlined.Search, "search"));
        return steps;
    }
}
