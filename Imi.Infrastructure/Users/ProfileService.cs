using Imi.Domain.Common;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Users;

/// <summary>What a user changes about themselves (for now: the working language).</summary>
public sealed class ProfileService(IDbContextFactory<ImiDbContext> contexts)
{
    public async Task<string?> PreferredLanguageAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ImiUsers.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredLanguageCode).SingleOrDefaultAsync(ct);
    }

    /// <summary>Saves the language the user chose in the switcher as their preferred language.</summary>
    public async Task ChoosePreferredLanguageAsync(Guid userId, string languageCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotPermittedException(Refusals.Access.AccountGone);
        var language = await db.Languages.AsNoTracking().SingleOrDefaultAsync(l => l.Code == languageCode, ct)
            ?? throw new DomainException(Refusals.Users.LanguageNotOffered, "language");
        user.ChoosePreferredLanguage(language);
        await db.SaveChangesAsync(ct);
    }
}
