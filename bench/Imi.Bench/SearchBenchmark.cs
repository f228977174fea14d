using System.Diagnostics;
using Imi.Domain.Authorities;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace Imi.Bench;

/// <summary>
/// Searches as officials would: keyword labels and words from profiles in random EU languages,
/// sometimes without accents or with a typo, half of them with filters; measures each search end
/// to end (query, ranking, first page of 20, reading the rows).
/// </summary>
public sealed class SearchBenchmark(IDbContextFactory<ImiDbContext> contexts, AuthoritySearch search)
{
    public async Task<BenchmarkResult> RunAsync(int queries, int concurrency, int seed = 7)
    {
        var random = new Random(seed);
        await using var db = await contexts.CreateDbContextAsync();
        var labels = (await db.Keywords.AsNoTracking().ToListAsync())
            .SelectMany(k => k.Labels).Select(l => (Language: l.Key, Text: l.Value)).ToList();
        var countries = await db.Countries.AsNoTracking().Select(c => c.Code).ToListAsync();

        SearchQuery Next(Random r)
        {
            var (language, label) = labels[r.Next(labels.Count)];
            var words = label.Split([' ', ',', '(', ')', ';', '·'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToArray();
            var text = words.Length == 0 ? label : string.Join(' ', words.Take(r.Next(1, 3)));
            text = r.Next(4) switch
            {
                0 => RemoveAccents(text),
                1 when text.Length > 6 => text.Remove(r.Next(2, text.Length - 2), 1), // a typo
                _ => text,
            };
            var filtered = r.NextDouble() < 0.5;
            return new SearchQuery(text, language,
                CountryCode: filtered && r.NextDouble() < 0.7 ? countries[r.Next(countries.Count)] : null,
                Level: filtered && r.NextDouble() < 0.3 ? (AuthorityLevel)r.Next(3) : null,
                LegislativeAreaCode: filtered && r.NextDouble() < 0.4 ? (r.Next(2) == 0 ? "PQ" : "SERVICES") : null);
        }

        for (var i = 0; i < 100; i++) // warm-up: connection pool, plans, caches
            await search.SearchAsync(Next(random));

        var plan = Enumerable.Range(0, queries).Select(_ => Next(random)).ToArray();
        return await Latency.MeasureAsync(queries, concurrency, i => search.SearchAsync(plan[i]));
    }

    private static string RemoveAccents(string text) => new(text.Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
}

public sealed record BenchmarkResult(int Queries, int Concurrency, double P50, double P95, double P99, double Max, double PerSecond, string Unit = "searches")
{
    public override string ToString() =>
        $"{Queries} {Unit}, {Concurrency} at a time: p50 {P50:N1} ms, p95 {P95:N1} ms, p99 {P99:N1} ms, max {Max:N1} ms, {PerSecond:N0} {Unit}/s";
}

/// <summary>Runs one piece of work <c>count</c> times from <c>concurrency</c> clients and reports the latency percentiles.</summary>
public static class Latency
{
    public static async Task<BenchmarkResult> MeasureAsync(int count, int concurrency, Func<int, Task> work, string unit = "searches")
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var watch = Stopwatch.StartNew();
                await work(i);
                latencies[i] = watch.Elapsed.TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        double P(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
        return new BenchmarkResult(count, concurrency, P(0.50), P(0.95), P(0.99), latencies[^1], count / total.Elapsed.TotalSeconds, unit);
    }
}
