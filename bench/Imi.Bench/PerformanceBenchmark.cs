using System.Diagnostics;
using Imi.Domain.Performance;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Performance;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Imi.Bench;

/// <summary>
/// The figures at scale (issue 12): gives each country a NIMIC and a DIMIC (coordinating a third of the country's PQ
/// authorities), writes the facts of the generated exchanges (which have no timeline: their measures are drawn from each id's
/// hash, accepted after 0–10 days, answered 5–29 days later, half of the closed ones rated) and the monthly figures from them,
/// as the trigger would; then measures the EEA-wide dashboard, a NIMIC's dashboard and the NIMICs' and DIMICs' urgency lists.
/// </summary>
public sealed class PerformanceBenchmark(IDbContextFactory<ImiDbContext> contexts, NpgsqlDataSource dataSource, PerformanceQueries queries)
{
    public async Task EnsureFactsAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var stopwatch = Stopwatch.StartNew();
        await Execute(connection, """
            WITH ranked AS (SELECT a.id, a.country_code, row_number() OVER (PARTITION BY a.country_code ORDER BY a.id) AS n
                            FROM authorities a JOIN authority_areas x ON x.authority_id = a.id AND x.legislative_area_code = 'PQ'
                            WHERE a.status = 'Validated'),
                 nimic AS (SELECT id, country_code FROM ranked WHERE n = 1 AND NOT EXISTS (SELECT 1 FROM authorities c WHERE c.coordinator_type = 'Nimic' AND c.country_code = ranked.country_code)),
                 made AS (UPDATE authorities a SET coordinator_type = 'Nimic' FROM nimic WHERE a.id = nimic.id RETURNING a.id, a.country_code)
            UPDATE authorities a SET coordinator_type = 'Dimic', coordinator_id = made.id
            FROM ranked JOIN made ON made.country_code = ranked.country_code WHERE a.id = ranked.id AND ranked.n = 2;
            UPDATE authorities a SET coordinator_id = n.id FROM authorities n
            WHERE n.coordinator_type = 'Nimic' AND n.country_code = a.country_code AND a.coordinator_id IS NULL AND a.id <> n.id;
            UPDATE authority_areas x SET coordinator_id = d.id FROM authorities a, authorities d
            WHERE x.authority_id = a.id AND x.legislative_area_code = 'PQ' AND d.coordinator_type = 'Dimic' AND d.country_code = a.country_code
              AND a.coordinator_type = 'None' AND x.coordinator_id IS NULL AND abs(hashtext(a.id::text)) % 3 = 0;
            """);
        var missing = (long)(await new NpgsqlCommand(
            "SELECT count(*) FROM information_requests r WHERE r.status <> 'Draft' AND NOT EXISTS (SELECT 1 FROM exchange_facts f WHERE f.id = r.id)",
            connection).ExecuteScalarAsync())!;
        if (missing == 0)
            return;
        await Execute(connection, """
            CREATE TEMP TABLE new_facts AS
            SELECT r.id FROM information_requests r
            WHERE r.status <> 'Draft' AND NOT EXISTS (SELECT 1 FROM exchange_facts f WHERE f.id = r.id);
            ALTER TABLE exchange_facts DISABLE TRIGGER exchange_facts_to_figures;
            INSERT INTO exchange_facts (id, area_code, status, requester_id, requester_country, responder_id, responder_country, sent_at, received_at,
                accept_by, accepted_at, accepted_in_time, first_replied_at, answer_days, answer_date, answered_on_time, rated_at, negative_timeliness,
                negative_effort, last_activity_at, agreed_answer_date, waiting_authority_id, not_accepted_from, past_answer_date_from, idle_from, urgent_from)
            SELECT m.id, m.area, m.status, m.req, m.req_country, m.resp, m.resp_country, m.sent_at, m.sent_at,
                   m.sent_day + 7, m.accepted_at, CASE WHEN m.accepted_at IS NOT NULL THEN m.accept_days <= 7 END,
                   m.replied_at, CASE WHEN m.replied_at IS NOT NULL THEN m.accept_days + m.reply_days END,
                   CASE WHEN m.replied_at IS NOT NULL THEN m.sent_day + 21 END,
                   CASE WHEN m.replied_at IS NOT NULL THEN m.accept_days + m.reply_days <= 21 END,
                   m.rated_at, CASE WHEN m.rated_at IS NOT NULL THEN m.h % 17 = 0 END, CASE WHEN m.rated_at IS NOT NULL THEN m.h % 23 = 0 END,
                   m.last_activity_at, m.sent_day + 21,
                   CASE WHEN m.status IN ('Sent', 'Accepted', 'AdditionalInformationRequested') THEN m.resp WHEN m.status <> 'Closed' THEN m.req END,
                   m.not_accepted_from, m.past_from, m.idle_from, least(m.not_accepted_from, m.past_from, m.idle_from)
            FROM (
                SELECT r.id, r.legislative_area_code AS area, r.status, r.requesting_authority_id AS req, q.country_code AS req_country,
                       r.responding_authority_id AS resp, p.country_code AS resp_country, r.sent_at, (r.sent_at AT TIME ZONE 'UTC')::date AS sent_day,
                       x.h, x.accept_days, x.reply_days, r.last_activity_at,
                       CASE WHEN r.status <> 'Sent' THEN r.sent_at + make_interval(days => x.accept_days) END AS accepted_at,
                       CASE WHEN r.status IN ('Replied', 'Closed') THEN r.sent_at + make_interval(days => x.accept_days + x.reply_days) END AS replied_at,
                       CASE WHEN r.status = 'Closed' AND x.h % 2 = 0 THEN r.sent_at + make_interval(days => x.accept_days + x.reply_days + 1) END AS rated_at,
                       CASE WHEN r.status = 'Sent' THEN ((r.sent_at AT TIME ZONE 'UTC')::date + 8)::timestamp AT TIME ZONE 'UTC' END AS not_accepted_from,
                       CASE WHEN r.status IN ('Sent', 'Accepted', 'AdditionalInformationRequested')
                            THEN ((r.sent_at AT TIME ZONE 'UTC')::date + 22)::timestamp AT TIME ZONE 'UTC' END AS past_from,
                       CASE WHEN r.status <> 'Closed' THEN r.last_activity_at + interval '2 months' END AS idle_from
                FROM information_requests r
                JOIN new_facts n ON n.id = r.id
                JOIN authorities q ON q.id = r.requesting_authority_id
                JOIN authorities p ON p.id = r.responding_authority_id
                CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text)) AS h) hh
                CROSS JOIN LATERAL (SELECT hh.h, hh.h % 11 AS accept_days, 5 + (hh.h / 11) % 25 AS reply_days) x
            ) m;
            ALTER TABLE exchange_facts ENABLE TRIGGER exchange_facts_to_figures;
            INSERT INTO performance_by_authority AS p (month, authority_id, country_code, area_code, sent, received, accepted_in_time, accepted,
                answered, answer_days, answered_with_date, answered_on_time, rated, negative_timeliness, negative_effort)
            SELECT c.month, c.authority_id, max(c.country_code), c.area_code, sum(c.sent), sum(c.received), sum(c.accepted_in_time), sum(c.accepted),
                   sum(c.answered), sum(c.answer_days), sum(c.answered_with_date), sum(c.answered_on_time), sum(c.rated), sum(c.negative_timeliness), sum(c.negative_effort)
            FROM exchange_facts f JOIN new_facts n ON n.id = f.id CROSS JOIN LATERAL exchange_fact_contributions(f, 1) c
            GROUP BY c.authority_id, c.area_code, c.month
            ON CONFLICT (authority_id, area_code, month) DO UPDATE SET sent = p.sent + EXCLUDED.sent, received = p.received + EXCLUDED.received,
                accepted_in_time = p.accepted_in_time + EXCLUDED.accepted_in_time, accepted = p.accepted + EXCLUDED.accepted, answered = p.answered + EXCLUDED.answered,
                answer_days = p.answer_days + EXCLUDED.answer_days, answered_with_date = p.answered_with_date + EXCLUDED.answered_with_date,
                answered_on_time = p.answered_on_time + EXCLUDED.answered_on_time, rated = p.rated + EXCLUDED.rated,
                negative_timeliness = p.negative_timeliness + EXCLUDED.negative_timeliness, negative_effort = p.negative_effort + EXCLUDED.negative_effort;
            INSERT INTO performance_by_country AS p (month, country_code, area_code, sent, received, accepted_in_time, accepted,
                answered, answer_days, answered_with_date, answered_on_time, rated, negative_timeliness, negative_effort)
            SELECT c.month, c.country_code, c.area_code, sum(c.sent), sum(c.received), sum(c.accepted_in_time), sum(c.accepted),
                   sum(c.answered), sum(c.answer_days), sum(c.answered_with_date), sum(c.answered_on_time), sum(c.rated), sum(c.negative_timeliness), sum(c.negative_effort)
            FROM exchange_facts f JOIN new_facts n ON n.id = f.id CROSS JOIN LATERAL exchange_fact_contributions(f, 1) c
            GROUP BY c.country_code, c.area_code, c.month
            ON CONFLICT (country_code, area_code, month) DO UPDATE SET sent = p.sent + EXCLUDED.sent, received = p.received + EXCLUDED.received,
                accepted_in_time = p.accepted_in_time + EXCLUDED.accepted_in_time, accepted = p.accepted + EXCLUDED.accepted, answered = p.answered + EXCLUDED.answered,
                answer_days = p.answer_days + EXCLUDED.answer_days, answered_with_date = p.answered_with_date + EXCLUDED.answered_with_date,
                answered_on_time = p.answered_on_time + EXCLUDED.answered_on_time, rated = p.rated + EXCLUDED.rated,
                negative_timeliness = p.negative_timeliness + EXCLUDED.negative_timeliness, negative_effort = p.negative_effort + EXCLUDED.negative_effort;
            DROP TABLE new_facts;
            """);
        foreach (var table in new[] { "exchange_facts", "performance_by_authority", "performance_by_country", "authorities", "authority_areas" })
            await Execute(connection, $"VACUUM ANALYZE {table}");
        Console.WriteLine($"  Facts and monthly figures for {missing:N0} exchanges ({stopwatch.Elapsed.TotalSeconds:N1} s); " +
                          $"{await CountAsync(connection, "performance_by_authority"):N0} authority-months, {await CountAsync(connection, "performance_by_country"):N0} country-months");
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table) =>
        (long)(await new NpgsqlCommand($"SELECT count(*) FROM {table}", connection).ExecuteScalarAsync())!;

    /// <summary>The EEA-wide dashboard (all five indicators, twelve months, 30 countries compared), as the Commission opens it.</summary>
    public async Task<BenchmarkResult> NetworkDashboardAsync(int count, int concurrency)
    {
        var (from, to) = PerformanceQueries.LastTwelveMonths(DateTimeOffset.UtcNow);
        var user = (await UsersOfAsync("Nimic"))[0];
        var request = new FiguresRequest(FiguresOf.Network, null, null, null, from, to);
        for (var i = 0; i < 20; i++)
            await queries.DashboardAsync(user, request);
        return await Latency.MeasureAsync(count, concurrency, _ => queries.DashboardAsync(user, request), "dashboards");
    }

    /// <summary>A NIMIC's dashboard: its country, twelve months, its 20 busiest authorities compared.</summary>
    public async Task<BenchmarkResult> CountryDashboardAsync(int count, int concurrency, int seed = 3)
    {
        var (from, to) = PerformanceQueries.LastTwelveMonths(DateTimeOffset.UtcNow);
        var users = await UsersOfAsync("Nimic");
        var random = new Random(seed);
        var request = new FiguresRequest(FiguresOf.Scope, null, null, null, from, to);
        var plan = Enumerable.Range(0, count).Select(_ => users[random.Next(users.Count)]).ToArray();
        for (var i = 0; i < 20; i++)
            await queries.DashboardAsync(users[i % users.Count], request);
        return await Latency.MeasureAsync(count, concurrency, i => queries.DashboardAsync(plan[i], request), "dashboards");
    }

    /// <summary>The first page of the urgency list of a NIMIC (its country) or of a DIMIC (the authorities it coordinates in PQ).</summary>
    public async Task<BenchmarkResult> UrgencyListAsync(string coordinatorType, int count, int concurrency, int seed = 4)
    {
        var users = await UsersOfAsync(coordinatorType);
        var random = new Random(seed);
        var plan = Enumerable.Range(0, count).Select(_ => users[random.Next(users.Count)]).ToArray();
        for (var i = 0; i < 30; i++)
            await queries.UrgencyListAsync(users[i % users.Count]);
        return await Latency.MeasureAsync(count, concurrency, i => queries.UrgencyListAsync(plan[i]), "lists");
    }

    private async Task<List<Guid>> UsersOfAsync(string coordinatorType)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT ON (a.id) u.id AS "Value" FROM users u JOIN authorities a ON a.id = u.authority_id
            WHERE a.coordinator_type = {coordinatorType} ORDER BY a.id, u.id
            """).ToListAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
