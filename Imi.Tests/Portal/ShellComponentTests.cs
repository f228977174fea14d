using Microsoft.AspNetCore.Components;
using Bunit;
using Imi.Domain.Users;
using Imi.Portal.Components.Layout;
using Imi.Portal.Components.Pages;
using Imi.Portal.Store.Navigation;
using Imi.Portal.Store.Notifications;
using Imi.Portal.Store.Session;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

public class ShellComponentTests() : PortalComponentTest(s =>
    s.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Imi.Infrastructure.Mail.MailOptions())))
{

    [Fact]
    public void ShellUser_ShowsWhoIsSignedIn_OnceTheSessionLoads()
    {
        var cut = Render<ShellUser>();
        Assert.Empty(cut.FindAll("[data-testid=shell-user]"));

        Dispatcher.Dispatch(new SessionLoadedAction(PortalFeatureReducerTests.Aoife()));

        cut.WaitForAssertion(() =>
        {
            var user = cut.Find("[data-testid=shell-user]");
            Assert.Contains("Aoife Byrne", user.TextContent);
            Assert.Contains("Professional body for admission of barristers (IE)", user.TextContent);
            Assert.Equal("Local data administrator · PQ: basic user", cut.Find("[data-testid=shell-roles]").TextContent);
        });
        Assert.NotNull(cut.Find("form[action='account/sign-out'] button[type=submit]"));
    }

    [Fact]
    public void ShellNavigation_ListsWhatExists_AndTheInboxInDevelopment()
    {
        var cut = Render<ShellNavigation>();
        Dispatcher.Dispatch(new ConfigureNavigationAction(ShowDevelopmentInbox: true));

        cut.WaitForAssertion(() =>
        {
            var links = cut.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
            Assert.Equal(["Home", "Find an authority", "Requests", "Setup", "Performance", "Urgency list", "Local inbox"], links);
        });

        // The page's own link is marked, for the eye and for screen readers; it follows the navigation.
        Services.GetRequiredService<NavigationManager>().NavigateTo("requests/allocation");
        cut.WaitForAssertion(() => Assert.Equal(["Requests"], cut.FindAll("a[aria-current=page].active").Select(a => a.TextContent.Trim())));
        Services.GetRequiredService<NavigationManager>().NavigateTo("");
        cut.WaitForAssertion(() => Assert.Equal(["Home"], cut.FindAll("a[aria-current=page]").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public void ShellNotifications_ShowsAMessage_AndTheCloseButtonDismissesIt()
    {
        var cut = Render<ShellNotifications>();
        Dispatcher.Dispatch(new NotifyAction(NotificationLevel.Success, "Saved."));
        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Markup));

        cut.Find("button").Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain("Saved.", cut.Markup));
    }

    [Fact]
    public void Home_SaysWhatAHandlerCanDoNext_AndListsTheirRoles()
    {
        Dispatcher.Dispatch(new SessionLoadedAction(PortalFeatureReducerTests.Aoife(AreaRole.RequestHandler, AreaRole.Allocator)));

        var cut = Render<Home>();

        Assert.Contains("Welcome, Aoife Byrne", cut.Find("h1").TextContent);
        var next = cut.Find("[data-testid=home-next]").TextContent;
        Assert.Contains("Exchange information on Professional qualifications", next);
        Assert.Contains("Allocate incoming Professional qualifications requests", next);
        Assert.Contains("Basic user, request handler, allocator", cut.Find("[data-testid=home-roles]").TextContent);
    }

    [Fact]
    public void Home_ForABasicUser_OffersNoHandlerWork()
    {
        Dispatcher.Dispatch(new SessionLoadedAction(PortalFeatureReducerTests.Aoife()));

        var cut = Render<Home>();

        Assert.DoesNotContain("Exchange information", cut.Find("[data-testid=home-next]").TextContent);
        Assert.Contains("Basic user", cut.Find("[data-testid=home-roles]").TextContent);
    }
}
