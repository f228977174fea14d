using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Imi.Bench;

/// <summary>
/// How long a page takes until the user sees its data, in Chromium against a running portal (<c>./imi run</c>):
/// from the navigation until the page's data is on screen (the circuit connected, the data loaded and
/// rendered), the median of several rounds. Run it against two builds (the same demo data) to compare them.
/// Uses only what both the portal before and after issue 10 have: the sign-in form, data-testids.
/// </summary>
public static class PageBenchmark
{
    public static async Task RunAsync(Uri portal, string username, string password, string securityCode, string locale, int rounds)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("IMI_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
        });
        var context = await browser.NewContextAsync(new() { BaseURL = portal.ToString(), Locale = locale });
        var page = await context.NewPageAsync();

        var signIn = await TimeAsync(rounds, async () =>
        {
            await context.ClearCookiesAsync();
            await page.GotoAsync("account/sign-in");
        }, () => page.Locator("#username").WaitForAsync());
        await SignInAsync(page, username, password, securityCode);

        await page.GotoAsync("requests");
        await page.Locator("[data-testid=action-item] a").First.WaitForAsync();
        var exchange = await page.Locator("[data-testid=action-item] a").First.GetAttributeAsync("href");

        var results = new List<(string Page, double[] Ms)>
        {
            ("sign-in page (static)", signIn),
            ("home", await NavigateAsync(page, "", "[data-testid=home-roles]", rounds)),
            ("requests: action list", await NavigateAsync(page, "requests", "[data-testid=action-item]", rounds)),
            ("one exchange", await NavigateAsync(page, exchange!, "[data-testid=actions]", rounds)),
            ("set-up checklist", await NavigateAsync(page, "setup", "[data-testid=checklist-step-1]", rounds)),
        };

        Console.WriteLine($"Portal {portal}, {username}, browser locale {locale}, <html lang=\"{await page.Locator("html").GetAttributeAsync("lang")}\">, {rounds} rounds (first round dropped)");
        Console.WriteLine("| page | median ms | p90 ms |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, ms) in results)
            Console.WriteLine($"| {name} | {Percentile(ms, 0.5):F0} | {Percentile(ms, 0.9):F0} |");
    }

    /// <summary>
    /// The allocation board in Chromium (issue 13): from the navigation until every card of the not-allocated column is
    /// on screen, and a drag's acknowledgement (from the start of the drag until the card shows in the handler's column:
    /// saved, the board read again and rendered), each followed by one back to "not allocated" (also timed), against a portal whose board <see cref="AllocationBenchmark"/>
    /// filled (<c>--board-page</c>).
    /// </summary>
    public static async Task BoardAsync(Uri portal, string username, string password, string securityCode, IReadOnlyList<Guid> requests, Guid handler, string handlerName, int rounds)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("IMI_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
        });
        var context = await browser.NewContextAsync(new() { BaseURL = portal.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, username, password, securityCode);
        var unallocated = "[data-testid=column-unallocated] [data-testid=board-card]";
        // How many cards the not-allocated column holds (its heading says; the board shows at most 500 in all).
        await page.GotoAsync("requests/allocation");
        var heading = await page.Locator("[data-testid=column-unallocated] h3").TextContentAsync();
        var shown = int.Parse(Regex.Match(heading!, "[0-9]+").Value);
        var render = await TimeAsync(rounds, () => page.GotoAsync("requests/allocation"),
            () => page.Locator(unallocated).Nth(shown - 1).WaitForAsync(new() { Timeout = 60_000 }));

        var moves = new List<double>();
        var backs = new List<double>();
        var candidates = new Queue<Guid>(requests);
        for (var i = 0; i <= rounds; i++)
        {
            // The next of the benchmark's requests that is on the board, not allocated.
            ILocator card;
            Guid id;
            do
            {
                id = candidates.Dequeue();
                card = page.Locator($"{unallocated}:has(a[href='requests/{id}'])");
            }
            while (await card.CountAsync() == 0);
            var inColumn = page.Locator($"[data-testid=column-{handler}] [data-testid=board-card]:has(a[href='requests/{id}'])");
            // The move by the card's own allocation editor (the keyboard path; a drag from 500 cards down scrolls away).
            await card.GetByTestId("edit-allocation").ClickAsync();
            await page.GetByTestId("allocation-editor").GetByLabel(handlerName).CheckAsync();
            var watch = Stopwatch.StartNew();
            await page.GetByTestId("save-allocation").ClickAsync();
            await inColumn.WaitForAsync();
            if (i > 0)
                moves.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await inColumn.DragToAsync(page.Locator("[data-testid=column-unallocated] h3")); // its heading: the column is 500 cards long
            await card.WaitForAsync();
            if (i > 0)
                backs.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"Portal {portal}, {username}, {shown} cards not allocated on the board, {rounds} rounds (first dropped)");
        Console.WriteLine("| what | median ms | p90 ms | p95 ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, ms) in new[] { ("board: navigation until every card shows", render), ("a move (save in the card's editor) until the card shows in the handler's column", moves.ToArray()), ("a drag back to not allocated until the card shows there", backs.ToArray()) })
            Console.WriteLine($"| {name} | {Percentile(ms, 0.5):F0} | {Percentile(ms, 0.9):F0} | {Percentile(ms, 0.95):F0} |");
    }

    private static async Task SignInAsync(IPage page, string username, string password, string securityCode)
    {
        await page.GotoAsync("account/sign-in");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await page.WaitForURLAsync(new Regex("account/security-code"));
        for (var i = 1; i <= 3; i++)
        {
            var label = await page.TextContentAsync($"[data-testid=position-{i}]");
            var position = int.Parse(Regex.Match(label!, "[0-9]+").Value);
            await page.FillAsync($"#digit{i}", securityCode[position - 1].ToString());
        }
        await page.ClickAsync("[data-testid=code-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/"));
    }

    private static Task<double[]> NavigateAsync(IPage page, string path, string dataShown, int rounds) =>
        TimeAsync(rounds, () => page.GotoAsync(path), () => page.Locator(dataShown).First.WaitForAsync());

    /// <summary>The time from the start of <paramref name="act"/> until <paramref name="done"/>; the first (cold) round is dropped.</summary>
    private static async Task<double[]> TimeAsync(int rounds, Func<Task> act, Func<Task> done)
    {
        var times = new List<double>();
        for (var i = 0; i <= rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await act();
            await done();
            if (i > 0)
                times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return [.. times];
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
    }
}
