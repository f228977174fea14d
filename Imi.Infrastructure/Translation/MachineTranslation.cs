using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Imi.Domain.Authorities;
using Imi.Domain.Translation;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Imi.Infrastructure.Translation;

/// <summary>Configuration section "MachineTranslation". Off unless configured.</summary>
public sealed class MachineTranslationOptions
{
    public const string Section = "MachineTranslation";

    public bool Enabled { get; set; }
    /// <summary>Base address of a LibreTranslate-compatible service (POST {Url}/translate).</summary>
    public string? Url { get; set; }
    public string? ApiKey { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Authorities handled per run.</summary>
    public int BatchSize { get; set; } = 20;
}

/// <summary>The HTTP provider: a self-hosted or EU translation service speaking the LibreTranslate API.</summary>
public sealed class HttpMachineTranslator(HttpClient http, IOptions<MachineTranslationOptions> options) : IMachineTranslator
{
    public async Task<string?> TranslateAsync(string text, string fromLanguage, string toLanguage, CancellationToken cancellationToken = default)
    {
        var url = options.Value.Url?.TrimEnd('/') ?? throw new InvalidOperationException("MachineTranslation:Url is not set.");
        using var response = await http.PostAsJsonAsync($"{url}/translate",
            new Request(text, fromLanguage, toLanguage, "text", options.Value.ApiKey), cancellationToken);
        if (!response.IsSuccessStatusCode)
            return null;
        var body = await response.Content.ReadFromJsonAsync<Response>(cancellationToken);
        return string.IsNullOrWhiteSpace(body?.TranslatedText) ? null : body.TranslatedText;
    }

    private sealed record Request(
        [property: JsonPropertyName("q")] string Text,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("api_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey);

    private sealed record Response([property: JsonPropertyName("translatedText")] string? TranslatedText);
}

/// <summary>
/// Fills the missing official languages of authorities waiting for translation with machine
/// translations, until a translator's replace them. The authority stays in the translators' queue.
/// </summary>
public sealed class MachineTranslationJob(
    IDbContextFactory<ImiDbContext> contexts,
    IMachineTranslator translator,
    IOptions<MachineTranslationOptions> options,
    ILogger<MachineTranslationJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Machine translation: the service did not answer ({Reason}); will try again", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over a batch of authorities; returns how many translations were added.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var official = await db.Languages.AsNoTracking().Where(l => l.IsOfficialEu).Select(l => l.Code).ToListAsync(cancellationToken);
        var waiting = await db.Authorities.Where(a => a.NeedsTranslation && a.Status == RegistrationStatus.Validated)
            .OrderBy(a => a.RegisteredAt).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var authority in waiting)
        {
            foreach (var language in official.Where(l => l != authority.OriginalLanguageCode
                                                         && authority.Translations.All(t => t.LanguageCode != l)))
            {
                var title = await translator.TranslateAsync(authority.InformalTitle, authority.OriginalLanguageCode, language, cancellationToken);
                if (title is null)
                    continue;
                var profile = authority.ShortProfile is null ? null
                    : await translator.TranslateAsync(authority.ShortProfile, authority.OriginalLanguageCode, language, cancellationToken);
                if (authority.AddMachineTranslation(language, Truncate(title, InformalTitle.MaxLength), profile is null ? null : Truncate(profile, ShortProfile.MaxLength)))
                    added++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
