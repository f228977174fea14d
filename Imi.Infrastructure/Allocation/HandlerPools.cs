using Imi.Domain.Allocation;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Allocation;

/// <summary>
/// What allocation decides on, read from the database: the request handlers of an authority's area
/// as <see cref="HandlerOnDuty"/> (open load over all areas, capacity, absence, last request of the
/// area given to them), and their experience in the area (for the suggestion).
/// </summary>
internal static class HandlerPools
{
    /// <summary>How far back "given a request of the area" looks for round robin, and experience for suggestions.</summary>
    public static readonly TimeSpan LastAllocationWindow = TimeSpan.FromDays(90), ExperienceWindow = TimeSpan.FromDays(365);

    public static async Task<IReadOnlyList<HandlerOnDuty>> OfAsync(ImiDbContext db, Guid authorityId, string area, DateTimeOffset now, CancellationToken ct)
    {
        var handlers = await db.ImiUsers.AsNoTracking()
            .Where(u => u.AuthorityId == authorityId && u.AreaRoles.Any(r => r.Role == AreaRole.RequestHandler && r.LegislativeAreaCode == area))
            .Select(u => new { u.Id, u.Capacity, u.Absence })
            .ToListAsync(ct);
        var loads = await LoadsAsync(db, authorityId, handlers.Select(h => h.Id).ToArray(), area, now, ct);
        return handlers.Select(h =>
        {
            var load = loads.GetValueOrDefault(h.Id);
            return new HandlerOnDuty(h.Id, load?.open_load ?? 0, h.Capacity, h.Absence, load?.last_allocated_at);
        }).ToList();
    }

    /// <summary>Open load and last allocation in the area of each of <paramref name="userIds"/>, in one query.</summary>
    public static async Task<Dictionary<Guid, LoadRow>> LoadsAsync(ImiDbContext db, Guid authorityId, Guid[] userIds, string? area, DateTimeOffset now, CancellationToken ct)
    {
        var open = RequestWorkflow.OpenStates.Where(RequestWorkflow.HasReachedResponder).Select(s => s.ToString()).ToArray();
        var rows = await db.Database.SqlQueryRaw<LoadRow>("""
                SELECT h.id AS user_id,
                       count(*) FILTER (WHERE r.status = ANY(@open))::int AS open_load,
                       max(r.sent_at) FILTER (WHERE r.legislative_area_code = @area AND r.last_activity_at >= @since) AS last_allocated_at
                FROM unnest(@ids) AS h(id)
                JOIN information_requests r ON r.responding_authority_id = @authority AND h.id = ANY(r.allocated_handler_ids)
                 AND (r.status = ANY(@open) OR r.last_activity_at >= @since)
                GROUP BY h.id
                """,
                new Npgsql.NpgsqlParameter("ids", userIds),
                new Npgsql.NpgsqlParameter("authority", authorityId),
                new Npgsql.NpgsqlParameter("open", open),
                new Npgsql.NpgsqlParameter("area", (object?)area ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new Npgsql.NpgsqlParameter("since", now - LastAllocationWindow))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.user_id);
    }

    internal sealed record LoadRow(Guid user_id, int open_load, DateTimeOffset? last_allocated_at);

    /// <summary>Per handler: the exchanges of the area allocated to them over the last year, and the questions they had.</summary>
    public static async Task<IReadOnlyDictionary<Guid, HandlerExperience>> ExperienceAsync(ImiDbContext db, Guid authorityId, string area, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<ExperienceRow>("""
                SELECT h.id AS user_id, count(DISTINCT r.id)::int AS exchanges, q.code, count(*)::int AS times
                FROM information_requests r
                CROSS JOIN LATERAL unnest(r.allocated_handler_ids) AS h(id)
                CROSS JOIN LATERAL jsonb_to_recordset(r.questions) AS q(code text)
                WHERE r.responding_authority_id = @authority AND r.legislative_area_code = @area AND r.last_activity_at >= @since
                  AND q.code IS NOT NULL
                GROUP BY GROUPING SETS ((h.id), (h.id, q.code))
                """,
                new Npgsql.NpgsqlParameter("authority", authorityId),
                new Npgsql.NpgsqlParameter("area", area),
                new Npgsql.NpgsqlParameter("since", now - ExperienceWindow))
            .ToListAsync(ct);
        return rows.GroupBy(r => r.user_id).ToDictionary(g => g.Key, g => new HandlerExperience(
            g.Where(r => r.code is null).Select(r => r.exchanges).FirstOrDefault(),
            g.Where(r => r.code is not null).ToDictionary(r => r.code!, r => r.times)));
    }

    internal sealed record ExperienceRow(Guid user_id, int exchanges, string? code, int times);
}
