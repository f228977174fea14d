using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Performance;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Performance;

/// <summary>Loads what <see cref="PerformanceScope.Of"/> needs: for a DIMIC, SDIMIC or LIMIC, who coordinates each authority of its country per area.</summary>
public static class PerformanceScopes
{
    public static async Task<PerformanceScope> OfAsync(ImiDbContext db, Guid authorityId, CancellationToken ct)
    {
        var own = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId)
            .Select(a => new { a.Id, a.CountryCode, a.CoordinatorType, Areas = a.Areas.Select(x => x.LegislativeAreaCode).ToList() }).SingleAsync(ct);
        if (own.CoordinatorType is CoordinatorType.None or CoordinatorType.Nimic or CoordinatorType.Commission)
            return PerformanceScope.Of(own.Id, own.CountryCode, own.CoordinatorType, own.Areas, [], new CoordinatorTree(new Dictionary<Guid, Guid?>()));
        var tree = await CoordinatorTrees.OfCountryAsync(db, own.CountryCode, ct);
        var areas = await db.Authorities.AsNoTracking().Where(a => a.CountryCode == own.CountryCode)
            .SelectMany(a => a.Areas.Select(x => new { a.Id, x.LegislativeAreaCode, Coordinator = x.CoordinatorId ?? a.CoordinatorId }))
            .ToListAsync(ct);
        return PerformanceScope.Of(own.Id, own.CountryCode, own.CoordinatorType, own.Areas,
            areas.Select(a => new AreaCoordination(a.Id, a.LegislativeAreaCode, a.Coordinator)), tree);
    }
}
