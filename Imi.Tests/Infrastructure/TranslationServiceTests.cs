using Imi.Domain.Common;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.Translation;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Imi.Tests.Infrastructure;

public class TranslationServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static async Task<Guid> UserIdAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task Translator_SeesTheQueue_Translates_AndTheSearchFindsItAtOnce()
    {
        await using var services = database.Services();
        var translator = await UserIdAsync(services, "demo.translator");
        var translations = services.Get<TranslationService>();

        var queue = await translations.QueueAsync(translator, "en");
        var job = queue.Single(j => j.InformalTitle == "Registration body for dentists");
        Assert.Equal(23, job.MissingLanguages);

        var work = await translations.GetAsync(translator, job.AuthorityId, "en");
        var saved = await translations.SaveAsync(translator, job.AuthorityId, work.Revision, "pt",
            "Organismo de registo dos médicos dentistas", "Regista os médicos dentistas na Irlanda.", complete: true, "en");

        Assert.False(saved.NeedsTranslation);
        Assert.DoesNotContain(await translations.QueueAsync(translator, "en"), j => j.AuthorityId == job.AuthorityId);
        var found = await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("dentistas", "pt"));
        Assert.Equal("Organismo de registo dos médicos dentistas", found.Hits.First().InformalTitle);
    }

    [Fact]
    public async Task OnlyTranslators_Translate()
    {
        await using var services = database.Services();
        var handler = await UserIdAsync(services, "demo.ie.handler");
        var translations = services.Get<TranslationService>();

        await Assert.ThrowsAsync<NotPermittedException>(() => translations.QueueAsync(handler, "en"));
        await using var db = await services.DbAsync();
        var kingsInns = await db.Authorities.SingleAsync(a => a.OfficialTitle == "Honourable Society of King's Inns");
        await Assert.ThrowsAsync<NotPermittedException>(() =>
            translations.SaveAsync(handler, kingsInns.Id, kingsInns.Revision, "fr", "Organisme", null, false, "en"));
    }
}
