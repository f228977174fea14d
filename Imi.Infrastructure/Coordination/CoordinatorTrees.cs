using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Coordination;

/// <summary>
/// Loads the tree of a country's coordinators (two columns of a few dozen rows) for the coordination rights; the Commission,
/// above every country's NIMIC, belongs to every country's tree.
/// </summary>
public static class CoordinatorTrees
{
    public static async Task<CoordinatorTree> OfCountryAsync(ImiDbContext db, string countryCode, CancellationToken ct = default) =>
        new(await CoordinatorsOf(db, countryCode).ToDictionaryAsync(a => a.Id, a => a.CoordinatorId, ct));

    /// <summary>The coordinators of a country and the Commission, untracked.</summary>
    public static IQueryable<Authority> CoordinatorsOf(ImiDbContext db, string countryCode) =>
        db.Authorities.AsNoTracking().Where(a => (a.CountryCode == countryCode && a.CoordinatorType != CoordinatorType.None)
                                                 || a.CoordinatorType == CoordinatorType.Commission);
}
