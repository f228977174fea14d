using Imi.Infrastructure.UseCases;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Setup;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Translation;

/// <summary>An authority whose informal title or profile waits for translation; country and language named in the reader's language.</summary>
public sealed record TranslationJob(
    Guid AuthorityId, string InformalTitle, string OriginalLanguage, string OriginalLanguageName, string CountryCode, string CountryName, int MissingLanguages);

/// <summary>
/// One authority as the translator works on it: the original, and what exists per language; the
/// languages named in the reader's language, in its alphabetical order.
/// </summary>
public sealed record TranslationWork(
    Guid AuthorityId, int Revision, string OriginalLanguage, string OriginalLanguageName, string InformalTitle, string? ShortProfile, bool NeedsTranslation,
    IReadOnlyList<TranslationView> Translations, IReadOnlyList<(string Code, string Name)> Languages);

public sealed record TranslationView(string LanguageCode, string InformalTitle, string? ShortProfile, TranslationSource Source);

/// <summary>The translators' queue: authorities flagged "needs a new translation" and their texts per language.</summary>
public sealed class TranslationService(IDbContextFactory<ImiDbContext> contexts)
{
    /// <param name="readerLanguage">The language countries and languages are named in.</param>
    public async Task<IReadOnlyList<TranslationJob>> QueueAsync(Guid actorUserId, string readerLanguage, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        Domain.Access.Permissions.RequireTranslator(actor);
        var languages = await db.Languages.AsNoTracking().ToListAsync(ct);
        var official = languages.Where(l => l.IsOfficialEu).Select(l => l.Code).ToList();
        var languageNames = languages.ToDictionary(l => l.Code, l => l.NameIn(readerLanguage));
        var countryNames = (await db.Countries.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.NameIn(readerLanguage));
        var waiting = await db.Authorities.AsNoTracking()
            .Where(a => a.NeedsTranslation && a.Status == RegistrationStatus.Validated)
            .OrderBy(a => a.RegisteredAt).Take(200).ToListAsync(ct);
        return waiting.Select(a => new TranslationJob(a.Id, a.InformalTitle,
            a.OriginalLanguageCode, languageNames.GetValueOrDefault(a.OriginalLanguageCode, a.OriginalLanguageCode),
            a.CountryCode, countryNames.GetValueOrDefault(a.CountryCode, a.CountryCode),
            official.Count(l => l != a.OriginalLanguageCode && a.Translations.All(t => t.LanguageCode != l)))).ToList();
    }

    /// <param name="readerLanguage">The language the languages are named in.</param>
    public async Task<TranslationWork> GetAsync(Guid actorUserId, Guid authorityId, string readerLanguage, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        Domain.Access.Permissions.RequireTranslator(actor);
        var a = await db.Authorities.AsNoTracking().SingleAsync(x => x.Id == authorityId, ct);
        var languages = await db.Languages.AsNoTracking().ToListAsync(ct);
        var alphabetical = StringComparer.Create(PortalLanguages.CultureOf(readerLanguage), ignoreCase: true);
        var original = languages.FirstOrDefault(l => l.Code == a.OriginalLanguageCode);
        return new TranslationWork(a.Id, a.Revision, a.OriginalLanguageCode, original?.NameIn(readerLanguage) ?? a.OriginalLanguageCode,
            a.InformalTitle, a.ShortProfile, a.NeedsTranslation,
            a.Translations.Select(t => new TranslationView(t.LanguageCode, t.InformalTitle, t.ShortProfile, t.Source)).ToList(),
            languages.Where(l => l.IsOfficialEu && l.Code != a.OriginalLanguageCode)
                .Select(l => (l.Code, Name: l.NameIn(readerLanguage))).OrderBy(l => l.Name, alphabetical).ToList());
    }

    public async Task<TranslationWork> SaveAsync(Guid actorUserId, Guid authorityId, int expectedRevision, string languageCode,
        string informalTitle, string? shortProfile, bool complete, string readerLanguage, CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
            var authority = await db.Authorities.SingleAsync(a => a.Id == authorityId, ct);
            if (authority.Revision != expectedRevision)
                throw new ChangedBySomeoneElseException(Refusals.Concurrency.AuthorityChanged);
            authority.Translate(actor, languageCode, informalTitle, shortProfile);
            if (complete)
                authority.CompleteTranslation(actor);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ChangedBySomeoneElseException(Refusals.Concurrency.AuthorityChanged);
            }
        }
        return await GetAsync(actorUserId, authorityId, readerLanguage, ct);
    }
}
