using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Coordination;

/// <summary>Loads the tree of a country's coordinators (two columns of a few dozen rows) for the coordination rights.</summary>
public static class CoordinatorTrees
{
    public static async Task<CoordinatorTree> OfCountryAsync(ImiDbContext db, string countryCode, CancellationToken ct = default) =>
        new(await db.Authorities.AsNoTracking()
            .Where(a => a.CountryCode == countryCode && a.CoordinatorType != CoordinatorType.None)
            .ToDictionaryAsync(a => a.Id, a => a.CoordinatorId, ct));
}
