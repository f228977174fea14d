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

        await cork.Locator("[data-testid=reactivate]").ClickAsync();
        await Assertions.Expect(nimic.Locator("[data-testid=coordination-message]")).ToContainTextAsync(
            English["Notices.Coordination.AuthorityReactivated", ("authority", "Local licensing of street trading and services in Cork")]);
        await SignInJourney.EnterPasswordAsync(corkUser, "demo.ie.cork", DemoNetwork.Password);
        await Assertions.Expect(corkUser).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("account/security-code"));
    }
}
