using Imi.Domain.Users;
using Imi.Infrastructure.Users;
using MudBlazor;

namespace Imi.Portal.Components.Pages;

/// <summary>What the home page suggests to a user, from their roles. Later features add their own steps here.</summary>
public static class HomeGuidance
{
    public sealed record Step(string Title, string Text, string Icon, string? Href = null);

    public static string RoleName(AreaRole role) => role switch
    {
        AreaRole.RequestHandler => "request handler",
        AreaRole.Allocator => "allocator",
        AreaRole.DataAdministrator => "data administrator",
        AreaRole.ReferralHandler => "referral handler",
        _ => role.ToString(),
    };

    public static IReadOnlyList<Step> For(SessionInfo user)
    {
        var steps = new List<Step>();
        if (!user.SetupComplete)
            steps.Add(user.IsLocalDataAdministrator
                ? new("Set up your authority",
                    "Follow the guide's checklist, steps 1 to " + (user.CoordinatorType == Imi.Domain.Authorities.CoordinatorType.None ? "12" : "15") +
                    ", so that authorities abroad can find you and your colleagues can work in IMI.",
                    Icons.Material.Outlined.Checklist, "setup")
                : new("Your authority is being set up",
                    "Your local data administrator is going through the setup checklist; you can follow it.",
                    Icons.Material.Outlined.Checklist, "setup"));
        if (user.IsLocalDataAdministrator)
            steps.Add(new("Keep your authority's information right",
                "As local data administrator you keep your authority's profile, users and links up to date, and reset your colleagues' passwords.",
                Icons.Material.Outlined.Domain));
        if (user.AuthorityNeedsTranslation && user.IsLocalDataAdministrator)
            steps.Add(new("Translation pending",
                "Your authority's informal title or profile changed and waits for translation into the other EU languages.",
                Icons.Material.Outlined.Translate));
        foreach (var area in user.Areas)
        {
            if (area.Roles.Contains(AreaRole.RequestHandler))
                steps.Add(new($"Exchange information on {area.AreaName}",
                    "As request handler you send requests to authorities in other countries and answer theirs. Your action list shows what waits for you.",
                    Icons.Material.Outlined.QuestionAnswer, "requests"));
            if (area.Roles.Contains(AreaRole.Allocator))
                steps.Add(new($"Allocate incoming {area.AreaName} requests",
                    "As allocator you receive incoming requests and assign them to your colleagues on the allocation board.",
                    Icons.Material.Outlined.AssignmentInd, "requests/allocation"));
            if (area.Roles.Contains(AreaRole.DataAdministrator))
                steps.Add(new($"Look after the authorities you coordinate ({area.AreaName})",
                    "As data administrator you validate registrations, grant access to legislative areas and reset local data administrators' passwords.",
                    Icons.Material.Outlined.AdminPanelSettings));
            if (area.Roles.Contains(AreaRole.ReferralHandler))
                steps.Add(new($"Referee referrals ({area.AreaName})",
                    "As referral handler you help settle disagreements between authorities you coordinate and their counterparts abroad.",
                    Icons.Material.Outlined.Gavel));
        }
        if (!user.Areas.Any(a => a.Roles.Contains(AreaRole.RequestHandler)))
            steps.Add(new("Follow your authority's exchanges",
                "See the requests your authority sent and received, and where each one stands.",
                Icons.Material.Outlined.Inbox, "requests"));
        steps.Add(new("Find an authority",
            "Search for competent authorities in every EEA country, in your own language.",
            Icons.Material.Outlined.Search, "search"));
        return steps;
    }
}
