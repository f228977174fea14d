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
