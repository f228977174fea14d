using System.Diagnostics;
using Imi.Domain.Requests;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Imi.Bench;

/// <summary>
/// Exchanges at scale: fills the network's database with a chosen number of exchanges (most of them
/// closed, as in the real system), gives the first user of each authority the request-handler role,
/// then measures a handler's action list (first page) and sending a request (validate, persist,
/// alerts into the outbox, change notification).
/// </summary>
public sealed class RequestBenchmark(IDbContextFactory<ImiDbContext> contexts, NpgsqlDataSource dataSource, RequestQueries queries, RequestService requests)
{
    public async Task EnsureExchangesAsync(int wanted)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var existing = (long)(await new NpgsqlCommand("SELECT count(*) FROM information_requests", connection).ExecuteScalarAsync())!;
        if (existing >= wanted)
            return;
        var stopwatch = Stopwatch.StartNew();
        await Execute(connection, """
            INSERT INTO user_area_roles (user_id, legislative_area_code, role)
            SELECT u.id, aa.legislative_area_code, 'RequestHandler'
            FROM users u JOIN authority_areas aa ON aa.authority_id = u.authority_id
            WHERE u.is_local_data_administrator
              AND NOT EXISTS (SELECT 1 FROM user_area_roles r WHERE r.user_id = u.id AND r.legislative_area_code = aa.legislative_area_code);
            """);
        // Statuses as in a running system: most exchanges closed, the rest spread over the open states.
        await Execute(connection, $$"""
            WITH pq AS (SELECT array_agg(a.id ORDER BY a.id) AS ids, count(*) AS n FROM authorities a
                        JOIN authority_areas x ON x.authority_id = a.id AND x.legislative_area_code = 'PQ' WHERE a.status = 'Validated'),
                 g AS (SELECT i, random() AS s, pq.ids[1 + floor(random() * pq.n)::int] AS requester, pq.ids[1 + floor(random() * pq.n)::int] AS responder
                       FROM pq, generate_series(1, {{wanted - existing}}) i)
            INSERT INTO information_requests (id, legislative_area_code, question_set_code, question_set_version, requesting_authority_id,
                responding_authority_id, created_by, status, comment, subject, requested_answer_date, agreed_answer_date, requester_oversight,
                responder_settings, additional_information_declined, answered_in_part, created_at, sent_at, closed_at, last_activity_at,
                questions, timeline, allocated_handler_ids, revision)
            SELECT gen_random_uuid(), 'PQ', 'PQ-2005-36', 1, requester, responder, '00000000-0000-0000-0000-000000000000',
                   CASE WHEN s < 0.86 THEN 'Closed' WHEN s < 0.90 THEN 'Sent' WHEN s < 0.95 THEN 'Accepted' WHEN s < 0.98 THEN 'Replied'
                        WHEN s < 0.99 THEN 'AwaitingClarification' ELSE 'AdditionalInformationRequested' END,
                   '{"text":"Generated","languageCode":"en"}', '{"fullName":"Generated Person"}',
                   current_date + (i % 40) - 10, current_date + (i % 40) - 10,
                   '{"approverAuthorityId":null,"referee":null}', '{"allocationEnabled":false,"replyApproverAuthorityId":null,"referee":null}',
                   false, false, now() - make_interval(days => i % 1095), now() - make_interval(days => i % 1095),
                   CASE WHEN s < 0.86 THEN now() - make_interval(days => i % 1095) END, now() - make_interval(mins => i % 100000),
                   '[{"code":"PQ.DIPLOMA_AUTHENTIC","text":null,"answer":null},{"code":"PQ.REGISTRATION_STATUS","text":null,"answer":null}]',
                   '[]', '{}', 1
            FROM g WHERE requester <> responder;
            """);
        await Execute(connection, "VACUUM ANALYZE information_requests");
        await Execute(connection, "VACUUM ANALYZE user_area_roles");
        var count = (long)(await new NpgsqlCommand("SELECT count(*) FROM information_requests", connection).ExecuteScalarAsync())!;
        Console.WriteLine($"  Generated exchanges: {count:N0} in the database ({stopwatch.Elapsed.TotalSeconds:N1} s)");
    }

    public async Task<BenchmarkResult> ActionListAsync(int lists, int concurrency, int seed = 5)
    {
        var random = new Random(seed);
        var handlers = await HandlersAsync();
        for (var i = 0; i < 50; i++)
            await queries.ActionListAsync(handlers[random.Next(handlers.Count)], new ActionListFilter());
        var plan = Enumerable.Range(0, lists).Select(_ => handlers[random.Next(handlers.Count)]).ToArray();
        return await Latency.MeasureAsync(lists, concurrency, i => queries.ActionListAsync(plan[i], new ActionListFilter()), "lists");
    }

    public async Task<BenchmarkResult> SendAsync(int sends, int concurrency, int seed = 9)
    {
        var random = new Random(seed);
        await using var db = await contexts.CreateDbContextAsync();
        var handlers = await db.Database.SqlQueryRaw<HandlerRow>("""
            SELECT u.id AS user_id, u.authority_id FROM users u JOIN user_area_roles r ON r.user_id = u.id AND r.legislative_area_code = 'PQ' AND r.role = 'RequestHandler'
            JOIN authorities a ON a.id = u.authority_id WHERE a.status = 'Validated'
            """).ToListAsync();
        var drafts = new (Guid User, Guid Request)[sends];
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        for (var i = 0; i < sends; i++)
        {
            var from = handlers[random.Next(handlers.Count)];
            var to = handlers[random.Next(handlers.Count)];
            while (to.authority_id == from.authority_id)
                to = handlers[random.Next(handlers.Count)];
            drafts[i] = (from.user_id, (await requests.ExecuteAsync(from.user_id, new CreateDraft("PQ",
                new DraftContent(to.authority_id, ["PQ.DIPLOMA_AUTHENTIC", "PQ.REGISTRATION_STATUS"], ["Benchmark question?"],
                    new SubjectData("Bench Person", null, null, null, null, null), "Benchmark", due)))).RequestId);
        }
        return await Latency.MeasureAsync(sends, concurrency, i => requests.ExecuteAsync(drafts[i].User, new SendRequest(drafts[i].Request, 0)), "sends");
    }

    private sealed record HandlerRow(Guid user_id, Guid authority_id);

    private async Task<List<Guid>> HandlersAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<Guid>("SELECT user_id AS \"Value\" FROM user_area_roles WHERE role = 'RequestHandler' AND legislative_area_code = 'PQ'").ToListAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
