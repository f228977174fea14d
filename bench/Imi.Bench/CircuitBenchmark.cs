using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Imi.Bench;

/// <summary>
/// Many signed-in users with a page open (issue 13): <see cref="LoadCircuit"/>s over real SignalR connections against a
/// running portal — three in four on the action list (demo handlers), one in four on the allocation board (the
/// allocator of the board <c>--board-page</c> filled). At each step (50, 100, 200 circuits) it measures the portal's
/// managed heap after a full collection (<c>dotnet-gcdump</c>, which collects first) and the process's resident memory,
/// then lets every circuit click about every five seconds for a while (a kind chip on the action list: the list read
/// again; "Capacity and absence" on the board) and times each click until the next render batch.
/// </summary>
public static partial class CircuitBenchmark
{
    private static readonly string[] Handlers = ["demo.ie.kingsinns", "demo.de.handler", "demo.fr.handler", "demo.ie.handler", "demo.de.ihk"];
    private const string Allocator = "demo.de.allocator";

    /// <param name="boardShare">Every how many-th circuit opens the board (4: one in four; 1: all; 0: none).</param>
    /// <param name="reports">A folder to keep each step's <c>dotnet-gcdump report</c> in (per-type sizes, to compare two runs); null: none kept.</param>
    public static async Task RunAsync(Uri portal, int portalProcess, string gcdump, int[] steps, TimeSpan clicking, int boardShare = 4, string? reports = null)
    {
        var timeout = TimeSpan.FromSeconds(60);
        var users = new Dictionary<string, CookieContainer>();
        foreach (var user in Handlers.Append(Allocator))
            users[user] = await SignInAsync(portal, user);
        Console.WriteLine($"Portal {portal} (process {portalProcess}); {string.Join(", ", users.Keys)} signed in");

        var (heap0, rss0) = await MemoryAsync(portalProcess, gcdump, reports, 0);
        Console.WriteLine($"No circuit: managed heap {heap0 / 1024.0 / 1024:F1} MB, resident {rss0 / 1024.0 / 1024:F1} MB");
        Console.WriteLine("| circuits | heap MB | heap per circuit KB (over none) | heap per added circuit KB | resident MB | resident per circuit KB | clicks | click p50 ms | p95 ms | p99 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var (lastHeap, lastCount) = (heap0, 0);

        var circuits = new List<(LoadCircuit Circuit, string Click)>();
        try
        {
            foreach (var step in steps)
            {
                var opening = Stopwatch.StartNew();
                while (circuits.Count < step)
                {
                    // Opened a few at a time, as users arrive.
                    var batch = Enumerable.Range(circuits.Count, Math.Min(10, step - circuits.Count)).Select(async i =>
                    {
                        var onBoard = boardShare > 0 && i % boardShare == boardShare - 1;
                        var user = onBoard ? Allocator : Handlers[i % Handlers.Length];
                        var circuit = await LoadCircuit.OpenAsync(portal, users[user], onBoard ? "requests/allocation" : "requests", timeout);
                        return (circuit, onBoard ? "board-columns-PQ" : "");
                    });
                    circuits.AddRange(await Task.WhenAll(batch));
                }
                // The board's cards come after its first render: wait until every circuit knows what it will click.
                foreach (var (circuit, click) in circuits.Where(c => c.Click != "" && !c.Circuit.CanClick(c.Click)))
                    await WaitUntilAsync(() => circuit.CanClick(click), timeout);
                var openedIn = opening.Elapsed;

                var (heap, rss) = await MemoryAsync(portalProcess, gcdump, reports, step);
                var times = await ClickAsync(circuits, clicking, timeout);
                var errors = circuits.Count(c => c.Circuit.Error is not null);
                Console.WriteLine($"| {step} | {heap / 1024.0 / 1024:F1} | {(heap - heap0) / 1024.0 / step:F0} | {(heap - lastHeap) / 1024.0 / (step - lastCount):F0} | {rss / 1024.0 / 1024:F1} | {(rss - rss0) / 1024.0 / step:F0} " +
                    $"| {times.Length} | {Percentile(times, 0.5):F1} | {Percentile(times, 0.95):F1} | {Percentile(times, 0.99):F1} | {errors} |");
                Console.Error.WriteLine($"  ({step} circuits opened in {openedIn.TotalSeconds:F1} s)");
                (lastHeap, lastCount) = (heap, step);
                if (circuits.FirstOrDefault(c => c.Circuit.Error is not null).Circuit is { } failed)
                    Console.Error.WriteLine($"  first error: {failed.Error}");
            }
        }
        finally
        {
            await Task.WhenAll(circuits.Select(c => c.Circuit.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Every circuit clicks at random moments, about every five seconds, for <paramref name="duration"/>.</summary>
    private static async Task<double[]> ClickAsync(List<(LoadCircuit Circuit, string Click)> circuits, TimeSpan duration, TimeSpan timeout)
    {
        var times = new List<double>();
        var end = DateTime.UtcNow + duration;
        await Task.WhenAll(circuits.Select(async (c, i) =>
        {
            var random = new Random(i);
            var clicks = 0;
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2_500, 7_500)));
                if (DateTime.UtcNow > end)
                    return;
                var click = c.Click != "" ? c.Click : ActionListClick(c.Circuit, clicks++);
                if (click is null)
                    continue;
                var ms = await c.Circuit.ClickAsync(click, timeout);
                lock (times)
                    times.Add(ms);
            }
        }));
        return [.. times];
    }

    // On the action list: a kind chip, then "all", in turn (each reads the list again and shows it filtered otherwise;
    // choosing the chosen chip again changes nothing, so nothing would be rendered).
    private static string? ActionListClick(LoadCircuit circuit, int click) =>
        click % 2 == 1 && circuit.CanClick("count-all") ? "count-all" : circuit.Clickable("count-To") ?? circuit.Clickable("count-");

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
                throw new TimeoutException("A circuit's page did not render what it clicks.");
            await Task.Delay(20);
        }
    }

    /// <summary>The portal's managed heap after a full collection (a gcdump collects first) and its resident set, in bytes.</summary>
    private static async Task<(long Heap, long Resident)> MemoryAsync(int process, string gcdump, string? reports, int circuits)
    {
        var file = Path.Combine(Path.GetTempPath(), $"imi-bench-{process}.gcdump");
        using (var collect = Process.Start(new ProcessStartInfo(gcdump, $"collect -p {process} -o {file}") { RedirectStandardOutput = true })!)
        {
            await collect.StandardOutput.ReadToEndAsync();
            await collect.WaitForExitAsync();
        }
        using var report = Process.Start(new ProcessStartInfo(gcdump, $"report {file}") { RedirectStandardOutput = true })!;
        var text = await report.StandardOutput.ReadToEndAsync();
        await report.WaitForExitAsync();
        File.Delete(file);
        if (reports is not null)
            await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(reports).FullName, $"circuits-{circuits}.txt"), text);
        // The report's first line: "<size>  GC Heap bytes"; its lines are "<size>  <count>  <type>".
        var heap = TotalPattern().Match(text) is { Success: true } m
            ? long.Parse(m.Groups[1].Value.Replace(",", ""))
            : throw new InvalidOperationException("dotnet-gcdump report: " + text[..Math.Min(400, text.Length)]);
        var status = await File.ReadAllTextAsync($"/proc/{process}/status");
        var rss = long.Parse(ResidentPattern().Match(status).Groups[1].Value) * 1024;
        return (heap, rss);
    }

    private static async Task<CookieContainer> SignInAsync(Uri portal, string username)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal };
        var form = await http.GetStringAsync("account/sign-in");
        var answer = await http.PostAsync("account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = Token(form),
            ["Input.Username"] = username, ["Input.Password"] = Imi.Infrastructure.Demo.DemoNetwork.Password,
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{username}: the password was not taken ({answer.StatusCode}).");
        var page = await http.GetStringAsync("account/security-code");
        var positions = PositionPattern().Matches(page).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var code = Imi.Infrastructure.Demo.DemoNetwork.SecurityCode;
        var signedIn = await http.PostAsync("account/security-code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "security-code", ["__RequestVerificationToken"] = Token(page),
            ["Input.Digit1"] = code[positions[0] - 1].ToString(), ["Input.Digit2"] = code[positions[1] - 1].ToString(),
            ["Input.Digit3"] = code[positions[2] - 1].ToString(),
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{username}: the security code was not taken ({signedIn.StatusCode}).");
        return cookies;
    }

    private static string Token(string page) => TokenPattern().Match(page).Groups[1].Value;

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"position-[123]\"[^>]*>[^0-9<]*([0-9]+)")]
    private static partial Regex PositionPattern();

    [GeneratedRegex("([0-9,]+)\\s+GC Heap bytes")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("VmRSS:\\s+([0-9]+) kB")]
    private static partial Regex ResidentPattern();
}
