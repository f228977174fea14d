using System.Text.RegularExpressions;
using Imi.Domain.Setup;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Localization;
using Imi.Tests.Support;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>The first of the product's journeys: a new authority's first user walks the guide's checklist.</summary>
[Collection(BrowserCollection.Name)]
public class SetupWizardTests(PortalServer server) : IClassFixture<PortalServer>
{
    // The Irish users read English; Anna Kowalska, the Polish coordinator, reads Polish.
    private static readonly LanguageTexts English = UserTexts.In("en"), Polish = UserTexts.In("pl");

    private Task<string> TemporaryPasswordForAsync(string email, int nth = 1) => SignInJourney.TemporaryPasswordAsync(server.Inbox, email, nth);

    private static async Task OpenStepAsync(IPage page, int step, LanguageTexts? texts = null)
    {
        texts ??= English;
        await page.GotoAsync($"setup/step/{step}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(texts["Setup.Step.Heading", ("number", step), ("title", texts[$"Setup.Steps.S{step:00}.Title"])]);
    }

    private static async Task ExpectSavedAsync(IPage page, string message) =>
        await Assertions.Expect(page.Locator("[data-testid=setup-message]")).ToContainTextAsync(message);

    private static async Task CompleteAsync(IPage page, int step, StepState expectedState = StepState.Done, LanguageTexts? texts = null)
    {
        texts ??= English;
        await page.ClickAsync("[data-testid=complete-step]");
        await ExpectSavedAsync(page, texts["Notices.Setup.StepCompleted", ("step", step)]);
        await Assertions.Expect(page.Locator("[data-testid=step-state]")).ToHaveTextAsync(texts.Name(expectedState));
    }

    private static async Task ChooseKeywordAsync(IPage page, string list, string search, string label, string? chosenAs = null)
    {
        await page.FillAsync($"input[data-testid=search-{list}]", search);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = label, Exact = true }).CheckAsync();
        await page.ClickAsync($"[data-testid=save-{list}]");
        await ExpectSavedAsync(page, "Keywords saved.");
        await Assertions.Expect(page.Locator($"[data-testid=chosen-{list}]")).ToContainTextAsync(chosenAs ?? label);
    }

    [Fact]
    public async Task FirstUser_WalksSteps1To12_RegistersAColleague_WhoSignsIn_AndTheChecklistIsDone()
    {
        const string email = "aisling.kennedy@dentalcouncil.demo.ie";
        var page = await Browser.NewPageAsync(server);
        await SignInJourney.FirstSignInAsync(page, DemoNetwork.NewFirstUsername, await TemporaryPasswordForAsync(email), "Dental-Council-2026", "975318642086");

        // The home page leads to the set-up while it is not finished.
        await page.ClickAsync("[data-testid=home-link-setup]");
        await page.WaitForURLAsync(new Regex("/setup$"));
        await Assertions.Expect(page.Locator("[data-testid=checklist-step-1]")).ToHaveAttributeAsync("data-state", "NotYet");
        await page.AssertAccessibleAsync();

        // 1. General information.
        await OpenStepAsync(page, 1);
        await page.FillAsync("input[data-testid=informal-title]", "Registration body for dentists");
        await page.FillAsync("textarea[data-testid=short-profile]", "Keeps the register of dentists in Ireland and recognises dental qualifications from other EEA countries.");
        await page.FillAsync("input[data-testid=website]", "https://dentalcouncil.demo.ie");
        await page.ClickAsync("[data-testid=save-step]");
        await ExpectSavedAsync(page, "General information saved.");
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 1);

        // 2. Areas of competence; 3. keywords of the legislative area.
        await OpenStepAsync(page, 2);
        await ChooseKeywordAsync(page, "POLICY_AREAS", "health", "Public health");
        await ChooseKeywordAsync(page, "NACE", "human health", "86 Human health activities", chosenAs: "Human health activities");
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 2);
        await OpenStepAsync(page, 3);
        await ChooseKeywordAsync(page, "PQ_PROFESSIONS", "dent", "Dental practitioner");
        await CompleteAsync(page, 3);

        // 4. A linked authority of the same country.
        await OpenStepAsync(page, 4);
        await page.FillAsync("input[data-testid=link-search]", "nurs");
        await page.ClickAsync("button[aria-label='Link Registration body for nurses and midwives']");
        await ExpectSavedAsync(page, "Authority linked.");
        await Assertions.Expect(page.Locator("[data-testid=linked-authorities]")).ToContainTextAsync("Registration body for nurses and midwives");
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 4);

        // 5. The request coordinator registered with the authority; grant it full view.
        await OpenStepAsync(page, 5);
        await page.GetByLabel("Full view (details, never personal data)").ClickAsync();
        await ExpectSavedAsync(page, "Full view granted.");
        await Assertions.Expect(page.GetByLabel("Full view (details, never personal data)")).ToBeCheckedAsync();
        await CompleteAsync(page, 5);

        // 6. Department; 7. users planned (no back-up yet); 8. no allocation.
        await OpenStepAsync(page, 6);
        await page.FillAsync("input[data-testid=department-PQ]", "Registration unit");
        await page.ClickAsync("[data-testid=save-department-PQ]");
        await ExpectSavedAsync(page, "Department saved.");
        await CompleteAsync(page, 6);
        await OpenStepAsync(page, 7);
        await Assertions.Expect(page.Locator("[data-testid=no-backup]")).ToBeVisibleAsync();
        await CompleteAsync(page, 7, expectedState: StepState.NeedsAttention);
        await OpenStepAsync(page, 8);
        await CompleteAsync(page, 8);

        // 10. Register a colleague as request handler; the username is shown here only.
        await OpenStepAsync(page, 10);
        await page.FillAsync("input[data-testid=new-given-name]", "Ciarán");
        await page.FillAsync("input[data-testid=new-family-name]", "Doherty");
        await page.FillAsync("input[data-testid=new-email]", "ciaran.doherty@dentalcouncil.demo.ie");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Request handler for Professional qualifications" }).CheckAsync();
        await page.ClickAsync("[data-testid=register-user]");
        await ExpectSavedAsync(page, "Ciarán Doherty is registered.");
        var colleagueUsername = (await page.TextContentAsync("[data-testid=shown-username]"))!.Trim();
        Assert.Matches("^IE-CD-[0-9]{5}$", colleagueUsername);
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 10);

        // 9. Roles: the colleague is a request handler, the first user keeps every right.
        await OpenStepAsync(page, 9);
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Ciarán Doherty: request handler for Professional qualifications" })).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 9);
        await OpenStepAsync(page, 7);
        await Assertions.Expect(page.Locator("[data-testid=step-state]")).ToHaveTextAsync(English.Name(StepState.Done)); // back-up now ensured

        // 11. Usernames told in person; 12. the colleague has not signed in yet.
        await OpenStepAsync(page, 11);
        await Assertions.Expect(page.Locator("[data-testid=usernames]")).ToContainTextAsync(colleagueUsername);
        await CompleteAsync(page, 11);
        await OpenStepAsync(page, 12);
        await Assertions.Expect(page.Locator("[data-testid=waiting-users]")).ToContainTextAsync("Ciarán Doherty");
        await CompleteAsync(page, 12, expectedState: StepState.NeedsAttention);

        // The colleague: the e-mail over SMTP carries the password, never the username.
        var colleagueMail = await Eventually.ReturnsAsync(
            () => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("ciaran.doherty@dentalcouncil.demo.ie")),
            timeout: TimeSpan.FromSeconds(20), what: "the colleague's temporary-password e-mail");
        Assert.DoesNotContain(colleagueUsername, colleagueMail.Text);
        var colleague = await Browser.NewPageAsync(server);
        await SignInJourney.FirstSignInAsync(colleague, colleagueUsername, await TemporaryPasswordForAsync("ciaran.doherty@dentalcouncil.demo.ie"),
            "Doherty-Password-1", "864209753186");
        await Assertions.Expect(colleague.Locator("h1")).ToContainTextAsync("Welcome, Ciarán Doherty");

        // Every step of the checklist is now done.
        await page.GotoAsync("setup");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=setup-complete]")).ToBeVisibleAsync();
        for (var step = 1; step <= 12; step++)
            await Assertions.Expect(page.Locator($"[data-testid=checklist-step-{step}]")).ToHaveAttributeAsync("data-state", "Done");
        Assert.Equal(0, await page.Locator("[data-testid=checklist-step-13]").CountAsync()); // not a coordinator
    }

    [Fact]
    public async Task Coordinator_DecidesSteps13To15()
    {
        var page = await Browser.NewPageAsync(server);
        await SignInJourney.SignInAsync(page, "demo.pl.coordinator", DemoNetwork.Password, DemoNetwork.SecurityCode);

        // Every text in Polish; the legislative area's name ("Usługi") is reference data, already in Polish.
        await OpenStepAsync(page, 13, Polish);
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = Polish["Setup.RolesEditor.Box.DataAdministrator", ("user", "Anna Kowalska"), ("area", "Usługi")] })).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 13, texts: Polish);

        await OpenStepAsync(page, 14, Polish);
        var notTakingPart = page.GetByRole(AriaRole.Radio, new() { Name = Polish["Setup.Step14.No"] }).Nth(1);
        await notTakingPart.ClickAsync();
        await ExpectSavedAsync(page, Polish["Notices.Setup.ReferralSaved"]);
        await Assertions.Expect(notTakingPart).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 14, texts: Polish);

        await OpenStepAsync(page, 15, Polish);
        var approveRequests = page.Locator("input[data-testid=approve-requests-PQ], [data-testid=approve-requests-PQ] input");
        await approveRequests.ClickAsync();
        await ExpectSavedAsync(page, Polish["Notices.Setup.ApprovalSaved"]);
        await Assertions.Expect(approveRequests).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await CompleteAsync(page, 15, texts: Polish);

        await page.GotoAsync("setup");
        await page.WaitForCircuitAsync();
        foreach (var step in new[] { 13, 14, 15 })
            await Assertions.Expect(page.Locator($"[data-testid=checklist-step-{step}]")).ToHaveAttributeAsync("data-state", "Done");
    }

    [Fact]
    public async Task BasicUser_ReadsTheWizard_WithoutControls()
    {
        var page = await Browser.NewPageAsync(server);
        await SignInJourney.SignInAsync(page, "demo.ie.basic", DemoNetwork.Password, DemoNetwork.SecurityCode);

        await OpenStepAsync(page, 1);
        await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid=save-step]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=complete-step]").CountAsync());
        await page.AssertAccessibleAsync();
    }
}
