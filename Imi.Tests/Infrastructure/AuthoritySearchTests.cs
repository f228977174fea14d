using Imi.Domain.Authorities;
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
        Assert.Equal(9, coordinators.Total);

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
            var pending = Authority.Register("IE", "Zymurgy Licensing Office", "en", "Zymurgy licensing office (pending)", AuthorityLevel.Local,
                "imi@zymurgy.example", services.Clock.GetUtcNow());
            var closed = Authority.Register("IE", "Zymurgy Board", "en", "Zymurgy board (closed)", AuthorityLevel.Local,
                "imi@zymurgy-board.example", services.Clock.GetUtcNow());
            closed.Validate();
            closed.Deactivate();
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
