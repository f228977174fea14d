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
}
