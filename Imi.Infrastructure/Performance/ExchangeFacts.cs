using Imi.Domain.Performance;
using Imi.Domain.Requests;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.Performance;

/// <summary>Keeps <c>exchange_facts</c> in step with the exchanges: on every save, and once for exchanges saved before it existed.</summary>
public static class ExchangeFacts
{
    /// <summary>
    /// Adds, updates or removes the fact row of every exchange the context is about to save, so that it is written in the same
    /// transaction. A draft has none (one its coordinator sent back loses it); an exchange leaving its draft gets one.
    /// </summary>
    public static async Task TrackAsync(ImiDbContext db, CancellationToken ct)
    {
        // Entries() detects the changes first (AutoDetectChangesEnabled): no separate DetectChanges call.
        var changed = db.ChangeTracker.Entries<InformationRequest>().Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (Entry: e, Measures: ExchangeMeasures.Of(e.Entity))).ToList();
        if (changed.Count == 0)
            return;
        var countries = await CountriesAsync(db, changed.Select(c => c.Measures), ct);
        foreach (var (entry, m) in changed)
        {
            var r = entry.Entity;
            var tracked = db.ChangeTracker.Entries<ExchangeFact>().FirstOrDefault(f => f.Entity.Id == r.Id);
            if (tracked is not null)
            {
                if (m is null)
                    tracked.State = tracked.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
                else
                {
                    Fill(tracked.Entity, r, m, countries);
                    if (tracked.State == EntityState.Deleted)
                        tracked.State = EntityState.Modified;
                }
                continue;
            }
            // Not tracked: the row exists exactly when the exchange was stored out of its draft.
            var stored = entry.State == EntityState.Modified
                         && (RequestStatus)entry.OriginalValues[nameof(InformationRequest.Status)]! != RequestStatus.Draft;
            if (m is null)
            {
                if (stored)
                    db.ExchangeFacts.Remove(new ExchangeFact { Id = r.Id });
            }
            else if (stored)
                db.Entry(Fill(new ExchangeFact(), r, m, countries)).State = EntityState.Modified;
            else
                db.ExchangeFacts.Add(Fill(new ExchangeFact(), r, m, countries));
        }
    }

    /// <summary>
    /// Writes the fact rows of exchanges that have none (saved before the figures existed, or loaded in bulk), in batches;
    /// run at start. Returns how many.
    /// </summary>
    public static async Task<int> BackfillAsync(IDbContextFactory<ImiDbContext> contexts, ILogger logger, CancellationToken ct = default)
    {
        await using (var check = await contexts.CreateDbContextAsync(ct))
            if (!await check.Requests.AnyAsync(r => r.Status != RequestStatus.Draft && !check.ExchangeFacts.Any(f => f.Id == r.Id), ct))
                return 0;
        var done = 0;
        var after = Guid.Empty;
        while (true)
        {
            // Walks the exchanges once, in key order, a thousand at a time: linear at any size.
            await using var db = await contexts.CreateDbContextAsync(ct);
            var ids = await db.Requests.AsNoTracking().Where(r => r.Id.CompareTo(after) > 0).OrderBy(r => r.Id).Select(r => r.Id).Take(1000).ToListAsync(ct);
            if (ids.Count == 0)
                break;
            after = ids[^1];
            var batch = await db.Requests.AsNoTracking()
                .Where(r => ids.Contains(r.Id) && r.Status != RequestStatus.Draft && !db.ExchangeFacts.Any(f => f.Id == r.Id)).ToListAsync(ct);
            if (batch.Count == 0)
                continue;
            var measures = batch.Select(r => (Request: r, Measures: ExchangeMeasures.Of(r)!)).ToList();
            var countries = await CountriesAsync(db, measures.Select(m => m.Measures), ct);
            db.ExchangeFacts.AddRange(measures.Select(m => Fill(new ExchangeFact(), m.Request, m.Measures, countries)));
            await db.SaveChangesAsync(ct);
            done += batch.Count;
        }
        if (done > 0)
            logger.LogInformation("Figures: {Count} exchanges added to exchange_facts", done);
        return done;
    }

    private static ExchangeFact Fill(ExchangeFact fact, InformationRequest r, ExchangeMeasures m, IReadOnlyDictionary<Guid, string> countries)
    {
        fact.CopyFrom(r, m);
        fact.RequesterCountry = countries.GetValueOrDefault(m.RequesterId, "");
        fact.ResponderCountry = m.ResponderId is { } responder ? countries.GetValueOrDefault(responder) : null;
        return fact;
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> CountriesAsync(ImiDbContext db, IEnumerable<ExchangeMeasures?> measures, CancellationToken ct)
    {
        var ids = measures.OfType<ExchangeMeasures>().SelectMany(m => new[] { m.RequesterId, m.ResponderId ?? m.RequesterId }).ToHashSet();
        // Authorities saved in the same go are not in the database yet.
        var countries = db.ChangeTracker.Entries<Imi.Domain.Authorities.Authority>().Where(e => ids.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => e.Entity.CountryCode);
        var missing = ids.Where(id => !countries.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var a in await db.Authorities.AsNoTracking().Where(a => missing.Contains(a.Id)).Select(a => new { a.Id, a.CountryCode }).ToListAsync(ct))
                countries[a.Id] = a.CountryCode;
        return countries;
    }
}
