using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.UseCases;

/// <summary>The acting user, read afresh for every use case: rights may have changed since the circuit began.</summary>
internal static class ActorLoader
{
    public static async Task<(User User, Actor Actor)> LoadAsync(ImiDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.ImiUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotPermittedException(Refusals.Access.AccountGone);
        return (user, Actor.Of(user));
    }

    /// <summary>
    /// The acting user on the request pages and steps: also the colleagues they stand in for on
    /// <paramref name="now"/>'s day (absent colleagues who named them deputy), whose requests are theirs too.
    /// </summary>
    public static async Task<(User User, Actor Actor)> LoadHandlerAsync(ImiDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var (user, actor) = await LoadAsync(db, userId, ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var deputyOf = await db.ImiUsers.AsNoTracking()
            .Where(u => u.AuthorityId == user.AuthorityId && u.Absence != null && u.Absence.DeputyId == userId)
            .Select(u => new { u.Id, Absence = u.Absence! })
            .ToListAsync(ct);
        return (user, actor with { CoversFor = deputyOf.Where(u => u.Absence.Covers(today)).Select(u => u.Id).ToList() });
    }
}
