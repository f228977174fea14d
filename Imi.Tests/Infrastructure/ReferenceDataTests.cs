using Imi.Domain.ReferenceData;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.ReferenceData;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Infrastructure;

public class ReferenceDataTests
{
    private sealed class EditableSource : IReferenceDataSource
    {
        private readonly EmbeddedReferenceDataSource _embedded = new();
        public Dictionary<string, string> Overrides { get; } = new();
        public string? Read(string fileName) => Overrides.TryGetValue(fileName, out var text) ? text : _embedded.Read(fileName);
        public IReadOnlyList<string> FileNames(string prefix) =>
            _embedded.FileNames(prefix).Concat(Overrides.Keys.Where(k => k.StartsWith(prefix))).Distinct().Order().ToList();
    }

    private const string KeywordLists = """
        [{ "code": "POLICY", "kind": "PolicyArea", "names": { "en": "Policy areas" },
           "keywords": [ { "code": "HEALTH", "labels": { "en": "Health", "de": "Gesundheit" } },
                         { "code": "EDUCATION", "labels": { "en": "Education" } } ] }]
        """;

    private const string QuestionSets = """
        [{ "code": "PQ-CORE", "legislativeAreaCode": "PQ", "version": 1, "titles": { "en": "Core questions" },
           "questions": [ { "code": "Q1", "texts": { "en": "Is the diploma authentic?", "fr": "Le diplôme est-il authentique ?" },
                            "answerOptions": [ { "code": "YES", "texts": { "en": "Yes" } } ] } ] }]
        """;

    [Fact]
    public async Task LoadingTwice_LeavesNoDuplicates_AndAChangedFileUpdatesRowsInPlace()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            var source = new EditableSource { Overrides = { ["keywords-test.json"] = KeywordLists, ["question-sets.json"] = QuestionSets } };
            await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(name),
                configure: s => s.AddSingleton<IReferenceDataSource>(source));
            await services.InitializeDatabaseAsync();
            await services.InitializeDatabaseAsync();

            await using (var db = await services.DbAsync())
            {
                Assert.Equal(30, await db.Countries.CountAsync());
                Assert.Equal(26, await db.Languages.CountAsync());
                Assert.Equal(24, await db.Languages.CountAsync(l => l.IsOfficialEu));
                Assert.Equal(["PQ", "SERVICES"], await db.LegislativeAreas.OrderBy(a => a.Code).Select(a => a.Code).ToListAsync());
                Assert.Equal(2, await db.Keywords.CountAsync(k => k.ListCode == "POLICY"));
                var set = await db.QuestionSets.SingleAsync();
                Assert.Equal("Le diplôme est-il authentique ?", set.Questions.Single().Texts["fr"]);
            }

            source.Overrides["keywords-test.json"] = KeywordLists.Replace("\"Health\"", "\"Public health\"");
            await services.Get<ReferenceDataLoader>().LoadAsync();

            await using (var db = await services.DbAsync())
            {
                Assert.Equal(2, await db.Keywords.CountAsync(k => k.ListCode == "POLICY"));
                var health = await db.Keywords.SingleAsync(k => k.Code == "HEALTH");
                Assert.Equal("Public health", health.Labels["en"]);
                Assert.Equal("Gesundheit", health.Labels["de"]);
            }
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public void ShippedFiles_NameThe30EeaCountriesWithTheirNativeNames()
    {
        var countries = System.Text.Json.JsonSerializer.Deserialize<List<Country>>(new EmbeddedReferenceDataSource().Read("countries.json")!,
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        Assert.Equal(30, countries.Select(c => c.Code).Distinct().Count());
        Assert.Equal(27, countries.Count(c => c.IsEuMember));
        Assert.Equal(["IS", "LI", "NO"], countries.Where(c => !c.IsEuMember).Select(c => c.Code).Order());
        Assert.Equal("Deutschland", countries.Single(c => c.Code == "DE").NativeName);
    }
}
