using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Imi.Domain.Setup;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Setup;

/// <summary>Reads what the setup wizard shows, in the reader's language.</summary>
public sealed class SetupViewBuilder(TimeProvider clock)
{
    public async Task<SetupView> BuildAsync(ImiDbContext db, Actor actor, string language, CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == actor.AuthorityId, ct);
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == authority.CountryCode, ct);
        var areaCodes = authority.Areas.Select(a => a.LegislativeAreaCode).ToList();
        var areas = await db.LegislativeAreas.AsNoTracking().Where(a => areaCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
        string AreaName(string code) => areas.TryGetValue(code, out var a) ? a.NameIn(language) : code;

        var lists = await db.KeywordLists.AsNoTracking().Include(l => l.Keywords)
            .Where(l => l.Kind != KeywordListKind.LegislativeArea || areaCodes.Contains(l.LegislativeAreaCode!))
            .ToListAsync(ct);
        var staff = await db.ImiUsers.AsNoTracking().Where(u => u.AuthorityId == authority.Id)
            .OrderBy(u => u.FamilyName).ThenBy(u => u.GivenName).ToListAsync(ct);
        var staffIds = staff.Select(u => u.Id).ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => staffIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (Blocked: a.LockoutEnd > clock.GetUtcNow(), Temporary: a.MustChangeCredentials), ct);

        var linkedIds = authority.LinkedAuthorities.Select(l => l.LinkedAuthorityId).ToList();
        var related = await db.Authorities.AsNoTracking()
            .Where(a => linkedIds.Contains(a.Id)
                        || (a.CountryCode == authority.CountryCode && a.CoordinatorType != CoordinatorType.None && a.Status == RegistrationStatus.Validated))
            .ToListAsync(ct);
        var coordinators = related.Where(a => a.IsCoordinator && a.Id != authority.Id).OrderBy(a => a.CoordinatorType).ThenBy(a => a.InformalTitle).ToList();

        return new SetupView(
            authority.Id, authority.Revision, Permissions.IsLocalDataAdministratorOf(actor, authority),
            authority.CountryCode, country.NameIn(Localization.Texts.CurrentLanguage), authority.OfficialTitle, authority.OriginalLanguageCode,
            authority.InformalTitle, authority.ShortProfile, authority.NeedsTranslation, authority.Level,
            authority.LanguagesUnderstood.ToList(), authority.Contact, authority.Email, authority.CoordinatorType,
            authority.PlannedAdditionalUsers,
            authority.Areas.OrderBy(a => a.LegislativeAreaCode).Select(a => new AreaView(a.LegislativeAreaCode, AreaName(a.LegislativeAreaCode),
                a.Department, a.AllocationEnabled, a.Referral, a.ApprovesRequests, a.ApprovesReplies)).ToList(),
            lists.OrderBy(l => l.Kind).ThenBy(l => l.Code).Select(l => new KeywordListView(l.Code, l.Kind, l.LegislativeAreaCode, Label(l.Names, language, l.Code),
                l.Keywords.OrderBy(k => k.Code, StringComparer.Ordinal).Select(k => new KeywordView(k.Code, k.ParentCode, Label(k.Labels, language, k.Code))).ToList())).ToList(),
            authority.Keywords.GroupBy(k => k.ListCode).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(k => k.KeywordCode).ToList()),
            related.Where(a => linkedIds.Contains(a.Id)).OrderBy(a => a.InformalTitle).Select(RefOf).ToList(),
            authority.RequestCoordinators.Select(r => new RequestCoordinatorView(r.LegislativeAreaCode, r.CoordinatorId,
                related.FirstOrDefault(a => a.Id == r.CoordinatorId)?.InformalTitle, r.FullView)).ToList(),
            coordinators.Select(RefOf).ToList(),
            staff.Select(u => new UserView(u.Id, u.Revision, u.Username, u.DisplayName, u.GivenName, u.FamilyName, u.Email, u.Phone,
                u.PreferredLanguageCode, u.IsLocalDataAdministrator, u.AreaRoles.ToList(), u.FirstSignedInAt,
                accounts.GetValueOrDefault(u.Id).Blocked, accounts.GetValueOrDefault(u.Id).Temporary)).ToList(),
            SetupChecklist.Evaluate(authority, staff, lists, AreaName),
            (await db.Languages.AsNoTracking().ToListAsync(ct)).OrderBy(l => l.NameIn(Localization.Texts.CurrentLanguage), StringComparer.Create(Localization.PortalLanguages.CultureOf(Localization.Texts.CurrentLanguage), ignoreCase: true)).ToList());
    }

    public static AuthorityRef RefOf(Authority a) => new(a.Id, a.InformalTitle, a.OfficialTitle, a.Level, a.CoordinatorType,
        a.Areas.Select(x => x.LegislativeAreaCode).ToList());

    private static string Label(Dictionary<string, string> labels, string language, string fallback) =>
        labels.GetValueOrDefault(language) ?? labels.GetValueOrDefault("en") ?? fallback;
}
