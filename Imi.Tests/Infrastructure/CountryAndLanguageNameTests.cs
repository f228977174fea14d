using System.Security.Cryptography;
using System.Text;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.ReferenceData;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.Translation;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Imi.Tests.Infrastructure;

/// <summary>Countries and languages are named in the reader's language, from the names the reference files give in all 26.</summary>
public class CountryAndLanguageNameTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task TheLoader_StoresEveryCountryAndLanguageName_InAll26Languages()
    {
        await using var services = database.Services();
        await using var db = await services.DbAsync();

        var countries = await db.Countries.AsNoTracking().ToListAsync();
        var languages = await db.Languages.AsNoTracking().ToListAsync();

        Assert.Equal(30, countries.Count);
        Assert.Equal(26, languages.Count);
        Assert.All(countries, c => Assert.Equal(PortalLanguages.Codes.Order(), c.Names.Keys.Order()));
        Assert.All(languages, l => Assert.Equal(PortalLanguages.Codes.Order(), l.Names.Keys.Order()));
        Assert.All(countries.SelectMany(c => c.Names.Values).Concat(languages.SelectMany(l => l.Names.Values)),
            name => Assert.False(string.IsNullOrWhiteSpace(name)));
        Assert.Equal("Deutschland", countries.Single(c => c.Code == "DE").NameIn("de"));
        Assert.Equal("Allemagne", countries.Single(c => c.Code == "DE").NameIn("fr"));
        Assert.Equal("Þýskaland", countries.Single(c => c.Code == "DE").NameIn("is"));
        Assert.Equal("Polónia", countries.Single(c => c.Code == "PL").NameIn("pt")); // the portal's Portuguese is Portugal's
        Assert.Equal("allemand", languages.Single(l => l.Code == "de").NameIn("fr"));
        Assert.Equal("German", languages.Single(l => l.Code == "de").NameIn("xx")); // English when a language has no name
    }

    [Fact]
    public async Task SearchOptions_NameTheCountries_InTheReadersLanguage_AndItsAlphabeticalOrder()
    {
        await using var services = database.Services();

        var options = await services.Get<AuthorityDirectory>().OptionsAsync("de");

        var names = options.Countries.Select(c => c.Name).ToList();
        Assert.Contains(("DE", "Deutschland"), options.Countries);
        Assert.DoesNotContain("Germany", names);
        Assert.Equal("Belgien", names[0]);
        Assert.True(names.IndexOf("Norwegen") < names.IndexOf("Österreich") && names.IndexOf("Österreich") < names.IndexOf("Polen"),
            "German order puts Ö with O: " + string.Join(", ", names));
        Assert.Equal("Französisch", options.LanguageNames["fr"]);
    }

    [Fact]
    public async Task TheAuthorityPage_NamesItsCountryAndLanguages_InTheReadersLanguage()
    {
        await using var services = database.Services();
        Guid id;
        await using (var db = await services.DbAsync())
            id = await db.Authorities.Where(a => a.OfficialTitle == "Bayerische Architektenkammer").Select(a => a.Id).SingleAsync();

        var french = await services.Get<AuthorityDirectory>().GetAsync(id, "fr");
        var german = await services.Get<AuthorityDirectory>().GetAsync(id, "de");

        Assert.Equal("Allemagne", french!.CountryName);
        Assert.Contains("allemand", french.LanguagesUnderstood);
        Assert.Equal("Deutschland", german!.CountryName);
        Assert.Contains("Deutsch", german.LanguagesUnderstood);
        Assert.Equal("français", french.InformalTitle.LanguageName); // "Translation into français" under the title
    }

    [Fact]
    public async Task TheTranslationQueue_NamesCountryAndLanguage_InTheReadersLanguage()
    {
        await using var services = database.Services();
        Guid translator;
        await using (var db = await services.DbAsync())
            translator = await db.ImiUsers.Where(u => u.Username == "demo.translator").Select(u => u.Id).SingleAsync();

        var queue = await services.Get<TranslationService>().QueueAsync(translator, "de");
        var job = queue.Single(j => j.InformalTitle == "Registration body for dentists");
        var work = await services.Get<TranslationService>().GetAsync(translator, job.AuthorityId, "de");

        Assert.Equal("Irland", job.CountryName);
        Assert.Equal("Englisch", job.OriginalLanguageName);
        Assert.Equal("Englisch", work.OriginalLanguageName);
        Assert.Contains(("de", "Deutsch"), work.Languages);
        Assert.Equal("Bulgarisch", work.Languages[0].Name);
    }

    // A database whose countries.json was loaded before the names existed: the file is unchanged, and the
    // loader skips an unchanged file. The migration must make it read the file again.
    [Fact]
    public async Task ADatabaseLoadedBeforeTheNamesExisted_GetsThemWhenMigrated()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(name));
            await using (var db = await services.DbAsync())
            {
                await db.GetService<IMigrator>().MigrateAsync("20261201234512_SearchKeywordStems");
                var countries = new EmbeddedReferenceDataSource().Read("countries.json")!;
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(countries)));
                await db.Database.ExecuteSqlAsync($"INSERT INTO countries (code, english_name, native_name, is_eu_member) VALUES ('DE', 'Germany', 'Deutschland', true)");
                await db.Database.ExecuteSqlAsync($"INSERT INTO reference_data_files (file_name, sha256) VALUES ('countries.json', {hash})");
            }

            await services.InitializeDatabaseAsync();

            await using (var db = await services.DbAsync())
            {
                Assert.Equal("Deutschland", (await db.Countries.SingleAsync(c => c.Code == "DE")).NameIn("de"));
                Assert.Equal(30, await db.Countries.CountAsync());
            }
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }
}
