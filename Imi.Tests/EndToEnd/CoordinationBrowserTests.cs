using Imi.Infrastructure.Demo;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>A coordinator deactivates and reactivates an authority it coordinates (decision 010; its own portal: an authority changes).</summary>
[Collection(BrowserCollection.Name)]
public class CoordinationBrowserTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly Imi.Infrastructure.Localization.LanguageTexts English = UserTexts.In("en");

    [Fact]
    public async Task TheNimicDeactivatesCork_ItsUserCannotSignIn_ThenReactivates()
    {
        var nimic = await RequestSteps.SignedInAsync(server, "demo.ie.coordinator");
        await nimic.WaitForCircuitAsync();
        await nimic.GotoAsync("coordination/authorities");
        await nimic.WaitForCircuitAsync();
        var cork = nimic.Locator("tr").Filter(new() { HasText = "Local licensing of street trading and services in Cork" });
        await cork.Locator("[data-testid=deactivate]").ClickAsync();

        await Assertions.Expect(nimic.Locator("[data-testid=coordination-message]")).ToContainTextAsync(
            English["Notices.Coordination.AuthorityDeactivated", ("authority", "Local licensing of street trading and services in Cork")]);
        await Assertions.Expect(cork).ToContainTextAsync(English["Authorities.Coordinated.Deactivated"]);
        await nimic.AssertAccessibleAsync();

        var corkUser = await Browser.NewPageAsync(server);
        await SignInJourney.EnterPasswordAsync(corkUser, "demo.ie.cork", DemoNetwork.Password);
        await Assertions.Expect(corkUser.Locator("[data-testid=sign-in-error]")).ToHaveTextAsync(English["Account.SignIn.AuthorityNotActive"]);

        // Search no longer finds it (a handler abroad looks for it).
        var searcher = await RequestSteps.SignedInAsync(server, "demo.pt.handler");
        await searcher.GotoAsync("search");
        await searcher.WaitForCircuitAsync();
        await searcher.FillAsync("input[data-testid=search-text]", "street trading Cork");
        await searcher.Locator("[data-testid=search-notice], [data-testid=search-total]").First.WaitForAsync(); // the search has answered
        await Assertions.Expect(searcher.Locator("[data-testid=search-results] li").Filter(new() { HasText = "Cork" })).ToHaveCountAsync(0);

        await cork.Locator("[data-testid=reactivate]").ClickAsync();
        await Assertions.Expect(nimic.Locator("[data-testid=coordination-message]")).ToContainTextAsync(
            English["Notices.Coordination.AuthorityReactivated", ("authority", "Local licensing of street trading and services in Cork")]);
        await SignInJourney.EnterPasswordAsync(corkUser, "demo.ie.cork", DemoNetwork.Password);
        await Assertions.Expect(corkUser).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("account/security-code"));
        await searcher.FillAsync("input[data-testid=search-text]", "street trading in Cork");
        await Assertions.Expect(searcher.Locator("[data-testid=search-results]")).ToContainTextAsync("Cork");
    }

    /// <summary>
    /// The Irish NIMIC administers the Dental Council: edits its official title, gives it services and withdraws them again,
    /// reads the audit trail; withdrawing King's Inns' only area while a request is open there is refused, naming the request.
    /// </summary>
    [Fact]
    public async Task TheNimicAdministersAnAuthority_TitleAreasAndAuditTrail()
    {
        var nimic = await RequestSteps.SignedInAsync(server, "demo.ie.coordinator");
        await nimic.WaitForCircuitAsync();
        await nimic.GotoAsync("coordination/authorities");
        await nimic.WaitForCircuitAsync();
        await nimic.GetByRole(AriaRole.Link, new() { Name = "Registration body for dentists" }).ClickAsync();
        await Assertions.Expect(nimic.Locator("h1")).ToHaveTextAsync("Registration body for dentists");

        await nimic.FillAsync("input[data-testid=official-title]", "Dental Council of Ireland (Comhairle Fiaclóireachta)");
        await nimic.ClickAsync("[data-testid=save-title]");
        await Assertions.Expect(nimic.Locator("[data-testid=administration-message]")).ToHaveTextAsync(
            English["Notices.Coordination.OfficialTitleChanged", ("authority", "Registration body for dentists")]);

        await RequestSteps.ChooseAsync(nimic, "grant-area", "Services");
        await nimic.ClickAsync("[data-testid=grant]");
        await Assertions.Expect(nimic.Locator("[data-testid=area-SERVICES]")).ToContainTextAsync("Irish national IMI coordinator");
        await nimic.AssertAccessibleAsync();
        await nimic.ClickAsync("[data-testid=withdraw-SERVICES]");
        await Assertions.Expect(nimic.Locator("[data-testid=administration-message]")).ToHaveTextAsync(
            English["Notices.Coordination.AreaWithdrawn", ("authority", "Registration body for dentists")]);
        await Assertions.Expect(nimic.Locator("[data-testid=area-SERVICES]")).ToHaveCountAsync(0);

        var trail = nimic.Locator("[data-testid=audit] tbody tr");
        await Assertions.Expect(trail).ToHaveCountAsync(3);
        await Assertions.Expect(trail.Nth(0)).ToContainTextAsync(English["Enums.AuditKind.AreaWithdrawn"]);
        await Assertions.Expect(trail.Nth(2)).ToContainTextAsync("Siobhán Murphy");
        await Assertions.Expect(trail.Nth(2)).ToContainTextAsync("Dental Council of Ireland → Dental Council of Ireland (Comhairle Fiaclóireachta)");

        await nimic.GotoAsync("coordination/authorities");
        await nimic.WaitForCircuitAsync();
        await nimic.GetByRole(AriaRole.Link, new() { Name = "Professional body for admission of barristers" }).ClickAsync();
        await nimic.ClickAsync("[data-testid=withdraw-PQ]");
        await Assertions.Expect(nimic.Locator("[data-testid=administration-error]")).ToContainTextAsync("IMI-0000");
        await Assertions.Expect(nimic.Locator("[data-testid=area-PQ]")).ToHaveCountAsync(1);
    }
}
