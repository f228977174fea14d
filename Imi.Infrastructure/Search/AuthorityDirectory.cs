using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Search;

/// <summary>A text as the reader sees it: in their language if translated, else the original, with its language named.</summary>
public sealed record ReaderText(string Text, string LanguageCode, string LanguageName, bool IsTranslation, bool IsMachineTranslation);

/// <summary>Everything public about an authority, for its page, in the reader's language (country, languages and areas named in it).</summary>
public sealed record AuthorityPage(
    Guid Id,
    ReaderText InformalTitle,
    string OriginalInformalTitle,
    ReaderText? ShortProfile,
    string OfficialTitle,
    string CountryCode,
    string CountryName,
    AuthorityLevel Level,
    CoordinatorType CoordinatorType,
    IReadOnlyList<string> LanguagesUnderstood,
    ContactDetails Contact,
    string Email,
    IReadOnlyList<LegislativeAreaName> LegislativeAreas,
    IReadOnlyList<(string List, string Label)> Keywords);

/// <summary>A legislative area by its code, named in the reader's language.</summary>
public sealed record LegislativeAreaName(string Code, string Name);

/// <summary>The choices the search filters offer, labelled in the reader's language.</summary>
public sealed record SearchOptions(
    IReadOnlyList<(string Code, string Name)> Countries,
    IReadOnlyList<(string Code, string Name)> LegislativeAreas,
    IReadOnlyList<KeywordOption> Keywords,
    IReadOnlyDictionary<string, string> LanguageNames);

public sealed record KeywordOption(string ListCode, string ListName, string Code, string Label);

public sealed class AuthorityDirectory(IDbContextFactory<ImiDbContext> contexts)
{
    public async Task<AuthorityPage?> GetAsync(Guid id, string language, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var a = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Status == RegistrationStatus.Validated, ct);
        if (a is null)
            return null;
        var languages = await LanguageNamesAsync(db, language, ct);
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == a.CountryCode, ct);
        var areaCodes = a.Areas.Select(x => x.LegislativeAreaCode).ToList();
        var areas = await db.LegislativeAreas.AsNoTracking().Where(x => areaCodes.Contains(x.Code)).ToListAsync(ct);
        var listCodes = a.Keywords.Select(k => k.ListCode).Distinct().ToList();
        var lists = await db.KeywordLists.AsNoTracking().Include(l => l.Keywords).Where(l => listCodes.Contains(l.Code)).ToListAsync(ct);

        var translation = a.OriginalLanguageCode == language ? null : a.Translations.FirstOrDefault(t => t.LanguageCode == language);
        ReaderText Text(string text, bool translated) => translated
            ? new ReaderText(text, language, languages.GetValueOrDefault(language, language), true, translation!.Source == TranslationSource.Machine)
            : new ReaderText(text, a.OriginalLanguageCode, languages.GetValueOrDefault(a.OriginalLanguageCode, a.OriginalLanguageCode), false, false);

        return new AuthorityPage(
            a.Id,
            translation is null ? Text(a.InformalTitle, false) : Text(translation.InformalTitle, true),
            a.InformalTitle,
            translation?.ShortProfile is { } p ? Text(p, true) : a.ShortProfile is { } o ? Text(o, false) : null,
            a.OfficialTitle, a.CountryCode, country.NameIn(language), a.Level, a.CoordinatorType,
            a.LanguagesUnderstood.Select(l => languages.GetValueOrDefault(l, l)).ToList(),
            a.Contact, a.Email,
            areas.OrderBy(x => x.Code).Select(x => new LegislativeAreaName(x.Code, x.NameIn(language))).ToList(),
            a.Keywords.Select(k => lists.FirstOrDefault(l => l.Code == k.ListCode) is { } list
                    ? (Label(list.Names, language, list.Code), Label(list.Keywords.FirstOrDefault(x => x.Code == k.KeywordCode)?.Labels, language, k.KeywordCode))
                    : (k.ListCode, k.KeywordCode))
                .OrderBy(k => k.Item1).ToList());
    }

    public async Task<SearchOptions> OptionsAsync(string language, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var countries = await db.Countries.AsNoTracking().ToListAsync(ct);
        var areas = await db.LegislativeAreas.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var lists = await db.KeywordLists.AsNoTracking().Include(l => l.Keywords).OrderBy(l => l.Kind).ToListAsync(ct);
        var languages = await LanguageNamesAsync(db, language, ct);
        var alphabetical = StringComparer.Create(PortalLanguages.CultureOf(language), ignoreCase: true);
        return new SearchOptions(
            countries.Select(c => (c.Code, Name: c.NameIn(language))).OrderBy(c => c.Name, alphabetical).ToList(),
            areas.Select(a => (a.Code, a.NameIn(language))).ToList(),
            lists.SelectMany(l => l.Keywords.Select(k => new KeywordOption(l.Code, Label(l.Names, language, l.Code), k.Code, Label(k.Labels, language, k.Code))))
                .OrderBy(k => k.Label).ToList(),
            languages);
    }

    /// <summary>Every language's name in <paramref name="language"/> (English where a name is missing).</summary>
    private static async Task<Dictionary<string, string>> LanguageNamesAsync(ImiDbContext db, string language, CancellationToken ct) =>
        (await db.Languages.AsNoTracking().ToListAsync(ct)).ToDictionary(l => l.Code, l => l.NameIn(language));

    private static string Label(Dictionary<string, string>? labels, string language, string fallback) =>
        labels?.GetValueOrDefault(language) ?? labels?.GetValueOrDefault("en") ?? fallback;
}
