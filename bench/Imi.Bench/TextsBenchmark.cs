using System.Diagnostics;
using System.Globalization;
using Imi.Infrastructure.Localization;

namespace Imi.Bench;

/// <summary>
/// What the catalogue costs a page: loading it once, and each text a page writes (a plain text, one with
/// values, a plural text), over every key in every language, as a page does it (the reader's culture).
/// </summary>
public static class TextsBenchmark
{
    public static void Run()
    {
        var load = Stopwatch.StartNew();
        var catalog = TextCatalog.Shipped;
        load.Stop();
        var english = catalog.TextsOf("en");
        var plain = english.Where(t => t.Value.Single is { } s && !s.Contains('{')).Select(t => t.Key).ToArray();
        var withValues = english.Where(t => t.Value.Single is { } s && s.Contains('{')).Select(t => t.Key).ToArray();
        var plural = english.Where(t => t.Value.Plural is not null).Select(t => t.Key).ToArray();
        Console.WriteLine($"Catalogue: {english.Count} keys × {catalog.Languages.Count} languages, loaded in {load.Elapsed.TotalMilliseconds:0} ms");

        var texts = new Texts(catalog);
        foreach (var (name, keys, args) in new (string, string[], TextArg[])[]
        {
            ("plain text", plain, []),
            ("text with values", withValues, [("count", 3), ("date", new DateOnly(2026, 12, 31)), ("name", "Ada"), ("user", "Ada"), ("authority", "X")]),
            ("plural text", plural, [("count", 3)]),
        })
        {
            var lookups = 0L;
            var watch = Stopwatch.StartNew();
            for (var round = 0; round < 20; round++)
                foreach (var language in PortalLanguages.Codes)
                {
                    CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = PortalLanguages.CultureOf(language);
                    foreach (var key in keys)
                    {
                        _ = args.Length == 0 ? texts[key] : texts[key, args];
                        lookups++;
                    }
                }
            watch.Stop();
            Console.WriteLine($"  {name,-18} {watch.Elapsed.TotalNanoseconds / lookups,8:0} ns per text ({lookups:N0} texts)");
        }
    }
}
