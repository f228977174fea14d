using Imi.Domain.Authorities;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Users;

/// <summary>Who is signed in, as the shell shows it.</summary>
public sealed record SessionInfo(
    Guid UserId,
    string Username,
    string DisplayName,
    string PreferredLanguageCode,
    Guid AuthorityId,
    string AuthorityTitle,
    string CountryCode,
    string CountryName,
    CoordinatorType CoordinatorType,
    bool AuthorityNeedsTranslation,
    bool IsLocalDataAdministrator,
    bool IsTranslator,
    IReadOnlyList<AreaRolesInfo> Areas,
    bool SetupComplete = true);

/// <summary>A user's roles in one legislative area of its authority ("basic user" when no other).</summary>
public sealed record AreaRolesInfo(string AreaCode, string AreaName, IReadOnlyList<AreaRole> Roles);

public sealed class SessionQueries(IDbContextFactory<ImiDbContext> contexts)
{
    public async Task<SessionInfo?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.ImiUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return null;
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == user.AuthorityId, cancellationToken);
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == authority.CountryCode, cancellationToken);
        var areaCodes = authority.Areas.Select(a => a.LegislativeAreaCode).ToList();
        var areas = await db.LegislativeAreas.AsNoTracking().Where(a => areaCodes.Contains(a.Code)).ToListAsync(cancellationToken);

        var language = user.PreferredLanguageCode;
        var title = authority.OriginalLanguageCode == language
            ? authority.InformalTitle
            : authority.Translations.FirstOrDefault(t => t.LanguageCode == language)?.InformalTitle ?? authority.InformalTitle;

        // Is the set-up complete? The checklist needs the staff and which lists exist, not their labels.
        var staff = await db.ImiUsers.AsNoTracking().Where(u => u.AuthorityId == authority.Id).ToListAsync(cancellationToken);
        var lists = await db.KeywordLists.AsNoTracking().ToListAsync(cancellationToken);
        var checklist = Imi.Domain.Setup.SetupChecklist.Evaluate(authority, staff, lists, code => code);
        return new SessionInfo(
            user.Id, user.Username, user.DisplayName, language,
            authority.Id, title, authority.CountryCode, country.NameIn(Localization.Texts.CurrentLanguage), authority.CoordinatorType,
            authority.NeedsTranslation, user.IsLocalDataAdministrator, user.IsTranslator,
            areas.OrderBy(a => a.Code).Select(a => new AreaRolesInfo(a.Code, a.NameIn(language),
                user.AreaRoles.Where(r => r.LegislativeAreaCode == a.Code).Select(r => r.Role).Order().ToList())).ToList(),
            Imi.Domain.Setup.SetupChecklist.IsComplete(checklist));
    }
}
