using System.Diagnostics;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Imi.Bench;

/// <summary>
/// A large authority's allocation board (issue 13): one validated PQ authority of the generated network gets 40
/// request handlers and an allocator, allocation on, and 500 new requests not allocated (on top of the generated
/// exchanges). Measures the board's data (the query the page loads), a move (an allocation, saved with its alert and
/// change notification: what the allocator waits for before the board acknowledges it) and suggestions for all 500.
/// </summary>
public sealed class AllocationBenchmark(IDbContextFactory<ImiDbContext> contexts, NpgsqlDataSource dataSource, RequestQueries queries, RequestService requests)
{
    public const int Handlers = 40, Cards = 500;
    private const string Marker = "bench-board";

    /// <summary>The allocator and the board's requests, creating them the first time.</summary>
    /// <param name="authorityId">The authority whose board to fill; the first validated PQ authority when null.</param>
    public async Task<(Guid Allocator, List<Guid> Handlers, List<Guid> Requests)> EnsureBoardAsync(Guid? authorityId = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var allocator = await db.ImiUsers.Where(u => u.Username == Marker + "-allocator").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (allocator is null)
        {
            var stopwatch = Stopwatch.StartNew();
            var authority = authorityId ?? await db.Database.SqlQueryRaw<Guid>("""
                SELECT a.id AS "Value" FROM authorities a JOIN authority_areas x ON x.authority_id = a.id AND x.legislative_area_code = 'PQ'
                WHERE a.status = 'Validated' ORDER BY a.id LIMIT 1
                """).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var allocatorUser = User.Register(authority, Marker + "-allocator", $"{Marker}-allocator@bench.example", "Bench", "Allocator", "en", now);
            allocatorUser.Grant(AreaRole.Allocator, "PQ");
            db.ImiUsers.Add(allocatorUser);
            for (var i = 0; i < Handlers; i++)
            {
                var handler = User.Register(authority, $"{Marker}-{i:00}", $"{Marker}-{i:00}@bench.example", "Handler", $"{i:00}", "en", now);
                handler.Grant(AreaRole.RequestHandler, "PQ");
                db.ImiUsers.Add(handler);
            }
            await db.SaveChangesAsync();
            await using var connection = await dataSource.OpenConnectionAsync();
            await new NpgsqlCommand($"UPDATE authority_areas SET allocation_enabled = true WHERE authority_id = '{authority}' AND legislative_area_code = 'PQ'", connection).ExecuteNonQueryAsync();
            allocator = allocatorUser.Id;
            Console.WriteLine($"  Board: {Handlers} handlers at one authority ({stopwatch.Elapsed.TotalSeconds:N1} s)");
        }
        var boardAuthority = await db.ImiUsers.Where(u => u.Id == allocator).Select(u => u.AuthorityId).SingleAsync();
        var handlers = await db.ImiUsers.Where(u => u.AuthorityId == boardAuthority && u.Username.StartsWith(Marker + "-") && u.Username != Marker + "-allocator")
            .OrderBy(u => u.Username).Select(u => u.Id).ToListAsync();
        var open = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM information_requests WHERE responding_authority_id = {boardAuthority} AND status = 'Sent'
               AND (responder_settings ->> 'allocationEnabled')::boolean ORDER BY number
            """).ToListAsync();
        if (open.Count < Cards)
        {
            // New requests not allocated, from the network's other authorities in turn (their facts rows come from the
            // portal's start-up backfill, or from PerformanceBenchmark.EnsureFactsAsync in the benchmark).
            var missing = Cards - open.Count;
            var authority = boardAuthority;
            await using var connection = await dataSource.OpenConnectionAsync();
            await new NpgsqlCommand($$"""
                INSERT INTO information_requests (id, legislative_area_code, question_set_code, question_set_version, requesting_authority_id,
                    responding_authority_id, created_by, status, comment, subject, requested_answer_date, agreed_answer_date, requester_oversight,
                    responder_settings, additional_information_declined, answered_in_part, created_at, sent_at, last_activity_at,
                    questions, timeline, allocated_handler_ids, revision)
                SELECT gen_random_uuid(), 'PQ', 'PQ-2005-36', 1, r.requester, '{{authority}}', '00000000-0000-0000-0000-000000000000', 'Sent',
                       '{"text":"Generated","languageCode":"en"}', '{"fullName":"Generated Person"}',
                       current_date + (i % 40), current_date + (i % 40),
                       '{"approverAuthorityId":null,"referee":null}', '{"allocationEnabled":true,"replyApproverAuthorityId":null,"referee":null}',
                       false, false, now() - make_interval(hours => i), now() - make_interval(hours => i), now() - make_interval(hours => i),
                       '[{"code":"PQ.DIPLOMA_AUTHENTIC","text":null,"answer":null},{"code":"PQ.REGISTRATION_STATUS","text":null,"answer":null}]',
                       '[]', '{}', 1
                FROM generate_series(1, {{missing}}) i
                CROSS JOIN LATERAL (SELECT a.id AS requester FROM authorities a WHERE a.status = 'Validated' AND a.id <> '{{authority}}'
                                    ORDER BY a.id OFFSET i % (SELECT count(*) - 1 FROM authorities WHERE status = 'Validated') LIMIT 1) r;
                """, connection) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
            await new NpgsqlCommand("ANALYZE information_requests", connection).ExecuteNonQueryAsync();
            Console.WriteLine($"  Board: {missing} new requests not allocated");
            return await EnsureBoardAsync(authorityId);
        }
        return (allocator.Value, handlers, open);
    }

    public async Task<BenchmarkResult> BoardAsync(Guid allocator, int loads)
    {
        var boards = await queries.AllocationBoardsAsync(allocator);
        Console.WriteLine($"  Board: {boards.Sum(b => b.Cards.Count)} cards ({boards.Sum(b => b.Cards.Count(c => c.AllocatedTo.Count == 0))} not allocated), {boards.Sum(b => b.Handlers.Count)} handler columns");
        return await Latency.MeasureAsync(loads, 1, _ => queries.AllocationBoardsAsync(allocator), "boards");
    }

    /// <summary>Moves: each request to a handler, then back to not allocated (so the board stays as it was), at its current revision.</summary>
    public async Task<BenchmarkResult> MovesAsync(Guid allocator, List<Guid> handlers, List<Guid> requestIds, int moves, int concurrency)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var revisions = await db.Requests.Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Revision);
        var result = await Latency.MeasureAsync(moves, concurrency, i =>
            requests.ExecuteAsync(allocator, new AllocateRequest(requestIds[i], revisions[requestIds[i]], [handlers[i % handlers.Count]])), "moves");
        foreach (var id in requestIds.Take(moves))
            await requests.ExecuteAsync(allocator, new UnallocateRequest(id, revisions[id] + 1));
        return result;
    }

    /// <summary>
    /// A change crossing instances: a move made here (instance a) until a second instance — its own change-feed listener
    /// on its own connection, as another portal process has — heard of it and read the board again (what an open board on
    /// instance b does before it renders). The SignalR push to the browser and its render come on top (not measured here).
    /// </summary>
    public async Task<BenchmarkResult> CrossInstanceAsync(Guid allocator, List<Guid> handlers, List<Guid> requestIds, int moves, string connectionString)
    {
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        await using var secondSource = NpgsqlDataSource.Create(connectionString);
        var feed = new ChangeFeed(loggers.CreateLogger<ChangeFeed>());
        using var listener = new ChangeFeedListener(secondSource, feed, new Imi.Infrastructure.Identity.AccountChanges(loggers.CreateLogger<Imi.Infrastructure.Identity.AccountChanges>()),
            loggers.CreateLogger<ChangeFeedListener>());
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening;
        var waiting = new System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource>();
        feed.Changed += change =>
        {
            if (waiting.TryRemove(change.RequestId, out var heard))
                heard.TrySetResult();
        };
        await using var db = await contexts.CreateDbContextAsync();
        var revisions = await db.Requests.Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Revision);
        var result = await Latency.MeasureAsync(moves, 1, async i =>
        {
            var id = requestIds[i];
            var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[id] = heard;
            await requests.ExecuteAsync(allocator, new AllocateRequest(id, revisions[id], [handlers[i % handlers.Count]]));
            await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await queries.AllocationBoardsAsync(allocator); // instance b's board reads again
        }, "changes");
        await listener.StopAsync(CancellationToken.None);
        foreach (var id in requestIds.Take(moves))
            await requests.ExecuteAsync(allocator, new UnallocateRequest(id, revisions[id] + 1));
        return result;
    }

    public async Task<BenchmarkResult> SuggestAsync(Guid allocator, List<Guid> requestIds, int rounds) =>
        await Latency.MeasureAsync(rounds, 1, _ => queries.SuggestAsync(allocator, "PQ", requestIds), "suggestions for every card");
}
