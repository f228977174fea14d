using System.Collections.Concurrent;
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
    /// <summary>Read afresh: for decisions that change data (a reminder) and for single exchange pages.</summary>
    public static Task<PerformanceScope> OfAsync(ImiDbContext db, Guid authorityId, CancellationToken ct) => OfAsync(db, authorityId, null, ct);

    internal static async Task<PerformanceScope> OfAsync(ImiDbContext db, Guid authorityId, CountryCoordinationCache? cache, CancellationToken ct)
    {
        var own = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId)
            .Select(a => new { a.Id, a.CountryCode, a.CoordinatorType, Areas = a.Areas.Select(x => x.LegislativeAreaCode).ToList() }).SingleAsync(ct);
        if (own.CoordinatorType is CoordinatorType.None or CoordinatorType.Nimic or CoordinatorType.Commission)
            return PerformanceScope.Of(own.Id, own.CountryCode, own.CoordinatorType, own.Areas, [], new CoordinatorTree(new Dictionary<Guid, Guid?>()));
        var (areas, tree) = cache is null ? await CountryAsync(db, own.CountryCode, ct) : await cache.GetAsync(db, own.CountryCode, ct);
        return PerformanceScope.Of(own.Id, own.CountryCode, own.CoordinatorType, own.Areas, areas, tree);
    }

    internal static async Task<(IReadOnlyList<AreaCoordination> Areas, CoordinatorTree Tree)> CountryAsync(ImiDbContext db, string country, CancellationToken ct)
    {
        var tree = await CoordinatorTrees.OfCountryAsync(db, country, ct);
        var areas = await db.Authorities.AsNoTracking().Where(a => a.CountryCode == country)
            .SelectMany(a => a.Areas.Select(x => new { a.Id, x.LegislativeAreaCode, Coordinator = x.CoordinatorId ?? a.CoordinatorId }))
            .ToListAsync(ct);
        return ([.. areas.Select(a => new AreaCoordination(a.Id, a.LegislativeAreaCode, a.Coordinator))], tree);
    }
}

/// <summary>
/// Who coordinates whom in a country, kept for <see cref="Lifetime"/> for the figures' read side (a DIMIC's scope covers hundreds of
/// authorities: rebuilding it for every dashboard and urgency list cost more than the query). The coordination commands of this
/// instance forget a country at once; another instance sees the change within <see cref="Lifetime"/>. Decisions that change data
/// (a reminder) and an exchange's page read afresh.
/// </summary>
public sealed class CountryCoordinationCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<AreaCoordination> Areas, CoordinatorTree Tree)> _countries = new();

    internal async Task<(IReadOnlyList<AreaCoordination> Areas, CoordinatorTree Tree)> GetAsync(ImiDbContext db, string country, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_countries.TryGetValue(country, out var kept) && now - kept.At < Lifetime)
            return (kept.Areas, kept.Tree);
        var (areas, tree) = await PerformanceScopes.CountryAsync(db, country, ct);
        _countries[country] = (now, areas, tree);
        return (areas, tree);
    }

    /// <summary>After a coordination change in <paramref name="country"/> (the Commission's changes: every country).</summary>
    public void Forget(string? country = null)
    {
        if (country is null)
            _countries.Clear();
        else
            _countries.TryRemove(country, out _);
    }
}
