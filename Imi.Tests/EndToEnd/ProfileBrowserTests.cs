using System.Text.RegularExpressions;
using Imi.Infrastructure.Demo;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>"My profile" in Chromium (its own portal and database: users' details and passwords change).</summary>
[Collection(BrowserCollection.Name)]
public class ProfileBrowserTests(PortalServer server) : IClassFixture<PortalServer>
{
    private async Task<IPage> OpenProfileAsync(string username)
    {
        var page = await RequestSteps.SignedInAsync(server, username);
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=my-profile]");
        await page.WaitForURLAsync(new Regex("/profile$"));
        await page.Locator("input[data-testid=profile-phone]").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task AUser_ChangesTheirPhoneAndLanguage_AndSeesThePageInTheNewLanguage()
    {
        var page = await OpenProfileAsync("demo.ie.basic");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-IE");
        await Assertions.Expect(page.Locator("[data-testid=profile-username]")).ToHaveTextAsync("demo.ie.basic");
        await page.AssertAccessibleAsync();

        // The shell's language switcher has native options named the same: take the select's own list item.
        await page.ClickAsync("[data-testid=profile-language]");
        await Assertions.Expect(page.Locator(".mud-popover-open [role=option]").First).ToBeVisibleAsync();
        await page.AssertNoStyleLeftOutAsync(); // the select's list, open, has all its rules
        await page.Locator(".mud-popover-open [role=option]").Filter(new() { HasText = "Deutsch" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=profile-language]")).ToHaveValueAsync("Deutsch");

        // Saving the contact details in between keeps the language picked but not yet saved.
        await page.FillAsync("input[data-testid=profile-phone]", "+353 1 555 0199");
        await page.ClickAsync("[data-testid=profile-contact-save]");
        await Assertions.Expect(page.Locator("[data-testid=profile-contact-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[data-testid=profile-language]")).ToHaveValueAsync("Deutsch");

        await page.ClickAsync("[data-testid=profile-language-save]");
        await page.WaitForURLAsync(new Regex("/profile\\?saved=Language$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.Locator("[data-testid=language-apply]")).ToHaveTextAsync(UserTexts.In("de")["Language.Apply"]);
        await Assertions.Expect(page.Locator("[data-testid=profile-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[data-testid=profile-phone]")).ToHaveValueAsync("+353 1 555 0199");
        await page.AssertAccessibleAsync();

        await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName));
        await using var db = await services.DbAsync();
        var user = await db.ImiUsers.SingleAsync(u => u.Username == "demo.ie.basic");
        Assert.Equal(("de", "+353 1 555 0199"), (user.PreferredLanguageCode, user.Phone));
    }

    [Fact]
    public async Task ANewPassword_NeedsTheCurrentOne_EndsOtherSessions_AndKeepsThisOne()
    {
        var other = await RequestSteps.SignedInAsync(server, "demo.ie.nursing"); // another browser, signed in first
        var page = await OpenProfileAsync("demo.ie.nursing");

        await page.FillAsync("input[data-testid=profile-password-current]", "Not-My-Password-1");
        await page.FillAsync("input[data-testid=profile-password-new]", "Harbour-Lights-77");
        await page.FillAsync("input[data-testid=profile-password-confirm]", "Harbour-Lights-77");
        await page.FillAsync("input[data-testid=profile-phone]", "+353 1 639 8500"); // typed elsewhere, not saved
        await page.ClickAsync("[data-testid=profile-password-save]");
        await Assertions.Expect(page.GetByText("This is not your current password.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[data-testid=profile-password-new]")).ToHaveValueAsync("Harbour-Lights-77");
        await Assertions.Expect(page.Locator("input[data-testid=profile-phone]")).ToHaveValueAsync("+353 1 639 8500");

        await page.FillAsync("input[data-testid=profile-password-current]", DemoNetwork.Password);
        await page.ClickAsync("[data-testid=profile-password-save]");
        await page.WaitForURLAsync(new Regex("/profile\\?saved=Password$"));
        await Assertions.Expect(page.Locator("[data-testid=profile-saved]")).ToContainTextAsync("Your password is changed.");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=shell-user]")).ToBeVisibleAsync(); // still signed in

        await other.ReloadAsync();
        await other.WaitForURLAsync(new Regex("account/sign-in"));
    }
}
