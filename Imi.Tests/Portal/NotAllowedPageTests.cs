using Bunit;
using Imi.Portal.Components.Layout;
using Imi.Portal.Store;
using Imi.Portal.Store.Coordination;
using Imi.Portal.Store.Navigation;
using Imi.Portal.Store.Notifications;
using Imi.Portal.Store.Translation;
using Imi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

/// <summary>A page the user's roles do not open shows a "not allowed" page with a way home, not an error banner.</summary>
public class NotAllowedPageTests(DatabaseFixture database)
    : PortalComponentTest(Infrastructure(database)), IClassFixture<DatabaseFixture>
{
    public static TheoryData<string> RefusedLoads => new() { "translations", "coordination" };

    [Theory]
    [MemberData(nameof(RefusedLoads))]
    public async Task APageTheRoleDoesNotOpen_ShowsNotAllowed_WithAWayHome(string page)
    {
        var handler = await UserIdAsync("demo.ie.handler");
        var cut = Render<PageOrNotAllowed>(p => p.AddChildContent("<p data-testid=\"the-page\">the page</p>"));

        Dispatcher.Dispatch(page == "translations" ? new LoadTranslationQueueAction(handler) : new LoadCoordinatedAuthoritiesAction(handler));

        cut.WaitForAssertion(() => Assert.Equal("Not allowed", cut.Find("[data-testid=not-allowed] h1").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=the-page]"));
        Assert.Contains(cut.FindAll("[data-testid=not-allowed] a"), a => a.TextContent.Contains("home page"));
        Assert.Empty(Services.GetRequiredService<IState<NotificationsState>>().Value.Items); // no error banner
    }

    [Fact]
    public async Task GoingElsewhere_ShowsThePageAgain()
    {
        var handler = await UserIdAsync("demo.ie.handler");
        var cut = Render<PageOrNotAllowed>(p => p.AddChildContent("<p data-testid=\"the-page\">the page</p>"));
        Dispatcher.Dispatch(new LoadTranslationQueueAction(handler));
        cut.WaitForAssertion(() => cut.Find("[data-testid=not-allowed]"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("search");

        cut.WaitForAssertion(() => cut.Find("[data-testid=the-page]"));
        Assert.Null(Services.GetRequiredService<IState<AccessState>>().Value.Refusal);
    }
}
