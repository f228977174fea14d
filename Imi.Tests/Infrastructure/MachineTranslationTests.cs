using Imi.Domain.Authorities;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.Translation;
using Imi.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Imi.Tests.Infrastructure;

/// <summary>The HTTP provider against a translation service on loopback (the service is the edge we fake).</summary>
public class MachineTranslationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private WebApplication? _service;
    private readonly int _port = FreePort.Next();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _service = builder.Build();
        // A pretend translator: "[pt] text" — enough to see what was asked and stored.
        _service.MapPost("/translate", async (HttpContext http) =>
        {
            var body = await http.Request.ReadFromJsonAsync<Dictionary<string, string>>();
            return body!["target"] == "mt" ? Results.StatusCode(400) : Results.Json(new { translatedText = $"[{body["target"]}] {body["q"]}" });
        });
        await _service.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
            await _service.DisposeAsync();
    }

    [Fact]
    public async Task Job_FillsMissingLanguagesWithLabelledMachineTranslations_NeverReplacingAHumanOne()
    {
        await using var services = database.Services(new Dictionary<string, string?>
        {
            ["MachineTranslation:Url"] = $"http://127.0.0.1:{_port}",
            ["MachineTranslation:BatchSize"] = "100",
        });
        Guid corkId;
        await using (var db = await services.DbAsync())
        {
            var cork = await db.Authorities.SingleAsync(a => a.OfficialTitle == "Cork City Council");
            cork.SetTranslation("fr", "Licences locales à Cork", null, TranslationSource.Human);
            await db.SaveChangesAsync();
            corkId = cork.Id;
        }

        var added = await services.Get<MachineTranslationJob>().RunOnceAsync();

        Assert.True(added > 0);
        await using (var db = await services.DbAsync())
        {
            var cork = await db.Authorities.SingleAsync(a => a.Id == corkId);
            Assert.Equal("Licences locales à Cork", cork.Translations.Single(t => t.LanguageCode == "fr").InformalTitle);
            var pt = cork.Translations.Single(t => t.LanguageCode == "pt");
            Assert.Equal(TranslationSource.Machine, pt.Source);
            Assert.Equal("[pt] Local licensing of street trading and services in Cork", pt.InformalTitle);
            Assert.DoesNotContain(cork.Translations, t => t.LanguageCode == "mt"); // the service refused that pair
            Assert.True(cork.NeedsTranslation); // still waiting for a person
        }

        var found = await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("street trading Cork", "pt"));
        var hit = found.Hits.First(h => h.AuthorityId == corkId);
        Assert.True(hit.TitleIsMachineTranslation);
    }
}
