using Imi.Infrastructure.Demo;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>What a user does on the request pages, step by step.</summary>
internal static class RequestSteps
{
    public static async Task<IPage> SignedInAsync(PortalServer server, string username)
    {
        var page = await Browser.NewPageAsync(server);
        await SignInJourney.SignInAsync(page, username, DemoNetwork.Password, DemoNetwork.SecurityCode);
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
