using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Imi.Tests.Support;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>One headless Chromium (Debian's) for the whole run; each test gets its own context.</summary>
public static class Browser
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    private static async Task<IBrowser> LaunchAsync()
    {
        // Conditions, not sleeps: but on two cores running the whole suite in parallel, a page
        // can take longer than Playwright's 5 s default to show what it will show.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("IMI_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <param name="locale">The browser's language (its Accept-Language), e.g. "sv-SE"; Playwright's default otherwise.</param>
    public static Task<IPage> NewPageAsync(PortalServer server, string? locale = null) => NewPageAsync(server.BaseAddress, locale);

    /// <param name="baseAddress">Where the pages are: a portal, or a load balancer in front of several.</param>
    public static async Task<IPage> NewPageAsync(Uri baseAddress, string? locale = null)
    {
        var browser = await Shared.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = locale });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Waits until the Blazor circuit is connected (a click before that would be lost).</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Axe finds no serious or critical WCAG 2.1 A/AA violation on the page as it is now, and the page is styled as
    /// MudBlazor means it to be (<see cref="AssertNoStyleLeftOutAsync"/>).
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        await page.AssertNoStyleLeftOutAsync();
        // Every page has a title; after an in-page change Blazor sets it a moment after the content: wait for it.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n",
            serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    // Every selector the build left out of the portal's part of MudBlazor's stylesheet (Imi.Portal.csproj).
    private static readonly Lazy<string[]> SelectorsLeftOut = new(() =>
        File.ReadAllLines(Solution.PathOf("Imi.Portal", "obj", "mudblazor-dropped-selectors.txt")));

    /// <summary>
    /// No rule the build left out of the portal's part of MudBlazor's stylesheet would style the page as it is now (in
    /// any hover or focus state of what it shows): a component the portal starts to use has all its rules.
    /// </summary>
    public static async Task AssertNoStyleLeftOutAsync(this IPage page)
    {
        var needed = await page.EvaluateAsync<string[]>(MatchingSelectorsScript, SelectorsLeftOut.Value);
        Assert.True(needed.Length == 0,
            $"On {page.Url}, rules of MudBlazor's stylesheet that this page needs were left out of the portal's " +
            "(take their family off MudBlazorFamiliesNotRendered in Imi.Portal.csproj):\n" + string.Join("\n", needed.Take(20)));
    }

    // Checks only the selectors whose classes (outside :not and :where) are all on the page; drops the states a page
    // is not in while it is checked (:hover, :focus, ...) and pseudo-elements, so that those rules count too.
    private const string MatchingSelectorsScript = """
        selectors => {
            const present = new Set();
            for (const element of document.querySelectorAll('[class]'))
                for (const name of element.classList) present.add(name);
            const optional = /:(not|where)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|\[[^\]]*\]/g;
            const className = /\.((?:[\w-]|\\.)+)/g;
            const state = /::[\w-]+(?:\([^)]*\))?|:-[a-z]+-[\w-]+|:(?:hover|focus|focus-visible|focus-within|active|visited|link|autofill|before|after|placeholder|first-line|first-letter)(?![\w-])/g;
            const needed = [];
            for (const selector of selectors) {
                const names = [...selector.replace(optional, '').matchAll(className)].map(m => m[1].replace(/\\(.)/g, '$1'));
                if (!names.every(n => present.has(n))) continue;
                let query = selector.replace(state, '').trim();
                if (query === '' || /[>+~]$/.test(query)) query += '*';
                try {
                    if (document.querySelector(query)) needed.push(selector);
                } catch {
                    needed.push(selector + '   (not checkable: ' + query + ')');
                }
            }
            return needed;
        }
        """;
}
