using System.Diagnostics;
using Imi.Domain.ReferenceData;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Imi.Bench;

/// <summary>
/// Fills a database with a network of the real one's shape: authorities in the 30 countries (more
/// in the large ones), at three levels, titled and profiled in their own language from the
/// reference keyword labels, most translated into English and some into two more languages, with
/// keywords, legislative areas and about 3.3 users each. Bulk-loaded with COPY, the search index
/// built once at the end.
/// </summary>
public sealed class NetworkGenerator(IDbContextFactory<ImiDbContext> contexts, NpgsqlDataSource dataSource)
{
    private static readonly Dictionary<string, (int Weight, string Language)> Countries = new()
    {
        ["DE"] = (84, "de"), ["FR"] = (68, "fr"), ["IT"] = (59, "it"), ["ES"] = (48, "es"), ["PL"] = (37, "pl"), ["RO"] = (19, "ro"),
        ["NL"] = (18, "nl"), ["BE"] = (12, "fr"), ["CZ"] = (11, "cs"), ["SE"] = (10, "sv"), ["PT"] = (10, "pt"), ["GR"] = (10, "el"),
        ["HU"] = (10, "hu"), ["AT"] = (9, "de"), ["BG"] = (6, "bg"), ["DK"] = (6, "da"), ["FI"] = (6, "fi"), ["SK"] = (5, "sk"),
        ["IE"] = (5, "en"), ["HR"] = (4, "hr"), ["LT"] = (3, "lt"), ["SI"] = (2, "sl"), ["LV"] = (2, "lv"), ["EE"] = (2, "et"),
        ["CY"] = (1, "el"), ["LU"] = (1, "fr"), ["MT"] = (1, "mt"), ["NO"] = (5, "no"), ["IS"] = (1, "is"), ["LI"] = (1, "de"),
    };

    private static readonly string[] Levels = ["National", "Regional", "Local"];

    public async Task GenerateAsync(int authorities, int seed = 2026)
    {
        var random = new Random(seed);
        await using var db = await contexts.CreateDbContextAsync();
        var lists = await db.KeywordLists.AsNoTracking().Include(l => l.Keywords).ToListAsync();
        var economic = lists.Single(l => l.Code == "NACE").Keywords.Where(k => k.ParentCode is not null).ToList();
        var policy = lists.Single(l => l.Code == "POLICY_AREAS").Keywords;
        var professions = lists.Single(l => l.Code == "PQ_PROFESSIONS").Keywords;
        var services = lists.Single(l => l.Code == "SERVICES_ACTIVITIES").Keywords;
        var languages = new[] { "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv" };
        var countryPool = Countries.SelectMany(c => Enumerable.Repeat(c.Key, c.Value.Weight)).ToArray();
        var now = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();

        await using var connection = await dataSource.OpenConnectionAsync();
        await Execute(connection, SearchTriggers("DISABLE"));

        var rows = new List<GeneratedAuthority>(authorities);
        for (var i = 0; i < authorities; i++)
        {
            var country = countryPool[random.Next(countryPool.Length)];
            var language = Countries[country].Language;
            var labelLanguage = languages.Contains(language) ? language : "en";
            var isPq = random.NextDouble() < 0.6;
            var isServices = !isPq || random.NextDouble() < 0.25;
            var main = isPq ? professions[random.Next(professions.Count)] : services[random.Next(services.Count)];
            var activity = economic[random.Next(economic.Count)];
            var area = policy[random.Next(policy.Count)];
            var city = $"{country}-{random.Next(1, 400):D3}";
            string Title(string lang) => $"{Label(main, lang)} · {Label(area, lang)} ({city})";
            string Profile(string lang) => $"{Label(main, lang)}. {Label(activity, lang)}. {Label(area, lang)}. {city}.";
            var translations = new List<string>();
            if (labelLanguage != "en" && random.NextDouble() < 0.8)
                translations.Add("en");
            for (var t = random.Next(0, 3); t > 0; t--)
            {
                var other = languages[random.Next(languages.Length)];
                if (other != labelLanguage && !translations.Contains(other))
                    translations.Add(other);
            }
            rows.Add(new GeneratedAuthority(Guid.NewGuid(), country, labelLanguage, $"Authority {i:D6} {city}", Title(labelLanguage),
                Profile(labelLanguage), Levels[random.Next(3)], random.NextDouble() < 0.97 ? "Validated" : "Applied",
                (isPq ? ["PQ"] : Array.Empty<string>()).Concat(isServices ? ["SERVICES"] : []).ToArray(),
                translations.Select(l => (l, Title(l), Profile(l))).ToList(),
                [("NACE", activity.Code), ("POLICY_AREAS", area.Code), (isPq ? "PQ_PROFESSIONS" : "SERVICES_ACTIVITIES", main.Code)]));
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY authorities (id, country_code, official_title, original_language_code, informal_title, short_profile, needs_translation, level, coordinator_type, status, email, registered_at, languages_understood, revision, planned_additional_users) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in rows)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(a.Country);
                await writer.WriteAsync(a.OfficialTitle);
                await writer.WriteAsync(a.Language);
                await writer.WriteAsync(a.Title);
                await writer.WriteAsync(a.Profile);
                await writer.WriteAsync(false);
                await writer.WriteAsync(a.Level);
                await writer.WriteAsync("None");
                await writer.WriteAsync(a.Status);
                await writer.WriteAsync($"imi@{a.Id:N}.example");
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(new List<string> { a.Language, "en" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(0);
                await writer.WriteNullAsync();
            }
            await writer.CompleteAsync();
        }
        await Copy(connection, "COPY authority_areas (authority_id, legislative_area_code, allocation_enabled, referral, approves_requests, approves_replies) FROM STDIN (FORMAT BINARY)",
            rows.SelectMany(a => a.Areas.Select(area => new object[] { a.Id, area, false, "Self", false, false })));
        await Copy(connection, "COPY authority_translations (authority_id, language_code, informal_title, short_profile, source) FROM STDIN (FORMAT BINARY)",
            rows.SelectMany(a => a.Translations.Select(t => new object[] { a.Id, t.Language, t.Title, t.Profile, "Human" })));
        await Copy(connection, "COPY authority_keywords (authority_id, list_code, keyword_code) FROM STDIN (FORMAT BINARY)",
            rows.SelectMany(a => a.Keywords.Distinct().Select(k => new object[] { a.Id, k.List, k.Code })));
        var users = rows.SelectMany(a => Enumerable.Range(0, UsersFor(random)).Select(n => new object[]
        {
            Guid.NewGuid(), a.Id, $"U{a.Id:N}"[..12] + n, $"user{n}.{a.Id:N}@example.test", "Given", $"Family{n}", a.Language == "is" ? "en" : a.Language,
            n == 0, false, now, 0,
        }));
        await Copy(connection, "COPY users (id, authority_id, username, email, given_name, family_name, preferred_language_code, is_local_data_administrator, is_translator, registered_at, revision) FROM STDIN (FORMAT BINARY)", users);

        await Execute(connection, SearchTriggers("ENABLE"));
        await Execute(connection, "SELECT imi_reindex_authorities();");
        await Execute(connection, "VACUUM ANALYZE"); // now, not by autovacuum in the middle of a measurement
        Console.WriteLine($"Generated {authorities:N0} authorities ({rows.Sum(r => r.Translations.Count):N0} translations) in {stopwatch.Elapsed.TotalSeconds:N1} s");
    }

    // The index is built once after loading (imi_reindex_authorities), not row by row.
    private static string SearchTriggers(string action) =>
        $"ALTER TABLE authorities {action} TRIGGER tr_authorities_search; " +
        $"ALTER TABLE authority_translations {action} TRIGGER tr_authority_translations_search; " +
        $"ALTER TABLE authority_keywords {action} TRIGGER tr_authority_keywords_search;";

    private static int UsersFor(Random random) => random.NextDouble() < 0.3 ? 5 : 3; // ≈ 3.3 a authority, as in the real network

    private static string Label(Keyword keyword, string language) =>
        keyword.Labels.GetValueOrDefault(language) ?? keyword.Labels["en"];

    private static async Task Copy(NpgsqlConnection connection, string command, IEnumerable<object[]> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync(command);
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var value in row)
                await writer.WriteAsync(value);
        }
        await writer.CompleteAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private sealed record GeneratedAuthority(
        Guid Id, string Country, string Language, string OfficialTitle, string Title, string Profile, string Level, string Status,
        string[] Areas, List<(string Language, string Title, string Profile)> Translations, (string List, string Code)[] Keywords);
}
