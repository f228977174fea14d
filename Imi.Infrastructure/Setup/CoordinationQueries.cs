using Imi.Infrastructure.UseCases;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Setup;

public sealed record CoordinatedAuthority(Guid Id, string InformalTitle, string OfficialTitle, IReadOnlyList<CoordinatedAdministrator> LocalDataAdministrators,
    RegistrationStatus Status = RegistrationStatus.Validated, bool IsCoordinator = false);

public sealed record CoordinatedAdministrator(Guid UserId, string DisplayName, string Email, bool IsBlocked);

/// <summary>
/// For a coordinator's data administrators: the authorities it coordinates, or a coordinator below it does (it may
/// administer those too, decision 010), and their local data administrators.
/// </summary>
public sealed class CoordinationQueries(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<CoordinatedAuthority>> GetAsync(Guid actorUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, _) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        if (!user.HasAnywhere(AreaRole.DataAdministrator))
            throw new NotPermittedException(Refusals.Access.CoordinatorDataAdministratorsOnly);
        var country = await db.Authorities.Where(a => a.Id == user.AuthorityId).Select(a => a.CountryCode).SingleAsync(ct);
        var coordinators = (await CoordinatorTrees.OfCountryAsync(db, country, ct)).ItselfAndBelow(user.AuthorityId).ToList();
        var authorities = await db.Authorities.AsNoTracking().Where(a => a.CoordinatorId != null && coordinators.Contains(a.CoordinatorId.Value))
            .OrderBy(a => a.InformalTitle).ToListAsync(ct);
        var ids = authorities.Select(a => a.Id).ToList();
        var admins = await db.ImiUsers.AsNoTracking().Where(u => ids.Contains(u.AuthorityId) && u.IsLocalDataAdministrator).ToListAsync(ct);
        var adminIds = admins.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow();
        var blocked = await db.Accounts.AsNoTracking().Where(a => adminIds.Contains(a.Id) && a.LockoutEnd > now).Select(a => a.Id).ToListAsync(ct);
        return authorities.Select(a => new CoordinatedAuthority(a.Id, a.InformalTitle, a.OfficialTitle,
            admins.Where(u => u.AuthorityId == a.Id).OrderBy(u => u.FamilyName)
                .Select(u => new CoordinatedAdministrator(u.Id, u.DisplayName, u.Email, blocked.Contains(u.Id))).ToList(),
            a.Status, a.IsCoordinator)).ToList();
    }
}
