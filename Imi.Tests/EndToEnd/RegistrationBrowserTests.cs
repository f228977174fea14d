using System.Text.RegularExpressions;
using Imi.Infrastructure.Localization;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// Issue 11: the network grows through its coordinators. Germany's NIMIC registers a DIMIC for Hamburg; the DIMIC's first
/// user registers a chamber; the chamber's first user signs in and meets the setup checklist. In German, the NIMIC's and
/// the new users' language (its own portal: authorities are added).
/// </summary>
[Collection(BrowserCollection.Name)]
public class RegistrationBrowserTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly LanguageTexts German = UserTexts.In("de");

    [Fact]
    public async Task TheNimicRegistersADimic_WhichRegistersAChamber_WhoseFirstUserMeetsTheChecklist()
    {
        var nimic = await RequestSteps.SignedInAsync(server, "demo.de.coordinator");
        await nimic.WaitForCircuitAsync();

        // The country's tree: the Bavarian SDIMIC below the NIMIC, with its region.
        await nimic.ClickAsync($"a:has-text('{German["Shell.Navigation.Network"]}')");
        await Assertions.Expect(nimic.Locator("h1")).ToHaveTextAsync(German["Authorities.Network.Title", ("country", "Deutschland")]);
        await Assertions.Expect(nimic.Locator("[data-testid=network] li li").Filter(new() { HasText = "IMI-Koordinator Bayern" }))
            .ToContainTextAsync(German["Authorities.Network.Region", ("region", "Bayern")]);
        await nimic.AssertAccessibleAsync();

        // Registering with nothing filled in: each message next to its field; what was typed stays.
        await nimic.ClickAsync("[data-testid=register-link]");
        await nimic.WaitForURLAsync(new Regex("coordination/register$"));
        await nimic.FillAsync("input[data-testid=informal-title]", "Koordinator für Hamburg");
        await nimic.ClickAsync("[data-testid=register-authority]");
        await Assertions.Expect(nimic.GetByText(German["Authorities.Register.Validation.OfficialTitleRequired"])).ToBeVisibleAsync();
        await Assertions.Expect(nimic.Locator("[data-testid=areas-error]")).ToHaveTextAsync(German["Refusals.Coordination.AreasRequired"]);
        await Assertions.Expect(nimic.Locator("input[data-testid=informal-title]")).ToHaveValueAsync("Koordinator für Hamburg");
        await nimic.AssertAccessibleAsync();

        await RequestSteps.ChooseAsync(nimic, "kind", German["Authorities.Kinds.Dimic"]);
        await FillAuthorityAsync(nimic, "Behörde für Wirtschaft und Innovation Hamburg", "imi@bwi.demo.de", region: "Hamburg");
        await FillFirstUserAsync(nimic, "Henrik", "Jansen", "henrik.jansen@bwi.demo.de");
        var dimicUsername = await RegisterAsync(nimic, "Koordinator für Hamburg", "Henrik Jansen", "henrik.jansen@bwi.demo.de");
        Assert.Matches("^DE-HJ-[0-9]{5}$", dimicUsername);

        // The DIMIC's first user: the password by e-mail (never the username), their own credentials, then a chamber.
        var dimic = await Browser.NewPageAsync(server);
        await SignInJourney.FirstSignInAsync(dimic, dimicUsername, await SignInJourney.TemporaryPasswordAsync(server.Inbox, "henrik.jansen@bwi.demo.de"),
            "Hamburg-Koordination-1", "246813579024");
        Assert.DoesNotContain(dimicUsername, server.Inbox.Messages().Single(m => m.To.Contains("henrik.jansen@bwi.demo.de")).Text);
        await dimic.GotoAsync("coordination/register");
        await dimic.WaitForCircuitAsync();
        await FillAuthorityAsync(dimic, "Handelskammer Hamburg", "imi@hk24.demo.de");
        await dimic.FillAsync("input[data-testid=informal-title]", "Kammer für Handel und Gewerbe in Hamburg");
        await FillFirstUserAsync(dimic, "Greta", "Lind", "greta.lind@hk24.demo.de");
        var chamberUsername = await RegisterAsync(dimic, "Kammer für Handel und Gewerbe in Hamburg", "Greta Lind", "greta.lind@hk24.demo.de");
        await dimic.AssertAccessibleAsync();

        // The chamber's first user signs in and meets the setup checklist, nothing done yet.
        var chamber = await Browser.NewPageAsync(server);
        await SignInJourney.FirstSignInAsync(chamber, chamberUsername, await SignInJourney.TemporaryPasswordAsync(server.Inbox, "greta.lind@hk24.demo.de"),
            "Handelskammer-Hamburg-1", "135792468013");
        await chamber.GotoAsync("setup");
        await chamber.WaitForCircuitAsync();
        await Assertions.Expect(chamber.Locator("[data-testid=checklist-step-1]")).ToHaveAttributeAsync("data-state", "NotYet");

        // The tree now has the DIMIC below the NIMIC, coordinating the chamber in professional qualifications.
        await nimic.GotoAsync("coordination/network");
        await nimic.WaitForCircuitAsync();
        var hamburg = nimic.Locator("[data-testid=network] li li").Filter(new() { HasText = "Koordinator für Hamburg" });
        await Assertions.Expect(hamburg).ToContainTextAsync(German["Authorities.Network.Authorities", ("area", "Berufsqualifikationen"), ("count", 1)]);
        await Assertions.Expect(hamburg).ToContainTextAsync(German["Authorities.Network.Region", ("region", "Hamburg")]);
    }

    private static async Task FillAuthorityAsync(IPage page, string officialTitle, string email, string? region = null)
    {
        await page.FillAsync("input[data-testid=official-title]", officialTitle);
        await page.FillAsync("input[data-testid=authority-email]", email);
        if (region is not null)
            await page.FillAsync("input[data-testid=region]", region);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = German["Authorities.Register.AccessTo", ("area", "Berufsqualifikationen")] }).CheckAsync();
    }

    private static async Task FillFirstUserAsync(IPage page, string given, string family, string email)
    {
        await page.FillAsync("input[data-testid=first-given-name]", given);
        await page.FillAsync("input[data-testid=first-family-name]", family);
        await page.FillAsync("input[data-testid=first-email]", email);
    }

    /// <summary>Registers, waits for the confirmation, and returns the username shown (to the administrator only).</summary>
    private static async Task<string> RegisterAsync(IPage page, string informalTitle, string firstUser, string email)
    {
        await page.ClickAsync("[data-testid=register-authority]");
        var username = (await page.Locator("[data-testid=registered-username]").TextContentAsync())!.Trim();
        await Assertions.Expect(page.Locator("[data-testid=registration-message]")).ToHaveTextAsync(German["Notices.Coordination.AuthorityRegistered",
            ("authority", informalTitle), ("name", firstUser), ("email", email), ("username", username)]);
        return username;
    }
}
