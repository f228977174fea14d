using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Imi.Tests.Portal;

/// <summary>
/// Every page of the portal requires a signed-in user, except those a visitor must reach: so a new
/// folder of pages cannot forget its [Authorize] (as Components/Requests once did).
/// </summary>
public class PageAuthorizationTests
{
    // Pages a visitor without a session must reach, and why.
    private static readonly Dictionary<string, string> OpenPages = new()
    {
        ["/error"] = "the error page is shown whatever went wrong, also before sign-in",
        ["/not-found"] = "an unknown address is answered before sign-in too",
        ["/dev/inbox"] = "the local inbox (development only) shows the temporary password before anyone can sign in",
        ["/apply"] = "an authority not yet in IMI applies to join (issue 11): it has no user to sign in with",
    };

    private static IEnumerable<Type> Pages() =>
        typeof(Imi.Portal.PortalSetup).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>(inherit: false).Any());

    private static bool IsSignInPage(Type page) => page.Namespace == "Imi.Portal.Components.Account";

    public static TheoryData<string> RoutablePages => new(Pages().Select(p => p.FullName!));

    [Theory]
    [MemberData(nameof(RoutablePages))]
    public void EveryPage_RequiresASignedInUser_ExceptTheSignInPagesAndTheOpenOnes(string pageName)
    {
        var page = Pages().Single(p => p.FullName == pageName);
        var routes = page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToList();
        var anonymous = page.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any();
        var authorized = page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any();

        if (IsSignInPage(page) || routes.All(OpenPages.ContainsKey))
            return; // open on purpose (see OpenPages)
        Assert.True(authorized && !anonymous,
            $"{page.Name} ({string.Join(", ", routes)}) must require a signed-in user: add @attribute [Authorize] (or its folder's _Imports.razor).");
    }

    [Fact]
    public void TheOpenPagesExist_AndTheRequestPagesAreAmongThePagesChecked()
    {
        var routes = Pages().SelectMany(p => p.GetCustomAttributes<RouteAttribute>().Select(r => r.Template)).ToList();
        Assert.All(OpenPages.Keys, route => Assert.Contains(route, routes));
        Assert.Contains("/requests", routes);
        Assert.Contains("/requests/{Id:guid}/edit", routes);
    }
}
