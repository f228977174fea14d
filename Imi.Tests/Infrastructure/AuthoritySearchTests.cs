using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Users;
using Imi.Infrastructure.Search;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Imi.Tests.Infrastructure;

public class AuthoritySearchTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private async Task<SearchResult> SearchAsync(SearchQuery query)
    {
        await using var services = database.Services();
        return await services.Get<AuthoritySearch>().SearchAsync(query);
    }

    [Fact]
    public async Task PortugueseWords_FindAGermanAuthority_ThroughItsTranslation_ShownInPortuguese()
    {
        var result = await SearchAsync(new SearchQuery("arquitetos Baviera", "pt"));

        var hit = result.Hits.First();
        Assert.Equal("Bayerische Architektenkammer", hit.OfficialTitle);
        Assert.Equal("Câmara regional dos arquitetos da Baviera", hit.InformalTitle);
        Assert.Equal("pt", hit.TitleLanguage);
        Assert.Equal("Regionale Kammer der Architekten in Bayern", hit.OriginalInformalTitle);
        Assert.Equal("de", hit.OriginalLanguage);
        Assert.StartsWith("Mantém o registo", hit.ProfileSnippet);
    }

    [Fact]
    public async Task AKeywordLabelInAnyLanguage_FindsTheAuthoritiesThatChoseIt()
    {
        // "Rechtsanwalt" is the German label of the keyword Lawyer; King's Inns wrote nothing in German about it.
        var result = await SearchAsync(new SearchQuery("Rechtsanwalt", "de", CountryCode: "IE"));

        Assert.Contains(result.Hits, h => h.OfficialTitle == "Honourable Society of King's Inns");
    }

    // Issue 9, first miss: an inflected form reached only the texts holding that very form. Each
    // authority named here carries the keyword only in another language (its own texts never use the word).
    [Theory]
    [InlineData("Rechtsanwälte", "de", "Honourable Society of King's Inns")]             // English texts, German translation without it
    [InlineData("Rechtsanwälte", "de", "Ilustre Colegio de la Abogacía de Madrid")]      // Spanish only
    [InlineData("Rechtsanwalte", "de", "Ilustre Colegio de la Abogacía de Madrid")]      // no umlaut at hand
    [InlineData("avocats", "fr", "Honourable Society of King's Inns")]
    [InlineData("avocats", "fr", "Ilustre Colegio de la Abogacía de Madrid")]
    [InlineData("avvocati", "it", "Honourable Society of King's Inns")]
    [InlineData("solicitors", "en", "Ilustre Colegio de la Abogacía de Madrid")]         // a word of the English label, plural
    [InlineData("architectes", "fr", "Krajowa Izba Architektów RP")]                     // Polish only
    [InlineData("médicos", "pt", "Conseil national de l'ordre des médecins")]            // French only
    public async Task AnInflectedForm_ReachesTheKeyword_InEveryLanguage(string text, string language, string officialTitle)
    {
        var result = await SearchAsync(new SearchQuery(text, language, PageSize: 100));

        Assert.Contains(result.Hits, h => h.OfficialTitle == officialTitle);
    }

    // Issue 9, second miss: a word the index already holds as typed ("lawyers" is in King's Inns' profile,
    // "Architekten" in the Bavarian chamber's) was not also matched against the other languages' labels.
    [Theory]
    [InlineData("lawyers", "en", "Honourable Society of King's Inns", "Ilustre Colegio de la Abogacía de Madrid")]
    [InlineData("Architekten", "de", "Bayerische Architektenkammer", "Conseil national de l'ordre des architectes")]
    [InlineData("architects", "en", "Bayerische Architektenkammer", "Krajowa Izba Architektów RP")]
    public async Task AWordFoundInTexts_StillReachesTheKeyword_InOtherLanguages(string text, string language, string byText, string byKeyword)
    {
        var result = await SearchAsync(new SearchQuery(text, language, PageSize: 100));

        Assert.Contains(result.Hits, h => h.OfficialTitle == byText);
        Assert.Contains(result.Hits, h => h.OfficialTitle == byKeyword);
        Assert.True(Rank(result, byText) < Rank(result, byKeyword), "A match in the texts ranks above a keyword-only match.");
    }

    [Fact]
    public async Task EachWord_IsFoundInTheTexts_OrInAKeyword()
    {
        // "Rechtsanwälte" only through the keyword Lawyer, "Irland" only in King's Inns' German translation.
        var result = await SearchAsync(new SearchQuery("Rechtsanwälte Irland", "de"));

        Assert.Equal("Honourable Society of King's Inns", Assert.Single(result.Hits).OfficialTitle);
    }

    [Fact]
    public async Task AWholeLabel_WithAShortWord_StillReachesItsKeyword()
    {
        // "of" names no keyword by itself; the label "Doctor of medicine" as a whole does.
        var result = await SearchAsync(new SearchQuery("doctor of medicine", "en", PageSize: 100));

        Assert.Contains(result.Hits, h => h.OfficialTitle == "Ordem dos Médicos"); // Portuguese only
    }

    [Fact]
    public async Task AKeywordChosen_IsFoundAtOnce_InflectedInAnotherLanguage()
    {
        await using var services = database.Services();
        await using (var db = await services.DbAsync())
        {
            var board = Authority.Register("FI", "Rakennusalan pätevyyslautakunta", "fi", "Rakennusalan pätevyyksien arviointi", AuthorityLevel.National,
                "imi@patevyys.example", services.Clock.GetUtcNow());
            board.Validate();
            board.GrantAreaAccess("PQ");
            var administrator = new Actor(Guid.NewGuid(), board.Id, IsLocalDataAdministrator: true, IsTranslator: false, []);
            var professions = await db.KeywordLists.Include(l => l.Keywords).SingleAsync(l => l.Code == "PQ_PROFESSIONS");
            board.SetKeywords(administrator, professions, ["CIVIL_ENGINEER"]);
            db.Authorities.Add(board);
            await db.SaveChangesAsync();
        }

        var result = await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("engenheiros", "pt"));

        Assert.Contains(result.Hits, h => h.OfficialTitle == "Ordem dos Engenheiros"); // its own texts
        Assert.Contains(result.Hits, h => h.OfficialTitle == "Rakennusalan pätevyyslautakunta"); // the keyword Civil engineer
    }

    [Fact]
    public async Task ControlCharacters_InTheQuery_AreRemovedBeforeTheDatabaseSeesThem()
    {
        // A NUL made PostgreSQL answer "22021: invalid byte sequence" on the page.
        var result = await SearchAsync(new SearchQuery("archi\0tectes\u001b\u202e", "fr"));

        Assert.Contains(result.Hits, h => h.OfficialTitle == "Conseil national de l'ordre des architectes");
    }

    private static int Rank(SearchResult result, string officialTitle) =>
        result.Hits.Select((h, i) => (h, i)).Single(x => x.h.OfficialTitle == officialTitle).i;

    [Fact]
    public async Task AMisspelling_IsForgiven()
    {
        var result = await SearchAsync(new SearchQuery("Architektenkamer", "de"));

        Assert.Equal("Bayerische Architektenkammer", result.Hits.First().OfficialTitle);
    }

    [Fact]
    public async Task AccentsLeftOut_StillMatch()
    {
        var result = await SearchAsync(new SearchQuery("ordre des medecins", "fr"));

        Assert.Equal("Conseil national de l'ordre des médecins", result.Hits.First().OfficialTitle);
    }

    [Fact]
    public async Task Stemming_InTheReadersLanguage_FindsOtherFormsOfAWord()
    {
        // English stemming: "registering nurses" matches "Registration body for nurses".
        var result = await SearchAsync(new SearchQuery("registering nurse", "en"));

        Assert.Contains(result.Hits, h => h.OfficialTitle == "Nursing and Midwifery Board of Ireland");
    }

    [Fact]
    public async Task Filters_Combine()
    {
        var regionalGermanPq = await SearchAsync(new SearchQuery(null, "en", CountryCode: "DE", Level: AuthorityLevel.Regional, LegislativeAreaCode: "PQ"));
        Assert.NotEmpty(regionalGermanPq.Hits);
        Assert.All(regionalGermanPq.Hits, h => Assert.True(h.CountryCode == "DE" && h.Level == AuthorityLevel.Regional));
        Assert.DoesNotContain(regionalGermanPq.Hits, h => h.OfficialTitle.StartsWith("Industrie- und Handelskammer")); // Services only

        var coordinators = await SearchAsync(new SearchQuery(null, "en", CoordinatorsOnly: true, PageSize: 100));
        Assert.All(coordinators.Hits, h => Assert.NotEqual(CoordinatorType.None, h.CoordinatorType));
        Assert.Equal(10, coordinators.Total); // seven NIMICs, the German DIMIC and SDIMIC, the Commission's IMI team

        var byKeyword = await SearchAsync(new SearchQuery(null, "en", KeywordListCode: "PQ_PROFESSIONS", KeywordCode: "ARCHITECT", PageSize: 100));
        Assert.Equal(["Bayerische Architektenkammer", "Conseil national de l'ordre des architectes", "Krajowa Izba Architektów RP"],
            byKeyword.Hits.Select(h => h.OfficialTitle).Order());

        var textAndCountry = await SearchAsync(new SearchQuery("architects", "en", CountryCode: "FR"));
        Assert.All(textAndCountry.Hits, h => Assert.Equal("FR", h.CountryCode));
        Assert.NotEmpty(textAndCountry.Hits);
    }

    [Fact]
    public async Task UnvalidatedAndDeactivatedAuthorities_AreNeverFound()
    {
        await using var services = database.Services();
        await using (var db = await services.DbAsync())
        {
            var nimic = await db.ImiUsers.Where(u => u.Username == "demo.ie.coordinator").Select(u => u.AuthorityId).SingleAsync();
            var pending = Authority.Register("IE", "Zymurgy Licensing Office", "en", "Zymurgy licensing office (pending)", AuthorityLevel.Local,
                "imi@zymurgy.example", services.Clock.GetUtcNow());
            var closed = Authority.Register("IE", "Zymurgy Board", "en", "Zymurgy board (closed)", AuthorityLevel.Local,
                "imi@zymurgy-board.example", services.Clock.GetUtcNow(), CoordinatorType.None, nimic);
            closed.Validate();
            closed.Deactivate(new Actor(Guid.NewGuid(), nimic, false, false, [new("PQ", AreaRole.DataAdministrator)]),
                new CoordinatorTree(new Dictionary<Guid, Guid?> { [nimic] = null }));
            db.Authorities.AddRange(pending, closed);
            await db.SaveChangesAsync();
        }

        var result = await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("zymurgy", "en"));

        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task ANewTranslation_IsFoundAtOnce()
    {
        await using var services = database.Services();
        await using (var db = await services.DbAsync())
        {
            var cork = await db.Authorities.SingleAsync(a => a.OfficialTitle == "Cork City Council");
            cork.SetTranslation("it", "Licenze locali per il commercio ambulante a Cork", null, TranslationSource.Human);
            await db.SaveChangesAsync();
        }

        var result = await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("commercio ambulante", "it"));

        Assert.Equal("Licenze locali per il commercio ambulante a Cork", result.Hits.First().InformalTitle);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    public async Task ShortQueries_WithoutFilters_DoNotSearch_AndSayWhy(string text)
    {
        var result = await SearchAsync(new SearchQuery(text, "en"));

        Assert.Empty(result.Hits);
        Assert.NotNull(result.Notice);
    }

    [Fact]
    public async Task Paging_GivesTheRestOnTheNextPage()
    {
        var first = await SearchAsync(new SearchQuery(null, "en", CountryCode: "DE", PageSize: 3));
        var second = await SearchAsync(new SearchQuery(null, "en", CountryCode: "DE", PageSize: 3, Page: 2));

        Assert.Equal(3, first.Hits.Count);
        Assert.Equal(first.Total, second.Total);
        Assert.Empty(first.Hits.Select(h => h.AuthorityId).Intersect(second.Hits.Select(h => h.AuthorityId)));
    }
}
