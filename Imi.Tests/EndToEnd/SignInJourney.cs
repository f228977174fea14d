using System.Text.RegularExpressions;
using Imi.Tests.Support;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>What a person does to sign in, step by step.</summary>
public static class SignInJourney
{
    /// <summary>
    /// Waiting for an address, never for the load event: a page that was there sometimes never reported "load" within
    /// the timeout after a navigation Blazor's script made. Not <c>WaitForURLAsync(…, Commit)</c> either: when the
    /// address already matches, Playwright for .NET (1.64) waits for a load state instead, and "commit" is not one, so it
    /// waits for "load" (a clean-clone run timed out there). The assertion polls the address. Each step then waits for
    /// what the person waits for.
    /// </summary>
    private static Task AtAsync(IPage page, string address) => Assertions.Expect(page).ToHaveURLAsync(new Regex(address));

    public static async Task EnterPasswordAsync(IPage page, string username, string password)
    {
        await page.GotoAsync("account/sign-in");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
    }

    /// <summary>Reads the three positions asked ("Digit 4") and types those digits of <paramref name="code"/>.</summary>
    public static async Task<int[]> EnterSecurityCodeDigitsAsync(IPage page, string code)
    {
        await AtAsync(page, "account/security-code");
        await page.Locator("#digit3").WaitForAsync();
        var positions = new int[3];
        for (var i = 1; i <= 3; i++)
        {
            var label = await page.TextContentAsync($"[data-testid=position-{i}]");
            positions[i - 1] = int.Parse(Regex.Match(label!, "[0-9]+").Value);
            await page.FillAsync($"#digit{i}", code[positions[i - 1] - 1].ToString());
        }
        await page.ClickAsync("[data-testid=code-submit]");
        return positions;
    }

    /// <summary>Signs out from the shell (confirming if the portal asks to), and waits for the signed-out page.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=sign-out]");
        await AtAsync(page, "account/(signed-out|confirm-sign-out)");
        if (page.Url.Contains("confirm-sign-out"))
            await page.ClickAsync("[data-testid=confirm-sign-out]");
        await AtAsync(page, "account/signed-out");
        await page.Locator("h1").WaitForAsync();
    }

    public static async Task SignInAsync(IPage page, string username, string password, string code)
    {
        await EnterPasswordAsync(page, username, password);
        await EnterSecurityCodeDigitsAsync(page, code);
        await page.WaitForCircuitAsync();
    }

    /// <summary>The temporary password of the <paramref name="nth"/> latest e-mail to <paramref name="email"/>, once it arrived over SMTP.</summary>
    public static async Task<string> TemporaryPasswordAsync(Imi.Infrastructure.Mail.LocalInbox inbox, string email, int nth = 1)
    {
        var mail = await Eventually.ReturnsAsync(
            () => inbox.Messages().Where(m => m.To.Contains(email)).Reverse().Skip(nth - 1).FirstOrDefault(),
            timeout: TimeSpan.FromSeconds(20), what: $"the temporary-password e-mail to {email}");
        return Regex.Match(mail.Text, "[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}").Value;
    }

    /// <summary>A new user's first sign-in: the temporary password, then their own password and security code.</summary>
    public static async Task FirstSignInAsync(IPage page, string username, string temporaryPassword, string password, string code)
    {
        await EnterPasswordAsync(page, username, temporaryPassword);
        await AtAsync(page, "account/first-sign-in");
        await page.Locator("#new-password").WaitForAsync();
        await page.FillAsync("#new-password", password);
        await page.FillAsync("#confirm-password", password);
        await page.FillAsync("#security-code", code);
        await page.FillAsync("#confirm-code", code);
        await page.ClickAsync("[data-testid=credentials-submit]");
        await page.WaitForCircuitAsync();
    }
}
