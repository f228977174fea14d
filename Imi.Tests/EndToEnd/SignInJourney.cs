using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>What a person does to sign in, step by step.</summary>
public static class SignInJourney
{
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
        await page.WaitForURLAsync(new Regex("account/security-code"));
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
        await page.WaitForURLAsync(new Regex("account/(signed-out|confirm-sign-out)"));
        if (page.Url.Contains("confirm-sign-out"))
            await page.ClickAsync("[data-testid=confirm-sign-out]");
        await page.WaitForURLAsync(new Regex("account/signed-out"));
    }

    public static async Task SignInAsync(IPage page, string username, string password, string code)
    {
        await EnterPasswordAsync(page, username, password);
        await EnterSecurityCodeDigitsAsync(page, code);
        await page.WaitForCircuitAsync();
    }
}
