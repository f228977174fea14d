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
    /// The allocation board in Chromium (issue 13), against a portal whose board <see cref="AllocationBenchmark"/> filled
    /// (<c>--board-page</c>): from the navigation until the not-allocated column shows its first cards; a move in a card's
    /// editor until the card shows in the handler's column, and a drag back until it shows in "not allocated" (both timed
    /// in the page, from the event; each waits for the server's confirmation before the next); scrolling the column.
    /// </summary>
    /// <param name="other">Another instance of the portal (same database): the board open there too, and each move timed
    /// from the click on this one until the card shows on that one.</param>
    public static async Task BoardAsync(Uri portal, string username, string password, string securityCode, Guid handler, string handlerName, int rounds, Uri? other = null)
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
        // The column renders the cards in its view (it scrolls on its own): the first render is done when they show.
        var render = await TimeAsync(rounds, () => page.GotoAsync("requests/allocation"),
            () => page.Locator(unallocated).Nth(Math.Min(shown, 4) - 1).WaitForAsync(new() { Timeout = 60_000 }));
        // Scrolling the column to its last card, and back to the top.
        var scroll = new List<double>();
        for (var i = 0; i <= rounds; i++)
        {
            foreach (var top in new[] { false, true })
            {
                var ms = await page.EvaluateAsync<double>(ScrollUntilShown, top);
                if (i > 0)
                    scroll.Add(ms);
            }
        }

        IPage? there = null;
        if (other is not null)
        {
            var otherContext = await browser.NewContextAsync(new() { BaseURL = other.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
            there = await otherContext.NewPageAsync();
            await SignInAsync(there, username, password, securityCode);
            await there.GotoAsync("requests/allocation");
            await there.Locator(unallocated).First.WaitForAsync();
        }
        var moves = new List<double>();
        var backs = new List<double>();
        var reached = new List<double>();
        for (var i = 0; i <= rounds; i++)
        {
            // The first card of the not-allocated column (in view at its top; it comes back there after the drag back).
            var href = await page.Locator(unallocated).First.Locator("a[href^='requests/']").GetAttributeAsync("href");
            var id = Guid.Parse(href!["requests/".Length..]);
            var card = page.Locator($"{unallocated}:has(a[href='requests/{id}'])");
            var inColumn = page.Locator($"[data-column='{handler}'] [data-testid=board-card]:has(a[href='requests/{id}'])");
            // The move by the card's own allocation editor (the keyboard path; a drag from 500 cards down scrolls away).
            // (A card at the column's edge moves while the column renders the cards scrolled into view: click again then.)
            var editor = page.GetByTestId("allocation-editor");
            for (var tries = 0; await editor.CountAsync() == 0 && tries < 3; tries++)
            {
                await card.GetByTestId("edit-allocation").ClickAsync();
                await editor.WaitForAsync(new() { Timeout = 5_000 }).ContinueWith(_ => { });
            }
            await page.GetByTestId("allocation-editor").GetByLabel(handlerName).CheckAsync();
            if (there is not null)
                await there.EvaluateAsync(WatchFor, $"[data-column='{handler}'] [data-testid=board-card] a[href='requests/{id}']");
            // Timed in the page: from the click until the card is in the handler's column (Playwright's own checks left out).
            var ms = await page.EvaluateAsync<double>(ClickUntilShown,
                new[] { "[data-testid=save-allocation]", $"[data-column='{handler}'] [data-testid=board-card] a[href='requests/{id}']" });
            if (i > 0)
                moves.Add(ms);
            if (there is not null)
            {
                // The same card on the other instance's board: its change feed heard the commit, read the board, rendered.
                var seen = await there.EvaluateAsync<double>("() => window.imiSeen");
                if (i > 0)
                    reached.Add(seen - await page.EvaluateAsync<double>("() => window.imiClickedAt"));
            }
            await Confirmed(page);
            // The drag, as the browser's events (a drag by Playwright's mouse takes longer than the board's answer).
            ms = await page.EvaluateAsync<double>(DragUntilShown,
                new[] { $"[data-column='{handler}'] [data-testid=board-card]:has(a[href='requests/{id}'])", "[data-testid=column-unallocated]",
                    $"[data-testid=column-unallocated] [data-testid=board-card] a[href='requests/{id}']" });
            if (i > 0)
                backs.Add(ms);
            await Confirmed(page);
        }
        Console.WriteLine($"Portal {portal}, {username}, {shown} cards not allocated on the board, {rounds} rounds (first dropped)");
        Console.WriteLine("| what | median ms | p90 ms | p95 ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, ms) in new[] { ("board: navigation until the not-allocated column shows its first cards", render), ("a move (save in the card's editor) until the card shows in the handler's column", moves.ToArray()), ("a drag back to not allocated until the card shows there", backs.ToArray()),
                     ("the not-allocated column scrolled to its end (or back to its top) until the cards there show", scroll.ToArray()),
                     ($"the move shown on the board open on the other instance ({other}), from the click", reached.ToArray()) }.Where(m => m.Item2.Length > 0))
            Console.WriteLine($"| {name} | {Percentile(ms, 0.5):F0} | {Percentile(ms, 0.9):F0} | {Percentile(ms, 0.95):F0} |");
    }

    /// <summary>Clicks the first element and resolves, with the milliseconds taken, when the second exists (a DOM change observed).</summary>
    private const string ClickUntilShown = """
        ([click, shown]) => new Promise(resolve => {
            const start = performance.now();
            window.imiClickedAt = performance.timeOrigin + start;
            const observer = new MutationObserver(() => {
                if (document.querySelector(shown)) { observer.disconnect(); resolve(performance.now() - start); }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            document.querySelector(click).click();
        })
        """;

    /// <summary>Starts watching for an element; <c>window.imiSeen</c> resolves to the moment (ms since the epoch) it shows.</summary>
    private const string WatchFor = """
        shown => {
            window.imiSeen = new Promise(resolve => {
                const observer = new MutationObserver(() => {
                    if (document.querySelector(shown)) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()); }
                });
                observer.observe(document.body, { childList: true, subtree: true });
            });
        }
        """;

    /// <summary>
    /// Scrolls the not-allocated column to its end (or its top) and resolves when a card is rendered there (the column
    /// renders only the cards in view, and more as it scrolls).
    /// </summary>
    private const string ScrollUntilShown = """
        toTop => new Promise(resolve => {
            const column = document.querySelector('[data-testid=unallocated-cards]');
            const start = performance.now();
            column.scrollTop = toTop ? 0 : column.scrollHeight;
            const view = column.getBoundingClientRect();
            const shown = () => [...column.querySelectorAll('[data-testid=board-card]')].some(card => {
                const r = card.getBoundingClientRect();
                return toTop ? r.top >= view.top && r.top < view.top + 50 : r.bottom <= view.bottom && r.bottom > view.bottom - 200;
            });
            const check = () => shown() ? resolve(performance.now() - start) : requestAnimationFrame(check);
            check();
        })
        """;

    /// <summary>The board shows a move at once; the next one waits until the server confirmed it (the board no longer busy).</summary>
    private static Task Confirmed(IPage page) => page.Locator("section[data-live-refreshes][aria-busy=false]").First.WaitForAsync();

    /// <summary>Drags the first element onto the second (dragstart, dragenter, dragover, drop) and resolves when the third exists.</summary>
    private const string DragUntilShown = """
        ([dragged, target, shown]) => new Promise(resolve => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
                if (document.querySelector(shown)) { observer.disconnect(); resolve(performance.now() - start); }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            const data = new DataTransfer();
            const fire = (element, type) => element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
            fire(document.querySelector(dragged), 'dragstart');
            const column = document.querySelector(target);
            for (const type of ['dragenter', 'dragover', 'drop']) fire(column, type);
        })
        """;

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
