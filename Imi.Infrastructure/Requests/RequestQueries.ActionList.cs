using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.Setup;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Requests;

/// <summary>What waits for a user, by kind.</summary>
public enum WaitingKind { ToApprove, ToAllocate, ToAccept, ToAnswer, Clarification, ReplyToReview, ReplyToApprove, Referral, SentBack }

/// <summary>
/// The states each kind of waiting item is in, read from the workflow: a kind is the step someone
/// takes next (<see cref="RequestWorkflow.StatesAllowing"/>), so a new state or step changes the list with it.
/// </summary>
public static class WaitingKinds
{
    public static readonly IReadOnlyDictionary<WaitingKind, IReadOnlyList<RequestStatus>> States = new Dictionary<WaitingKind, IReadOnlyList<RequestStatus>>
    {
        [WaitingKind.ToApprove] = RequestWorkflow.StatesAllowing(RequestAction.ApproveRequest),
        [WaitingKind.ReplyToApprove] = RequestWorkflow.StatesAllowing(RequestAction.ApproveReply),
        [WaitingKind.ToAllocate] = RequestWorkflow.StatesAllowing(RequestAction.Accept),
        [WaitingKind.ToAccept] = RequestWorkflow.StatesAllowing(RequestAction.Accept),
        [WaitingKind.ToAnswer] = RequestWorkflow.StatesAllowing(RequestAction.Answer),
        [WaitingKind.Clarification] = RequestWorkflow.StatesAllowing(RequestAction.Clarify),
        [WaitingKind.ReplyToReview] = RequestWorkflow.StatesAllowing(RequestAction.AcceptReply),
        [WaitingKind.Referral] = RequestWorkflow.StatesAllowing(RequestAction.CloseReferral),
        [WaitingKind.SentBack] = RequestWorkflow.StatesAllowing(RequestAction.EditDraft),
    };

    /// <summary>The kinds in which the responder has the next step: they can be overdue.</summary>
    public static bool IsWithResponder(WaitingKind kind) => States[kind].All(RequestWorkflow.AwaitingResponder.Contains);

    /// <summary>The states as the database stores them (names), for a query parameter.</summary>
    internal static string[] Names(IEnumerable<RequestStatus> states) => states.Select(s => s.ToString()).ToArray();

    internal static string[] Names(WaitingKind kind) => Names(States[kind]);
}

public sealed record ActionItem(Guid Id, string Reference, WaitingKind Kind, string AreaCode, RequestStatus Status, PartyInfo Other,
    DateOnly? AnswerDate, DateTimeOffset LastActivityAt, bool Overdue, bool DueSoon);

public sealed record ActionListFilter(WaitingKind? Kind = null, string? AreaCode = null, bool DueOnly = false, ActionListOrder Order = ActionListOrder.AnswerDate, int Page = 1, int PageSize = 50);

public enum ActionListOrder { AnswerDate, LastActivity }

public sealed record ActionList(IReadOnlyList<ActionItem> Items, IReadOnlyDictionary<WaitingKind, int> Counts, int Total);

// The action list: what waits for the user.
public sealed partial class RequestQueries
{
    public const int DueSoonDays = 3;

    /// <summary>
    /// What waits for the user: one SQL query of index-friendly branches, one per kind, each limited
    /// to the areas where the user holds the role that acts on it.
    /// </summary>
    public async Task<ActionList> ActionListAsync(Guid userId, ActionListFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadHandlerAsync(db, userId, clock.GetUtcNow(), ct);
        var handlerAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler).Select(r => r.LegislativeAreaCode).ToArray();
        var allocatorAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.Allocator).Select(r => r.LegislativeAreaCode).ToArray();
        var refereeAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.ReferralHandler).Select(r => r.LegislativeAreaCode).ToArray();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var rows = await db.Database.SqlQueryRaw<ActionRow>(ActionListSql,
                new Npgsql.NpgsqlParameter("authority", actor.AuthorityId),
                new Npgsql.NpgsqlParameter("user_id", actor.UserId),
                new Npgsql.NpgsqlParameter("handles_for", actor.CoversFor.Append(actor.UserId).ToArray()),
                new Npgsql.NpgsqlParameter("handler_areas", handlerAreas),
                new Npgsql.NpgsqlParameter("allocator_areas", allocatorAreas),
                new Npgsql.NpgsqlParameter("referee_areas", refereeAreas),
                new Npgsql.NpgsqlParameter("kind", (object?)filter.Kind?.ToString() ?? DBNull.Value),
                new Npgsql.NpgsqlParameter("area", (object?)filter.AreaCode ?? DBNull.Value),
                new Npgsql.NpgsqlParameter("due_before", filter.DueOnly ? today.AddDays(DueSoonDays) : (object)DBNull.Value),
                new Npgsql.NpgsqlParameter("by_date", filter.Order == ActionListOrder.AnswerDate),
                new Npgsql.NpgsqlParameter("limit", Math.Clamp(filter.PageSize, 1, 200)),
                new Npgsql.NpgsqlParameter("offset", (Math.Max(filter.Page, 1) - 1) * Math.Clamp(filter.PageSize, 1, 200)),
                new Npgsql.NpgsqlParameter("to_approve", WaitingKinds.Names(WaitingKind.ToApprove)),
                new Npgsql.NpgsqlParameter("reply_to_approve", WaitingKinds.Names(WaitingKind.ReplyToApprove)),
                new Npgsql.NpgsqlParameter("to_allocate", WaitingKinds.Names(WaitingKind.ToAllocate)),
                new Npgsql.NpgsqlParameter("to_accept", WaitingKinds.Names(WaitingKind.ToAccept)),
                new Npgsql.NpgsqlParameter("awaiting_responder", WaitingKinds.Names(RequestWorkflow.AwaitingResponder)),
                new Npgsql.NpgsqlParameter("clarification", WaitingKinds.Names(WaitingKind.Clarification)),
                new Npgsql.NpgsqlParameter("reply_to_review", WaitingKinds.Names(WaitingKind.ReplyToReview)),
                new Npgsql.NpgsqlParameter("awaiting_requester", WaitingKinds.Names(RequestWorkflow.AwaitingRequester)),
                new Npgsql.NpgsqlParameter("referral", WaitingKinds.Names(WaitingKind.Referral)))
            .ToListAsync(ct);

        var items = rows.Where(r => r.id is not null).Select(r => new ActionItem(r.id!.Value, $"IMI-{r.number:000000}", Enum.Parse<WaitingKind>(r.kind), r.area, Enum.Parse<RequestStatus>(r.status),
            new PartyInfo(r.other_id ?? Guid.Empty, r.other_title ?? "", r.other_country ?? ""), r.answer_date, r.last_activity_at,
            r.answer_date is { } d && d < today && IsWithResponder(r.kind), r.answer_date is { } s && s >= today && s <= today.AddDays(DueSoonDays) && IsWithResponder(r.kind))).ToList();
        var counts = rows.Where(r => r.id is null).ToDictionary(r => Enum.Parse<WaitingKind>(r.kind), r => (int)r.number);
        return new ActionList(items, counts, counts.Where(c => filter.Kind is null || c.Key == filter.Kind).Sum(c => c.Value));
    }

    private static bool IsWithResponder(string kind) => WaitingKinds.IsWithResponder(Enum.Parse<WaitingKind>(kind));

    private sealed record ActionRow(Guid? id, long number, string kind, string area, string status, Guid? other_id, string? other_title, string? other_country,
        DateOnly? answer_date, DateTimeOffset last_activity_at);

    // The branches: each selects the exchanges waiting for this user in one way, through its own index.
    // Counts come as extra rows (id NULL, number = count) so the page needs one round trip. The states
    // come as parameters from the workflow (WaitingKinds), never as literals here.
    private const string ActionListSql = """
        WITH waiting AS (
            SELECT r.id, 'ToApprove' AS kind, r.requesting_authority_id AS other FROM information_requests r
             WHERE r.request_approver_id = @authority AND r.status = ANY(@to_approve) AND r.legislative_area_code = ANY(@handler_areas)
            UNION ALL
            SELECT r.id, 'ReplyToApprove', r.requesting_authority_id FROM information_requests r
             WHERE r.reply_approver_id = @authority AND r.status = ANY(@reply_to_approve) AND r.legislative_area_code = ANY(@handler_areas)
            UNION ALL
            SELECT r.id, 'ToAllocate', r.requesting_authority_id FROM information_requests r
             WHERE r.responding_authority_id = @authority AND r.status = ANY(@to_allocate) AND r.legislative_area_code = ANY(@allocator_areas)
               AND (r.responder_settings ->> 'allocationEnabled')::boolean AND cardinality(r.allocated_handler_ids) = 0
            UNION ALL
            SELECT r.id, CASE WHEN r.status = ANY(@to_accept) THEN 'ToAccept' ELSE 'ToAnswer' END, r.requesting_authority_id FROM information_requests r
             WHERE r.responding_authority_id = @authority AND r.status = ANY(@awaiting_responder)
               AND r.legislative_area_code = ANY(@handler_areas)
               AND (NOT (r.responder_settings ->> 'allocationEnabled')::boolean OR r.allocated_handler_ids && @handles_for
                    OR r.legislative_area_code = ANY(@allocator_areas))
            UNION ALL
            SELECT r.id, CASE WHEN r.status = ANY(@clarification) THEN 'Clarification' WHEN r.status = ANY(@reply_to_review) THEN 'ReplyToReview' ELSE 'SentBack' END,
                   r.responding_authority_id FROM information_requests r
             WHERE r.requesting_authority_id = @authority AND r.status = ANY(@awaiting_requester)
               AND r.legislative_area_code = ANY(@handler_areas)
               AND (r.status = ANY(@clarification) OR r.status = ANY(@reply_to_review) OR (r.created_by = @user_id AND jsonb_array_length(r.timeline) > 0))
            UNION ALL
            SELECT r.id, 'Referral', r.requesting_authority_id FROM information_requests r
             WHERE r.status = ANY(@referral) AND (
                   (r.requester_referee_id = @authority AND r.legislative_area_code = ANY(CASE WHEN (r.requester_oversight -> 'referee' ->> 'referralHandlersOnly')::boolean THEN @referee_areas ELSE @handler_areas END))
                OR (r.responder_referee_id = @authority AND r.legislative_area_code = ANY(CASE WHEN (r.responder_settings -> 'referee' ->> 'referralHandlersOnly')::boolean THEN @referee_areas ELSE @handler_areas END)))
        ),
        filtered AS (
            SELECT w.*, r.number, r.legislative_area_code AS area, r.status, coalesce(r.agreed_answer_date, r.requested_answer_date) AS answer_date, r.last_activity_at
            FROM waiting w JOIN information_requests r ON r.id = w.id
            WHERE (@area::text IS NULL OR r.legislative_area_code = @area)
              AND (@due_before::date IS NULL OR coalesce(r.agreed_answer_date, r.requested_answer_date) <= @due_before)
        ),
        page AS (
            SELECT f.* FROM filtered f WHERE @kind::text IS NULL OR f.kind = @kind
            ORDER BY CASE WHEN @by_date THEN f.answer_date END NULLS LAST, f.last_activity_at DESC
            LIMIT @limit OFFSET @offset
        )
        SELECT p.id, p.number, p.kind, p.area, p.status, p.other AS other_id, a.informal_title AS other_title, a.country_code AS other_country,
               p.answer_date, p.last_activity_at
        FROM page p LEFT JOIN authorities a ON a.id = p.other
        UNION ALL
        SELECT NULL, count(*), kind, '', '', NULL, NULL, NULL, NULL, now() FROM filtered GROUP BY kind
        """;
}
