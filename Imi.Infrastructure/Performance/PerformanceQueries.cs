using System.Data.Common;
using Imi.Domain.Common;
using Imi.Domain.Performance;
using Imi.Domain.Requests;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Imi.Infrastructure.Performance;

/// <summary>Whose figures: the user's scope, one authority in it, a country's total, or the EEA's.</summary>
public enum FiguresOf { Scope, Authority, Country, Network }

/// <summary>What the dashboard asks for: whose figures, in which area (null: all), over which months (first days, inclusive).</summary>
public sealed record FiguresRequest(FiguresOf Of, Guid? AuthorityId, string? CountryCode, string? AreaCode, DateOnly FromMonth, DateOnly ToMonth);

/// <summary>A subject the user may choose; <see cref="Name"/> is an authority's informal title or a country's name (empty for the EEA).</summary>
public sealed record FiguresChoice(FiguresOf Of, Guid? AuthorityId, string? CountryCode, string Name);

public sealed record MonthFigures(DateOnly Month, PerformanceCounts Counts);

/// <summary>One bar of the comparison: an authority of the scope, or a country.</summary>
public sealed record ComparedFigures(string Name, Guid? AuthorityId, string? CountryCode, PerformanceCounts Counts);

/// <summary>Everything the dashboard shows, for one request.</summary>
public sealed record PerformanceDashboard(
    FiguresRequest Request, ScopeKind ScopeKind, FiguresChoice Subject, IReadOnlyList<FiguresChoice> Choices,
    IReadOnlyList<(string Code, string Name)> Areas, PerformanceCounts Total, IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<ComparedFigures> Comparison, bool ComparesCountries, DateTimeOffset AsOf);

/// <summary>One exchange of the urgency list: no content, no personal data.</summary>
public sealed record UrgentExchange(Guid Id, int Revision, string Reference, string AreaCode, RequestStatus Status, PartyInfo Requester, PartyInfo? Responder,
    bool Incoming, bool Outgoing, DateTimeOffset? ReceivedAt, DateOnly? AnswerDate, DateTimeOffset LastActivityAt,
    IReadOnlyList<UrgencyReason> Reasons, int AgeDays, bool MayRemind);

public sealed record UrgencyList(IReadOnlyList<UrgentExchange> Items, int Total, bool TotalCapped, int Page, int PageSize, ScopeKind ScopeKind,
    IReadOnlyList<(string Code, string Name)> Areas);

/// <summary>
/// The read side of the figures (issue 12): sums of the counts the database keeps per authority and per country and month, the
/// not-yet-decided acceptances from <c>exchange_facts</c>, and the urgency list. Who sees what is <see cref="PerformanceScope"/>.
/// </summary>
public sealed class PerformanceQueries(IDbContextFactory<ImiDbContext> contexts, CountryCoordinationCache coordination, TimeProvider clock)
{
    public const int MaxMonths = 36;
    public const int ComparedAuthorities = 20;
    public const int UrgencyPageSize = 50;
    /// <summary>Beyond this many the page says "more than": counting every urgent exchange of a large country costs more than the page.</summary>
    public const int UrgencyCountCap = 1_000;

    private const string Sums = """
        sum(sent)::bigint, sum(received)::bigint, sum(accepted_in_time)::bigint, sum(accepted)::bigint, sum(answered)::bigint,
        sum(answer_days)::bigint, sum(answered_with_date)::bigint, sum(answered_on_time)::bigint, sum(rated)::bigint,
        sum(negative_timeliness)::bigint, sum(negative_effort)::bigint
        """;

    /// <summary>The default period: the twelve months up to and including the current one.</summary>
    public static (DateOnly From, DateOnly To) LastTwelveMonths(DateTimeOffset now)
    {
        var to = Scoreboard.MonthOf(now);
        return (to.AddMonths(-11), to);
    }

    public async Task<PerformanceDashboard> DashboardAsync(Guid userId, FiguresRequest request, CancellationToken ct = default)
    {
        Guid authorityId;
        await using (var users = await contexts.CreateDbContextAsync(ct))
            authorityId = (await ActorLoader.LoadAsync(users, userId, ct)).Actor.AuthorityId;
        return await DashboardOfAuthorityAsync(authorityId, request, ct);
    }

    /// <summary>The dashboard as the users of <paramref name="authorityId"/> see it (the weekly digest reads it without a user).</summary>
    public async Task<PerformanceDashboard> DashboardOfAuthorityAsync(Guid authorityId, FiguresRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var scope = await PerformanceScopes.OfAsync(db, authorityId, coordination, ct);
        var now = clock.GetUtcNow();
        var language = Localization.Texts.CurrentLanguage;
        var request2 = Clamp(request, now);
        var countries = (await db.Countries.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.NameIn(language));
        var own = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => new { a.InformalTitle, a.CountryCode }).SingleAsync(ct);

        var subject = await SubjectAsync(db, scope, request2, own.InformalTitle, countries, ct);
        var filter = subject.Filter;
        var connection = await OpenAsync(db, ct);
        var awaiting = await AwaitingAcceptanceAsync(connection, request2, now, ct);

        var months = new List<MonthFigures>();
        var byMonth = await SumAsync(connection, filter.Table, "month", filter.Sql, request2, filter.Parameters, "", ct);
        for (var m = request2.FromMonth; m <= request2.ToMonth; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM-dd");
            var counts = byMonth.GetValueOrDefault(key, PerformanceCounts.Zero)
                         with { AwaitingAcceptance = awaiting.Where(x => x.Month == m && filter.Includes(x.AuthorityId, x.CountryCode, x.AreaCode)).Sum(x => x.Count) };
            months.Add(new MonthFigures(m, counts));
        }
        var total = months.Aggregate(PerformanceCounts.Zero, (sum, m) => sum + m.Counts);

        // The comparison: countries for the EEA and for a country outside the scope; the authorities of a scope (the largest
        // first); an authority beside its country and the EEA.
        List<ComparedFigures> comparison;
        var comparesCountries = subject.ComparesCountries;
        if (comparesCountries)
        {
            var sums = await SumAsync(connection, "performance_by_country", "country_code", "TRUE", request2, [], "", ct);
            comparison = countries.OrderBy(c => c.Value, StringComparer.Create(Localization.PortalLanguages.CultureOf(language), true))
                .Select(c => new ComparedFigures(c.Value, null, c.Key, sums.GetValueOrDefault(c.Key, PerformanceCounts.Zero)
                    with { AwaitingAcceptance = awaiting.Where(x => x.CountryCode == c.Key).Sum(x => x.Count) })).ToList();
        }
        else if (subject.Choice.Of == FiguresOf.Authority || scope.Kind == ScopeKind.OwnAuthority && subject.Choice.Of == FiguresOf.Scope)
        {
            var country = subject.CountryCode;
            var countryCounts = (await SumAsync(connection, "performance_by_country", "country_code", "country_code = @country", request2,
                [new NpgsqlParameter("country", country)], "", ct)).GetValueOrDefault(country, PerformanceCounts.Zero);
            var eea = (await SumAsync(connection, "performance_by_country", "'EEA'", "TRUE", request2, [], "", ct)).GetValueOrDefault("EEA", PerformanceCounts.Zero);
            comparison =
            [
                new(subject.Choice.Name, subject.Choice.AuthorityId, null, total),
                new(countries.GetValueOrDefault(country, country), null, country,
                    countryCounts with { AwaitingAcceptance = awaiting.Where(x => x.CountryCode == country).Sum(x => x.Count) }),
                new("", null, null, eea with { AwaitingAcceptance = awaiting.Sum(x => x.Count) }),
            ];
        }
        else
        {
            var sums = await SumAsync(connection, "performance_by_authority", "authority_id::text", filter.Sql, request2, filter.Parameters,
                $"ORDER BY sum(received) + sum(sent) DESC LIMIT {ComparedAuthorities}", ct);
            var ids = sums.Keys.Select(Guid.Parse).ToList();
            var titles = await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.InformalTitle }).ToDictionaryAsync(a => a.Id, a => a.InformalTitle, ct);
            comparison = sums.Select(s => (Id: Guid.Parse(s.Key), Counts: s.Value))
                .Select(s => new ComparedFigures(titles.GetValueOrDefault(s.Id, ""), s.Id, null,
                    s.Counts with { AwaitingAcceptance = awaiting.Where(x => x.AuthorityId == s.Id && filter.Includes(x.AuthorityId, x.CountryCode, x.AreaCode)).Sum(x => x.Count) }))
                .ToList();
        }

        var choices = new List<FiguresChoice> { ScopeChoice(scope, own.InformalTitle, countries) };
        if (scope.Kind is ScopeKind.OwnAuthority or ScopeKind.Coordinated)
            choices.Add(new FiguresChoice(FiguresOf.Country, null, own.CountryCode, countries.GetValueOrDefault(own.CountryCode, own.CountryCode)));
        if (scope.Kind != ScopeKind.Network)
            choices.Add(new FiguresChoice(FiguresOf.Network, null, null, ""));
        var areas = (await db.LegislativeAreas.AsNoTracking().ToListAsync(ct)).Select(a => (a.Code, a.NameIn(language))).OrderBy(a => a.Item2).ToList();
        return new PerformanceDashboard(request2, scope.Kind, subject.Choice, choices, areas, total, months, comparison, comparesCountries, now);
    }

    /// <summary>
    /// The urgency list of the user's scope: open exchanges of the authorities it covers that are not accepted within
    /// <see cref="Scoreboard.AcceptanceDays"/> days, past their agreed answer date, or idle for <see cref="Scoreboard.IdleMonths"/>
    /// months; the longest urgent first.
    /// </summary>
    public async Task<UrgencyList> UrgencyListAsync(Guid userId, int page = 0, string? areaCode = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var scope = await PerformanceScopes.OfAsync(db, actor.AuthorityId, coordination, ct);
        var now = clock.GetUtcNow();
        page = Math.Max(0, page);
        var connection = await OpenAsync(db, ct);
        var (sides, parameters) = UrgencySides(scope);
        var area = areaCode is null ? "" : " AND f.area_code = @area";
        NpgsqlParameter[] all = [.. parameters, new("now", now), .. AreaParameter(areaCode)];
        // First the page's ids, each side of the scope read in order from its own index (id included: no table rows yet),
        // then those 50 rows and their references.
        string Side((string Join, string Where) side, int limit, bool ordered) =>
            $"(SELECT f.id, f.urgent_from FROM exchange_facts f {side.Join} WHERE f.urgent_from <= @now AND {side.Where}{area}" +
            (ordered ? " ORDER BY f.urgent_from, f.id" : "") + $" LIMIT {limit})";
        var pageIds = new List<Guid>();
        var pageSql = $"""
            SELECT u.id FROM ({string.Join(" UNION ", sides.Select(side => Side(side, (page + 1) * UrgencyPageSize, ordered: true)))}) u
            ORDER BY u.urgent_from, u.id OFFSET {page * UrgencyPageSize} LIMIT {UrgencyPageSize}
            """;
        await using (var command = Command(connection, pageSql, all))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                pageIds.Add(reader.GetGuid(0));
        var rows = new List<(ExchangeFact Fact, long Number, int Revision)>();
        if (pageIds.Count > 0)
        {
            await using var command = Command(connection, """
                SELECT f.*, r.number, r.revision FROM exchange_facts f JOIN information_requests r ON r.id = f.id WHERE f.id = ANY(@page)
                """, [new NpgsqlParameter("page", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pageIds.ToArray() }]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add((ReadFact(reader), reader.GetInt64(reader.GetOrdinal("number")), reader.GetInt32(reader.GetOrdinal("revision"))));
            rows = [.. rows.OrderBy(r => r.Fact.UrgentFrom).ThenBy(r => r.Fact.Id)];
        }

        int total;
        var countSql = $"SELECT count(*) FROM ({string.Join(" UNION ", sides.Select(side => Side(side, UrgencyCountCap + 1, ordered: false)))}) c";
        await using (var command = Command(connection, countSql, all))
            total = Convert.ToInt32(await command.ExecuteScalarAsync(ct));

        var ids = rows.SelectMany(r => new[] { r.Fact.RequesterId, r.Fact.ResponderId ?? r.Fact.RequesterId }).Distinct().ToList();
        var parties = await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        var language = Localization.Texts.CurrentLanguage;
        var areas = (await db.LegislativeAreas.AsNoTracking().ToListAsync(ct)).Select(a => (a.Code, a.NameIn(language))).OrderBy(a => a.Item2).ToList();
        var items = rows.Select(row =>
        {
            var f = row.Fact;
            var measures = f.ToMeasures();
            var incoming = f.ResponderId is { } responder && scope.Covers(responder, f.ResponderCountry ?? "", f.AreaCode);
            var outgoing = scope.Covers(f.RequesterId, f.RequesterCountry, f.AreaCode);
            var waitingCountry = f.WaitingAuthorityId == f.RequesterId ? f.RequesterCountry : f.WaitingAuthorityId == f.ResponderId ? f.ResponderCountry : null;
            var mayRemind = scope.MayRemind(f.WaitingAuthorityId, waitingCountry, f.AreaCode);
            var since = f.ReceivedAt ?? f.SentAt ?? f.LastActivityAt;
            return new UrgentExchange(f.Id, row.Revision, InformationRequest.ReferenceOf(row.Number), f.AreaCode, f.Status,
                parties.GetValueOrDefault(f.RequesterId) ?? new PartyInfo(f.RequesterId, "", f.RequesterCountry),
                f.ResponderId is { } rid ? parties.GetValueOrDefault(rid) : null, incoming, outgoing, f.ReceivedAt, f.AgreedAnswerDate,
                f.LastActivityAt, measures.ReasonsAt(now), (int)(now - since).TotalDays, mayRemind);
        }).ToList();
        return new UrgencyList(items, Math.Min(total, UrgencyCountCap), total > UrgencyCountCap, page, UrgencyPageSize, scope.Kind, areas);
    }

    /// <summary>How many exchanges of the user's scope are urgent now, per reason (the weekly digest).</summary>
    public async Task<IReadOnlyDictionary<UrgencyReason, int>> UrgencyCountsAsync(Guid authorityId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var scope = await PerformanceScopes.OfAsync(db, authorityId, coordination, ct);
        var connection = await OpenAsync(db, ct);
        var (sides, parameters) = UrgencySides(scope);
        var sql = $"""
            SELECT count(*) FILTER (WHERE f.not_accepted_from <= @now), count(*) FILTER (WHERE f.past_answer_date_from <= @now),
                   count(*) FILTER (WHERE f.idle_from <= @now)
            FROM exchange_facts f WHERE f.urgent_from <= @now AND f.id IN (
                {string.Join(" UNION ", sides.Select(s => $"SELECT f.id FROM exchange_facts f {s.Join} WHERE f.urgent_from <= @now AND {s.Where}"))})
            """;
        await using var command = Command(connection, sql, [.. parameters, new("now", clock.GetUtcNow())]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Dictionary<UrgencyReason, int>
        {
            [UrgencyReason.NotAccepted] = (int)reader.GetInt64(0),
            [UrgencyReason.PastAnswerDate] = (int)reader.GetInt64(1),
            [UrgencyReason.Idle] = (int)reader.GetInt64(2),
        };
    }

    // ----- subjects and filters -------------------------------------------------------------------

    /// <summary>A subject's rows: the table to sum, its condition and values, and the same condition in memory (for the facts read).</summary>
    private sealed record Filter(string Table, string Sql, NpgsqlParameter[] Parameters, Func<Guid?, string?, string, bool> Includes);

    private sealed record Subject(FiguresChoice Choice, Filter Filter, string CountryCode, bool ComparesCountries);

    private static FiguresChoice ScopeChoice(PerformanceScope scope, string ownTitle, IReadOnlyDictionary<string, string> countries) => scope.Kind switch
    {
        ScopeKind.Network => new(FiguresOf.Network, null, null, ""),
        ScopeKind.Country => new(FiguresOf.Scope, null, scope.CountryCode, countries.GetValueOrDefault(scope.CountryCode, scope.CountryCode)),
        _ => new(FiguresOf.Scope, scope.AuthorityId, null, ownTitle),
    };

    private static Filter CountryFilter(string country) =>
        new("performance_by_country", "country_code = @country", [new("country", country)], (_, c, _) => c == country);

    private static readonly Filter NetworkFilter = new("performance_by_country", "TRUE", [], (_, _, _) => true);

    private static Filter PairsFilter(IReadOnlyCollection<AuthorityArea> pairs) =>
        new("performance_by_authority", "(authority_id, area_code) IN (SELECT * FROM unnest(@ids, @areas))",
            [new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pairs.Select(p => p.AuthorityId).ToArray() },
             new("areas", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pairs.Select(p => p.AreaCode).ToArray() }],
            (id, _, area) => id is { } a && pairs.Contains(new AuthorityArea(a, area)));

    private static Filter AuthorityFilter(Guid id) =>
        new("performance_by_authority", "authority_id = @authority", [new("authority", id)], (a, _, _) => a == id);

    private static async Task<Subject> SubjectAsync(ImiDbContext db, PerformanceScope scope, FiguresRequest request, string ownTitle,
        IReadOnlyDictionary<string, string> countries, CancellationToken ct)
    {
        switch (request.Of)
        {
            case FiguresOf.Network:
                return new(new(FiguresOf.Network, null, null, ""), NetworkFilter, scope.CountryCode, ComparesCountries: true);
            case FiguresOf.Country when request.CountryCode is { } code && countries.ContainsKey(code):
                return new(new(FiguresOf.Country, null, code, countries[code]), CountryFilter(code), code,
                    ComparesCountries: !(scope.Kind == ScopeKind.Network || scope.Kind == ScopeKind.Country && scope.CountryCode == code));
            case FiguresOf.Authority when request.AuthorityId is { } id:
            {
                var target = await db.Authorities.AsNoTracking().Where(a => a.Id == id)
                    .Select(a => new { a.Id, a.InformalTitle, a.CountryCode, Areas = a.Areas.Select(x => x.LegislativeAreaCode).ToList() })
                    .SingleOrDefaultAsync(ct) ?? throw new NotPermittedException(Refusals.Performance.FiguresNotInScope);
                var covered = target.Areas.Where(area => id == scope.AuthorityId || scope.Covers(id, target.CountryCode, area)).ToList();
                if (covered.Count == 0)
                    throw new NotPermittedException(Refusals.Performance.FiguresNotInScope);
                var filter = scope.Kind == ScopeKind.Coordinated && id != scope.AuthorityId
                    ? PairsFilter(covered.Select(area => new AuthorityArea(id, area)).ToList())
                    : AuthorityFilter(id);
                return new(new(FiguresOf.Authority, id, null, target.InformalTitle), filter, target.CountryCode, ComparesCountries: false);
            }
            default:
            {
                var choice = ScopeChoice(scope, ownTitle, countries);
                return scope.Kind switch
                {
                    ScopeKind.Network => new(choice, NetworkFilter, scope.CountryCode, ComparesCountries: true),
                    ScopeKind.Country => new(choice, CountryFilter(scope.CountryCode), scope.CountryCode, ComparesCountries: false),
                    ScopeKind.Coordinated => new(choice, PairsFilter(scope.Covered), scope.CountryCode, ComparesCountries: false),
                    _ => new(choice, AuthorityFilter(scope.AuthorityId), scope.CountryCode, ComparesCountries: false),
                };
            }
        }
    }

    private static FiguresRequest Clamp(FiguresRequest request, DateTimeOffset now)
    {
        var current = Scoreboard.MonthOf(now);
        var to = Scoreboard.MonthOf(request.ToMonth);
        if (to > current)
            to = current;
        var from = Scoreboard.MonthOf(request.FromMonth);
        if (from > to)
            from = to;
        if (from < to.AddMonths(-(MaxMonths - 1)))
            from = to.AddMonths(-(MaxMonths - 1));
        return request with { FromMonth = from, ToMonth = to };
    }

    /// <summary>A coordinated scope this small is read authority by authority; a larger one in its country's urgency order.</summary>
    private const int PairsReadOneByOne = 50;

    /// <summary>
    /// The urgency list's sides: an exchange is in the scope when its responder is (incoming) or its requester is (outgoing). A
    /// coordinated scope of a few authorities joins each (authority, area) to its index; a large one (a DIMIC's hundreds) reads its
    /// country's urgent exchanges in order and keeps its own, stopping at the page: both give the same rows.
    /// </summary>
    private static (IReadOnlyList<(string Join, string Where)> Sides, NpgsqlParameter[] Parameters) UrgencySides(PerformanceScope scope) =>
        scope.Kind switch
        {
            ScopeKind.Network => ([("", "TRUE")], []),
            ScopeKind.Country => ([("", "f.responder_country = @country"), ("", "f.requester_country = @country")],
                                  [new NpgsqlParameter("country", scope.CountryCode)]),
            ScopeKind.OwnAuthority => ([("", "f.responder_id = @authority"), ("", "f.requester_id = @authority")],
                                       [new NpgsqlParameter("authority", scope.AuthorityId)]),
            _ when scope.Covered.Count <= PairsReadOneByOne =>
                ([("JOIN unnest(@ids, @areas) s(id, area) ON f.responder_id = s.id AND f.area_code = s.area", "TRUE"),
                  ("JOIN unnest(@ids, @areas) s(id, area) ON f.requester_id = s.id AND f.area_code = s.area", "TRUE")],
                 PairsFilter(scope.Covered).Parameters),
            _ => ([("", "f.responder_country = @country AND (f.responder_id::text || '|' || f.area_code) = ANY(@keys)"),
                   ("", "f.requester_country = @country AND (f.requester_id::text || '|' || f.area_code) = ANY(@keys)")],
                  [new NpgsqlParameter("country", scope.CountryCode),
                   new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = scope.Covered.Select(p => $"{p.AuthorityId}|{p.AreaCode}").ToArray() }]),
        };

    private static NpgsqlParameter[] AreaParameter(string? areaCode) => areaCode is null ? [] : [new NpgsqlParameter("area", areaCode)];

    // ----- SQL ------------------------------------------------------------------------------------

    private static async Task<NpgsqlConnection> OpenAsync(ImiDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.Add(p.Clone());
        return command;
    }

    /// <summary>Sums the counts of <paramref name="table"/> per <paramref name="key"/> (an expression, read as text) within the request's months and area.</summary>
    private static async Task<Dictionary<string, PerformanceCounts>> SumAsync(NpgsqlConnection connection, string table, string key, string where,
        FiguresRequest request, IEnumerable<NpgsqlParameter> parameters, string tail, CancellationToken ct)
    {
        var area = request.AreaCode is null ? "" : " AND area_code = @area";
        var sql = $"SELECT ({key})::text, {Sums} FROM {table} WHERE {where} AND month BETWEEN @from AND @to{area} GROUP BY 1 {tail}";
        var result = new Dictionary<string, PerformanceCounts>();
        await using var command = Command(connection, sql,
            [.. parameters, new("from", request.FromMonth), new("to", request.ToMonth), .. AreaParameter(request.AreaCode)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[reader.GetString(0)] = new PerformanceCounts(reader.GetInt64(1), reader.GetInt64(2), 0, reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11));
        return result;
    }

    private sealed record Awaiting(Guid? AuthorityId, string? CountryCode, string AreaCode, DateOnly Month, long Count);

    /// <summary>Requests received in the months asked for, not accepted and still within their days: their acceptance is not decided yet.</summary>
    private static async Task<List<Awaiting>> AwaitingAcceptanceAsync(NpgsqlConnection connection, FiguresRequest request, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            SELECT responder_id, responder_country, area_code, date_trunc('month', received_at AT TIME ZONE 'UTC')::date, count(*)
            FROM exchange_facts
            WHERE accepted_at IS NULL AND received_at IS NOT NULL AND accept_by >= @today
              AND received_at >= @from AND received_at < @to
            GROUP BY 1, 2, 3, 4
            """;
        var result = new List<Awaiting>();
        await using var command = Command(connection, sql,
        [
            new("today", Scoreboard.DayOf(now)),
            new("from", new DateTimeOffset(request.FromMonth.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            new("to", new DateTimeOffset(request.ToMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        ]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var area = reader.GetString(2);
            if (request.AreaCode is null || request.AreaCode == area)
                result.Add(new Awaiting(reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), area,
                    reader.GetFieldValue<DateOnly>(3), reader.GetInt64(4)));
        }
        return result;
    }

    private static ExchangeFact ReadFact(DbDataReader r)
    {
        T? Get<T>(string column) => r.IsDBNull(r.GetOrdinal(column)) ? default : r.GetFieldValue<T>(r.GetOrdinal(column));
        DateTimeOffset? At(string column) => r.IsDBNull(r.GetOrdinal(column)) ? null : new DateTimeOffset(r.GetFieldValue<DateTime>(r.GetOrdinal(column)), TimeSpan.Zero);
        return new ExchangeFact
        {
            Id = Get<Guid>("id"), AreaCode = Get<string>("area_code")!, Status = Enum.Parse<RequestStatus>(Get<string>("status")!),
            RequesterId = Get<Guid>("requester_id"), RequesterCountry = Get<string>("requester_country")!,
            ResponderId = Get<Guid?>("responder_id"), ResponderCountry = Get<string>("responder_country"),
            SentAt = At("sent_at"), ReceivedAt = At("received_at"), AgreedAnswerDate = Get<DateOnly?>("agreed_answer_date"),
            LastActivityAt = At("last_activity_at")!.Value, NotAcceptedFrom = At("not_accepted_from"),
            PastAnswerDateFrom = At("past_answer_date_from"), IdleFrom = At("idle_from"), UrgentFrom = At("urgent_from"),
            WaitingAuthorityId = Get<Guid?>("waiting_authority_id"),
        };
    }
}
