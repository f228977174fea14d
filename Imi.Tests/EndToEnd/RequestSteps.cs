using Imi.Infrastructure.Demo;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>What a user does on the request pages, step by step.</summary>
internal static class RequestSteps
{
    /// <summary>
    /// A browser page of <paramref name="username"/>, signed in, on the home page with its circuit up. The sign-in itself
    /// goes over HTTP (the same forms, posted as a script would; <see cref="SignInOverHttp"/>) and the browser takes its
    /// cookies: the journeys that start here are about what comes after; the sign-in pages have their own browser tests.
    /// </summary>
    public static async Task<IPage> SignedInAsync(PortalServer server, string username)
    {
        var page = await Browser.NewPageAsync(server);
        using (var http = new SignInOverHttp(server))
        {
            await http.SignInAsync(username, DemoNetwork.Password, DemoNetwork.SecurityCode);
            await page.Context.AddCookiesAsync(http.BrowserCookies());
        }
        await page.GotoAsync("");
        await page.WaitForCircuitAsync();
        return page;
    }

    public static async Task ChooseAsync(IPage page, string selectTestId, string option, bool showsLabel = true)
    {
        // A select clicked while the page is still re-rendering may not open: click again until its list shows.
        var item = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync($"[data-testid={selectTestId}]");
            try
            {
                await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
        await item.ClickAsync();
        // The choice is taken (the select shows it) before anything else is clicked.
        if (showsLabel)
            await Assertions.Expect(page.Locator($"input[data-testid={selectTestId}]")).ToHaveValueAsync(option);
    }

    public static Task FillAsync(IPage page, string testId, string text) =>
        page.Locator($"[data-testid={testId}] textarea, textarea[data-testid={testId}]").First.FillAsync(text);
}
