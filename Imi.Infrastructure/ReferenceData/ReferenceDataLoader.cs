using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Imi.Domain.ReferenceData;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.ReferenceData;

/// <summary>
/// Loads the reference data files into the database, idempotently: rows are matched by code and
/// updated in place, a file whose content has not changed since the last load is skipped.
/// </summary>
public sealed class ReferenceDataLoader(
    IDbContextFactory<ImiDbContext> contexts,
    IReferenceDataSource source,
    ILogger<ReferenceDataLoader> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // Order matters: later files refer to earlier ones. Each keyword list is a file "keywords-*.json".
    private IEnumerable<string> Files() =>
        ["languages.json", "countries.json", "legislative-areas.json", .. source.FileNames("keywords-"), "question-sets.json"];

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One loader at a time, even with several portal instances starting together.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7310001)", cancellationToken);

        var loaded = await db.Set<ReferenceDataFile>().ToDictionaryAsync(f => f.FileName, cancellationToken);
        foreach (var file in Files())
        {
            var text = source.Read(file);
            if (text is null)
                continue;
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (loaded.TryGetValue(file, out var record) && record.Sha256 == hash)
                continue;

            await ApplyAsync(db, file, text, cancellationToken);
            if (record is null)
                db.Add(new ReferenceDataFile { FileName = file, Sha256 = hash });
            else
                record.Sha256 = hash;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Reference data {File} loaded", file);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task ApplyAsync(ImiDbContext db, string file, string text, CancellationToken ct) => file switch
    {
        "languages.json" => UpsertAsync(db.Languages, Parse<Language>(text), l => l.Code, (to, from) =>
        {
            to.EnglishName = from.EnglishName;
            to.NativeName = from.NativeName;
            to.IsOfficialEu = from.IsOfficialEu;
            to.Names = from.Names;
        }, ct),
        "countries.json" => UpsertAsync(db.Countries, Parse<Country>(text), c => c.Code, (to, from) =>
        {
            to.EnglishName = from.EnglishName;
            to.NativeName = from.NativeName;
            to.IsEuMember = from.IsEuMember;
            to.Names = from.Names;
        }, ct),
        "legislative-areas.json" => UpsertAsync(db.LegislativeAreas, Parse<LegislativeArea>(text), a => a.Code, (to, from) =>
        {
            to.Instrument = from.Instrument;
            to.Names = from.Names;
            to.PersonalDataRule = from.PersonalDataRule;
        }, ct),
        _ when file.StartsWith("keywords-", StringComparison.Ordinal) => LoadKeywordListsAsync(db, Parse<KeywordListFile>(text), ct),
        // A question set is versioned: a new version is a new row, old exchanges keep reading theirs.
        "question-sets.json" => UpsertAsync(db.QuestionSets, Parse<QuestionSet>(text), q => $"{q.Code}/{q.Version}", (to, from) =>
        {
            to.LegislativeAreaCode = from.LegislativeAreaCode;
            to.Titles = from.Titles;
            to.Questions = from.Questions;
        }, ct),
        _ => throw new InvalidOperationException($"No loader for {file}."),
    };

    private static List<T> Parse<T>(string text) => JsonSerializer.Deserialize<List<T>>(text, Json) ?? [];

    private static async Task UpsertAsync<T>(
        DbSet<T> set, List<T> rows, Func<T, string> key, Action<T, T> update, CancellationToken ct) where T : class
    {
        var existing = (await set.ToListAsync(ct)).ToDictionary(key);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(key(row), out var current))
                update(current, row);
            else
                set.Add(row);
        }
    }

    private static async Task LoadKeywordListsAsync(ImiDbContext db, List<KeywordListFile> lists, CancellationToken ct)
    {
        var existing = await db.KeywordLists.Include(l => l.Keywords).ToDictionaryAsync(l => l.Code, ct);
        foreach (var file in lists)
        {
            if (!existing.TryGetValue(file.Code, out var list))
            {
                list = new KeywordList { Code = file.Code };
                db.KeywordLists.Add(list);
            }
            list.Kind = file.Kind;
            list.LegislativeAreaCode = file.LegislativeAreaCode;
            list.Names = file.Names;

            var keywords = list.Keywords.ToDictionary(k => k.Code);
            foreach (var k in file.Keywords)
            {
                if (!keywords.TryGetValue(k.Code, out var keyword))
                {
                    keyword = new Keyword { ListCode = file.Code, Code = k.Code };
                    list.Keywords.Add(keyword);
                }
                keyword.ParentCode = k.ParentCode;
                keyword.Labels = k.Labels;
            }
        }
    }

    private sealed record KeywordListFile(
        string Code,
        KeywordListKind Kind,
        string? LegislativeAreaCode,
        Dictionary<string, string> Names,
        List<KeywordFile> Keywords);

    private sealed record KeywordFile(string Code, string? ParentCode, Dictionary<string, string> Labels);
}

/// <summary>Which version (hash) of each reference data file the database holds.</summary>
public sealed class ReferenceDataFile
{
    public required string FileName { get; init; }
    public required string Sha256 { get; set; }
}
