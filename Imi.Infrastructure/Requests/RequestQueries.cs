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

/// <summary>An authority as an exchange names it: its informal title in the original, and its country.</summary>
public sealed record PartyInfo(Guid Id, string Title, string CountryCode);

/// <summary>A question as the reader sees it: question-set texts in the reader's language, free text in the original with its language named.</summary>
public sealed record QuestionView(
    int Index, string? Code, ReaderText Text, IReadOnlyList<(string Code, string Label)> Options,
    string? AnswerOptionCode, string? AnswerOptionLabel, ReaderText? AnswerText, DateTimeOffset? AnsweredAt);

public sealed record TimelineView(DateTimeOffset At, RequestAction Action, string What, string Who, PartyInfo Authority, ReaderText? Note, PartyInfo? Other, DateOnly? Date);

public sealed record AttachmentView(Guid Id, string FileName, long Size, AttachmentSide Side);

public sealed record ReferralView(DateTimeOffset OpenedAt, ReaderText? Reason, IReadOnlyList<(DateTimeOffset At, string Who, PartyInfo Authority, ReaderText Text)> Comments,
    ReaderText? Finding, DateTimeOffset? ClosedAt);

public sealed record HandlerOption(Guid UserId, string Name);

/// <summary>One exchange as one user may see it; what they may not see is null.</summary>
public sealed record ExchangeDetails(
    Guid Id, string Reference, int Revision, ExchangeView View, RequestStatus Status, string StatusText,
    string AreaCode, string AreaName, PartyInfo Requester, PartyInfo? Responder,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateOnly? RequestedAnswerDate, DateOnly? AgreedAnswerDate, DateTimeOffset? ClosedAt,
    bool AnsweredInPart, bool AdditionalInformationDeclined,
    IReadOnlyList<QuestionView>? Questions,
    SubjectData? Subject, ReaderText? Comment, IReadOnlyList<AttachmentView>? Attachments,
    ReferralView? Referral, RequestRating? Rating, IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<RequestAction> AllowedActions, IReadOnlyList<HandlerOption> Colleagues, IReadOnlyList<Guid> AllocatedHandlerIds,
    bool PersonalDataErased, bool PersonalDataBlocked = false, string? Justification = null);

/// <summary>What waits for a user, by kind.</summary>
public enum WaitingKind { ToApprove, ToAllocate, ToAccept, ToAnswer, Clarification, ReplyToReview, ReplyToApprove, Referral, SentBack }

public sealed record ActionItem(Guid Id, string Reference, WaitingKind Kind, string AreaCode, RequestStatus Status, PartyInfo Other,
    DateOnly? AnswerDate, DateTimeOffset LastActivityAt, bool Overdue, bool DueSoon);

public sealed record ActionListFilter(WaitingKind? Kind = null, string? AreaCode = null, bool DueOnly = false, ActionListOrder Order = ActionListOrder.AnswerDate, int Page = 1, int PageSize = 50);

public enum ActionListOrder { AnswerDate, LastActivity }

public sealed record ActionList(IReadOnlyList<ActionItem> Items, IReadOnlyDictionary<WaitingKind, int> Counts, int Total);

/// <summary>A question of the set, in the writer's language, to tick.</summary>
public sealed record QuestionChoice(string Code, string Text);

/// <summary>What the request form needs: the areas the user may write in, the questions of the chosen area, and the draft so far.</summary>
public sealed record RequestEditorData(
    Guid? RequestId, int Revision, string AreaCode, IReadOnlyList<(string Code, string Name)> Areas,
    IReadOnlyList<QuestionChoice> Questions, PartyInfo? Responder, DraftContent? Draft, IReadOnlyList<AttachmentView> Attachments,
    string? SentBackComment);

/// <summary>One open request on the allocation board.</summary>
public sealed record BoardCard(Guid Id, string Reference, int Revision, RequestStatus Status, string StatusText, PartyInfo Requester,
    DateOnly? AnswerDate, IReadOnlyList<Guid> AllocatedTo);

/// <summary>The allocation board of one area: the open requests received, and the handlers they can go to.</summary>
public sealed record AllocationBoard(string AreaCode, string AreaName, IReadOnlyList<HandlerOption> Handlers, IReadOnlyList<BoardCard> Cards);

/// <summary>An exchange of an authority the user's authority oversees (linked to it, or its request coordinator), without content.</summary>
public sealed record OversightItem(Guid Id, string Reference, string AreaCode, RequestStatus Status, string StatusText, PartyInfo Requester, PartyInfo? Responder,
    DateOnly? AnswerDate, DateTimeOffset LastActivityAt);

public sealed record OverviewItem(Guid Id, string Reference, string AreaCode, RequestStatus Status, string StatusText, bool Outgoing, PartyInfo Other,
    DateTimeOffset? SentAt, DateOnly? AnswerDate, DateTimeOffset LastActivityAt);

/// <summary>
/// The read side of exchanges. Who sees what is decided by <see cref="ExchangeAccess"/> and enforced
/// here, on the server: personal data is only read for a full view, and every such read is logged.
/// </summary>
public sealed class RequestQueries(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock)
{
    public const int DueSoonDays = 3;

    /// <param name="justification">Why the reader needs blocked personal data (areas with the block-then-delete rule); logged.</param>
    public async Task<ExchangeDetails> GetAsync(Guid userId, Guid requestId, string? justification = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var r = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var view = r is null ? ExchangeView.None : ExchangeAccess.ViewFor(actor, r, await RelationsAsync(db, actor, r, ct));
        if (r is null || view == ExchangeView.None)
            throw new NotPermittedException("This exchange does not exist or is not visible to you.");

        var language = user.PreferredLanguageCode;
        var languages = await db.Languages.AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.EnglishName, ct);
        ReaderText? Free(FreeText? text) => text is null || text.Text.Length == 0 ? null
            : new ReaderText(text.Text, text.LanguageCode, languages.GetValueOrDefault(text.LanguageCode, text.LanguageCode), false, false);

        var authorityIds = new Guid?[] { r.RequestingAuthorityId, r.RespondingAuthorityId }
            .Concat(r.Timeline.SelectMany(t => new Guid?[] { t.AuthorityId, t.OtherAuthorityId }))
            .Concat(r.Referral?.Comments.Select(c => (Guid?)c.AuthorityId) ?? []).OfType<Guid>().Distinct().ToList();
        var parties = await db.Authorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(p => p.Id, ct);
        var userIds = r.Timeline.Select(t => t.UserId).Concat(r.Referral?.Comments.Select(c => c.UserId) ?? []).Distinct().ToList();
        var names = await db.ImiUsers.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.GivenName, u.FamilyName }).ToDictionaryAsync(u => u.Id, u => $"{u.GivenName} {u.FamilyName}", ct);
        var area = await db.LegislativeAreas.AsNoTracking().SingleAsync(a => a.Code == r.LegislativeAreaCode, ct);
        var details = view >= ExchangeView.Details;

        List<QuestionView>? questions = null;
        if (details)
        {
            var set = await db.QuestionSets.AsNoTracking().SingleAsync(q => q.Code == r.QuestionSetCode && q.Version == r.QuestionSetVersion, ct);
            questions = r.Questions.Select((q, i) =>
            {
                var fromSet = q.Code is null ? null : set.Questions.FirstOrDefault(x => x.Code == q.Code);
                var options = fromSet?.AnswerOptions.Select(o => (o.Code, Pick(o.Texts, language))).ToList() ?? [];
                var text = fromSet is not null
                    ? new ReaderText(Pick(fromSet.Texts, language), language, languages.GetValueOrDefault(language, language), false, false)
                    : Free(q.Text) ?? new ReaderText("(text deleted)", "en", "English", false, false);
                var chosen = q.Answer?.OptionCode is { } code ? options.FirstOrDefault(o => o.Code == code).Item2 : null;
                return new QuestionView(i, q.Code, text, options, q.Answer?.OptionCode, chosen, Free(q.Answer?.Text), q.Answer?.AnsweredAt);
            }).ToList();
        }

        // Blocked data (block-then-delete rule) is shown only to a party's handler who says why; every read is logged (who, what, when).
        var blocked = r.PersonalDataBlockedAt is not null && r.PersonalDataErasedAt is null;
        justification = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        var full = view == ExchangeView.Full && (!blocked || justification is not null);
        if (full && (r.Subject is not null || r.Attachments.Count > 0))
        {
            db.AuditEntries.Add(blocked
                ? new AuditEntry { At = clock.GetUtcNow(), Kind = AuditKind.BlockedPersonalDataRetrieved, UserId = userId, RequestId = r.Id, Detail = Clip($"{r.Reference}: {justification}") }
                : new AuditEntry { At = clock.GetUtcNow(), Kind = AuditKind.PersonalDataRead, UserId = userId, RequestId = r.Id, Detail = r.Reference });
            await db.SaveChangesAsync(ct);
        }

        var colleagues = new List<HandlerOption>();
        if (r.RolesOf(actor).Contains(ExchangeRole.ResponderAllocator))
            colleagues = (await db.ImiUsers.AsNoTracking()
                    .Where(u => u.AuthorityId == actor.AuthorityId && u.AreaRoles.Any(x => x.LegislativeAreaCode == r.LegislativeAreaCode && x.Role == AreaRole.RequestHandler))
                    .Select(u => new { u.Id, u.GivenName, u.FamilyName }).ToListAsync(ct))
                .Select(u => new HandlerOption(u.Id, $"{u.GivenName} {u.FamilyName}")).OrderBy(u => u.Name).ToList();

        PartyInfo Party(Guid id) => parties.GetValueOrDefault(id) ?? new PartyInfo(id, "(unknown authority)", "");
        return new ExchangeDetails(
            r.Id, r.Reference, r.Revision, view, r.Status, RequestWorkflow.Describe(r.Status),
            r.LegislativeAreaCode, area.NameIn(language), Party(r.RequestingAuthorityId), r.RespondingAuthorityId is { } rid ? Party(rid) : null,
            r.CreatedAt, r.SentAt, r.RequestedAnswerDate, r.AgreedAnswerDate, r.ClosedAt, r.AnsweredInPart, r.AdditionalInformationDeclined,
            questions,
            full ? r.Subject : null,
            details ? Free(r.Comment) : null,
            full ? r.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.Side)).ToList() : null,
            details && r.Referral is { } referral
                ? new ReferralView(referral.OpenedAt, Free(referral.Reason),
                    referral.Comments.Select(c => (c.At, names.GetValueOrDefault(c.UserId, "?"), Party(c.AuthorityId), Free(c.Text)!)).Where(c => c.Item4 is not null).ToList(),
                    Free(referral.Finding), referral.ClosedAt)
                : null,
            details ? r.Rating : null,
            r.Timeline.Select(t => new TimelineView(t.At, t.Action, TimelineText(t.Action), names.GetValueOrDefault(t.UserId, "?"), Party(t.AuthorityId),
                details ? Free(t.Note) : null, t.OtherAuthorityId is { } o ? Party(o) : null, t.Date)).ToList(),
            RequestWorkflow.AllowedActions(r, actor), colleagues, r.AllocatedHandlerIds,
            r.PersonalDataErasedAt is not null, blocked, blocked && full ? justification : null);
    }

    /// <summary>The request form: a new request (to <paramref name="responderId"/> if chosen) or a draft to go on with.</summary>
    public async Task<RequestEditorData> EditorAsync(Guid userId, Guid? requestId, string? areaCode, Guid? responderId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var language = user.PreferredLanguageCode;
        InformationRequest? draft = null;
        if (requestId is { } id)
        {
            draft = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (draft is null || !RequestWorkflow.AllowedActions(draft, actor).Contains(RequestAction.EditDraft))
                throw new NotPermittedException("This draft does not exist or you may not change it.");
            areaCode = draft.LegislativeAreaCode;
            responderId = draft.RespondingAuthorityId;
        }
        var mine = actor.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler).Select(r => r.LegislativeAreaCode).ToList();
        if (mine.Count == 0)
            throw new NotPermittedException("Only request handlers write requests; ask your local data administrator for the role.");
        PartyInfo? responder = null;
        if (responderId is { } rid)
        {
            var other = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == rid, ct);
            if (other is not null)
            {
                responder = new PartyInfo(other.Id, other.InformalTitle, other.CountryCode);
                var shared = mine.Where(other.HasAccessTo).ToList();
                if (shared.Count > 0)
                    mine = shared;
            }
        }
        var areas = await db.LegislativeAreas.AsNoTracking().Where(a => mine.Contains(a.Code)).ToListAsync(ct);
        var area = areaCode is not null && mine.Contains(areaCode) ? areaCode : mine.Order().First();
        var set = draft is null
            ? await RequestService.CurrentQuestionSetAsync(db, area, ct)
            : await db.QuestionSets.AsNoTracking().SingleAsync(q => q.Code == draft.QuestionSetCode && q.Version == draft.QuestionSetVersion, ct);
        return new RequestEditorData(
            draft?.Id, draft?.Revision ?? 0, area, areas.Select(a => (a.Code, a.NameIn(language))).OrderBy(a => a.Item2).ToList(),
            set.Questions.Select(q => new QuestionChoice(q.Code, Pick(q.Texts, language))).ToList(),
            responder,
            draft is null ? null : new DraftContent(draft.RespondingAuthorityId, draft.Questions.Where(q => q.Code is not null).Select(q => q.Code!).ToList(),
                draft.Questions.Where(q => q.Code is null && q.Text is not null).Select(q => q.Text!.Text).ToList(), draft.Subject, draft.Comment?.Text, draft.RequestedAnswerDate),
            draft?.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.Side)).ToList() ?? [],
            draft?.Timeline.LastOrDefault(t => t.Action == RequestAction.SendBackRequest)?.Note?.Text);
    }

    /// <summary>The bytes of an attachment, for the two authorities' handlers only; the read is logged.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> AttachmentAsync(Guid userId, Guid requestId, Guid attachmentId,
        string? justification = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var r = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        if (r is null || ExchangeAccess.ViewFor(actor, r, ViewerRelations.None) != ExchangeView.Full
            || (r.PersonalDataBlockedAt is not null && string.IsNullOrWhiteSpace(justification))
            || r.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment)
            throw new NotPermittedException("This file does not exist or is not visible to you.");
        var content = await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Content).SingleAsync(ct);
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), Kind = AuditKind.AttachmentRead, UserId = userId, RequestId = r.Id,
            Detail = Clip(justification is null ? attachment.FileName : $"{attachment.FileName} (blocked data: {justification})") });
        await db.SaveChangesAsync(ct);
        return (attachment.FileName, attachment.ContentType, content);
    }

    private static async Task<ViewerRelations> RelationsAsync(ImiDbContext db, Actor actor, InformationRequest r, CancellationToken ct)
    {
        var partyIds = new[] { r.RequestingAuthorityId, r.RespondingAuthorityId ?? Guid.Empty };
        var parties = await db.Authorities.AsNoTracking().Where(a => partyIds.Contains(a.Id)).ToListAsync(ct);
        var linked = parties.Any(p => p.LinkedAuthorities.Any(l => l.LinkedAuthorityId == actor.AuthorityId));
        var coordinatorLinks = parties.SelectMany(p => p.RequestCoordinators)
            .Where(c => c.CoordinatorId == actor.AuthorityId && c.LegislativeAreaCode == r.LegislativeAreaCode).ToList();
        return new ViewerRelations(linked, coordinatorLinks.Count > 0, coordinatorLinks.Any(c => c.FullView));
    }

    private static string Clip(string detail) => detail.Length <= 1000 ? detail : detail[..1000];

    private static string Pick(Dictionary<string, string> texts, string language) =>
        texts.GetValueOrDefault(language) ?? texts.GetValueOrDefault("en") ?? texts.Values.FirstOrDefault() ?? "";

    public static string TimelineText(RequestAction action) => action switch
    {
        RequestAction.Send => "Sent the request",
        RequestAction.ApproveRequest => "Approved the request",
        RequestAction.SendBackRequest => "Sent the request back",
        RequestAction.Allocate => "Allocated the request",
        RequestAction.Forward => "Forwarded the request",
        RequestAction.Accept => "Accepted the request",
        RequestAction.ProposeAnswerDate => "Proposed another answer date",
        RequestAction.AskForClarification => "Asked for clarification",
        RequestAction.Clarify => "Clarified the request",
        RequestAction.SendReply => "Sent the reply",
        RequestAction.ApproveReply => "Approved the reply",
        RequestAction.SendBackReply => "Sent the reply back",
        RequestAction.AcceptReply => "Accepted the reply; the exchange is closed",
        RequestAction.AskForAdditionalInformation => "Asked for additional information",
        RequestAction.DeclineAdditionalInformation => "Said the additional information cannot be given",
        RequestAction.OpenReferral => "Opened a referral",
        RequestAction.CommentOnReferral => "Commented on the referral",
        RequestAction.CloseReferral => "Closed the referral with a finding",
        RequestAction.Rate => "Rated the reply",
        _ => action.ToString(),
    };

    // ----- the action list ----------------------------------------------------------------------

    /// <summary>
    /// What waits for the user: one SQL query of index-friendly branches, one per kind, each limited
    /// to the areas where the user holds the role that acts on it.
    /// </summary>
    public async Task<ActionList> ActionListAsync(Guid userId, ActionListFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var handlerAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler).Select(r => r.LegislativeAreaCode).ToArray();
        var allocatorAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.Allocator).Select(r => r.LegislativeAreaCode).ToArray();
        var refereeAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.ReferralHandler).Select(r => r.LegislativeAreaCode).ToArray();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var rows = await db.Database.SqlQueryRaw<ActionRow>(ActionListSql,
                new Npgsql.NpgsqlParameter("authority", actor.AuthorityId),
                new Npgsql.NpgsqlParameter("user_id", actor.UserId),
                new Npgsql.NpgsqlParameter("handler_areas", handlerAreas),
                new Npgsql.NpgsqlParameter("allocator_areas", allocatorAreas),
                new Npgsql.NpgsqlParameter("referee_areas", refereeAreas),
                new Npgsql.NpgsqlParameter("kind", (object?)filter.Kind?.ToString() ?? DBNull.Value),
                new Npgsql.NpgsqlParameter("area", (object?)filter.AreaCode ?? DBNull.Value),
                new Npgsql.NpgsqlParameter("due_before", filter.DueOnly ? today.AddDays(DueSoonDays) : (object)DBNull.Value),
                new Npgsql.NpgsqlParameter("by_date", filter.Order == ActionListOrder.AnswerDate),
                new Npgsql.NpgsqlParameter("limit", Math.Clamp(filter.PageSize, 1, 200)),
                new Npgsql.NpgsqlParameter("offset", (Math.Max(filter.Page, 1) - 1) * Math.Clamp(filter.PageSize, 1, 200)))
            .ToListAsync(ct);

        var items = rows.Where(r => r.id is not null).Select(r => new ActionItem(r.id!.Value, $"IMI-{r.number:000000}", Enum.Parse<WaitingKind>(r.kind), r.area, Enum.Parse<RequestStatus>(r.status),
            new PartyInfo(r.other_id ?? Guid.Empty, r.other_title ?? "", r.other_country ?? ""), r.answer_date, r.last_activity_at,
            r.answer_date is { } d && d < today && IsWithResponder(r.kind), r.answer_date is { } s && s >= today && s <= today.AddDays(DueSoonDays) && IsWithResponder(r.kind))).ToList();
        var counts = rows.Where(r => r.id is null).ToDictionary(r => Enum.Parse<WaitingKind>(r.kind), r => (int)r.number);
        return new ActionList(items, counts, counts.Where(c => filter.Kind is null || c.Key == filter.Kind).Sum(c => c.Value));
    }

    private static bool IsWithResponder(string kind) => kind is nameof(WaitingKind.ToAccept) or nameof(WaitingKind.ToAnswer) or nameof(WaitingKind.ToAllocate);

    private sealed record ActionRow(Guid? id, long number, string kind, string area, string status, Guid? other_id, string? other_title, string? other_country,
        DateOnly? answer_date, DateTimeOffset last_activity_at);

    // The branches: each selects the exchanges waiting for this user in one way, through its own index.
    // Counts come as extra rows (id NULL, number = count) so the page needs one round trip.
    private const string ActionListSql = """
        WITH waiting AS (
            SELECT r.id, 'ToApprove' AS kind, r.requesting_authority_id AS other FROM information_requests r
             WHERE r.request_approver_id = @authority AND r.status = 'AwaitingApproval' AND r.legislative_area_code = ANY(@handler_areas)
            UNION ALL
            SELECT r.id, 'ReplyToApprove', r.requesting_authority_id FROM information_requests r
             WHERE r.reply_approver_id = @authority AND r.status = 'ReplyAwaitingApproval' AND r.legislative_area_code = ANY(@handler_areas)
            UNION ALL
            SELECT r.id, 'ToAllocate', r.requesting_authority_id FROM information_requests r
             WHERE r.responding_authority_id = @authority AND r.status = 'Sent' AND r.legislative_area_code = ANY(@allocator_areas)
               AND (r.responder_settings ->> 'allocationEnabled')::boolean AND cardinality(r.allocated_handler_ids) = 0
            UNION ALL
            SELECT r.id, CASE WHEN r.status = 'Sent' THEN 'ToAccept' ELSE 'ToAnswer' END, r.requesting_authority_id FROM information_requests r
             WHERE r.responding_authority_id = @authority AND r.status IN ('Sent', 'Accepted', 'AdditionalInformationRequested')
               AND r.legislative_area_code = ANY(@handler_areas)
               AND (NOT (r.responder_settings ->> 'allocationEnabled')::boolean OR @user_id = ANY(r.allocated_handler_ids)
                    OR r.legislative_area_code = ANY(@allocator_areas))
            UNION ALL
            SELECT r.id, CASE r.status WHEN 'AwaitingClarification' THEN 'Clarification' WHEN 'Replied' THEN 'ReplyToReview' ELSE 'SentBack' END,
                   r.responding_authority_id FROM information_requests r
             WHERE r.requesting_authority_id = @authority AND r.status IN ('AwaitingClarification', 'Replied', 'Draft')
               AND r.legislative_area_code = ANY(@handler_areas)
               AND (r.status <> 'Draft' OR (r.created_by = @user_id AND jsonb_array_length(r.timeline) > 0))
            UNION ALL
            SELECT r.id, 'Referral', r.requesting_authority_id FROM information_requests r
             WHERE r.status = 'InReferral' AND (
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

    // ----- the allocation board -------------------------------------------------------------------

    /// <summary>
    /// For an allocator: per area where it allocates and its authority has allocation on, the open
    /// requests received and the request handlers of the area.
    /// </summary>
    public async Task<IReadOnlyList<AllocationBoard>> AllocationBoardsAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var me = actor.AuthorityId;
        var allocatorAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.Allocator).Select(r => r.LegislativeAreaCode).ToList();
        var areas = await db.Authorities.AsNoTracking().Where(a => a.Id == me)
            .SelectMany(a => a.Areas.Where(x => x.AllocationEnabled && allocatorAreas.Contains(x.LegislativeAreaCode)).Select(x => x.LegislativeAreaCode))
            .ToListAsync(ct);
        if (areas.Count == 0)
            return [];
        var open = new[] { RequestStatus.Sent, RequestStatus.Accepted, RequestStatus.AwaitingClarification, RequestStatus.AdditionalInformationRequested };
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.RespondingAuthorityId == me && areas.Contains(r.LegislativeAreaCode) && open.Contains(r.Status))
            .OrderBy(r => r.AgreedAnswerDate).Take(500)
            .Select(r => new { r.Id, r.Number, r.Revision, r.Status, r.LegislativeAreaCode, r.RequestingAuthorityId, r.AgreedAnswerDate,
                Allocated = EF.Property<List<Guid>>(r, "_allocatedHandlerIds") })
            .ToListAsync(ct);
        var requesterIds = rows.Select(r => r.RequestingAuthorityId).Distinct().ToList();
        var requesters = await db.Authorities.AsNoTracking().Where(a => requesterIds.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        var handlers = await db.ImiUsers.AsNoTracking().Where(u => u.AuthorityId == me)
            .SelectMany(u => u.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler && areas.Contains(r.LegislativeAreaCode))
                .Select(r => new { r.LegislativeAreaCode, u.Id, u.GivenName, u.FamilyName }))
            .ToListAsync(ct);
        var names = await db.LegislativeAreas.AsNoTracking().Where(a => areas.Contains(a.Code)).ToListAsync(ct);
        return names.OrderBy(a => a.Code).Select(area => new AllocationBoard(area.Code, area.NameIn(user.PreferredLanguageCode),
                handlers.Where(h => h.LegislativeAreaCode == area.Code).Select(h => new HandlerOption(h.Id, $"{h.GivenName} {h.FamilyName}")).OrderBy(h => h.Name).ToList(),
                rows.Where(r => r.LegislativeAreaCode == area.Code).Select(r => new BoardCard(r.Id, $"IMI-{r.Number:000000}", r.Revision, r.Status,
                    RequestWorkflow.Describe(r.Status), requesters.GetValueOrDefault(r.RequestingAuthorityId) ?? new PartyInfo(r.RequestingAuthorityId, "", ""),
                    r.AgreedAnswerDate, r.Allocated)).ToList()))
            .ToList();
    }

    // ----- the overview of the authority's exchanges ----------------------------------------------

    /// <summary>Every exchange of the user's authority (any user of it: basic users included), newest first, without any content.</summary>
    public async Task<(IReadOnlyList<OverviewItem> Items, int Total)> OverviewAsync(Guid userId, string? areaCode, RequestStatus? status, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var me = actor.AuthorityId;
        var query = db.Requests.AsNoTracking().Where(r => (r.RequestingAuthorityId == me && r.Status != RequestStatus.Draft)
            || (r.RespondingAuthorityId == me && r.Status != RequestStatus.Draft && r.Status != RequestStatus.AwaitingApproval));
        if (areaCode is not null)
            query = query.Where(r => r.LegislativeAreaCode == areaCode);
        if (status is not null)
            query = query.Where(r => r.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.LastActivityAt).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.Id, r.Number, r.LegislativeAreaCode, r.Status, r.RequestingAuthorityId, r.RespondingAuthorityId, r.SentAt, r.AgreedAnswerDate, r.RequestedAnswerDate, r.LastActivityAt })
            .ToListAsync(ct);
        var otherIds = rows.Select(r => r.RequestingAuthorityId == me ? r.RespondingAuthorityId ?? Guid.Empty : r.RequestingAuthorityId).Distinct().ToList();
        var others = await db.Authorities.AsNoTracking().Where(a => otherIds.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        return (rows.Select(r =>
        {
            var outgoing = r.RequestingAuthorityId == me;
            var other = outgoing ? r.RespondingAuthorityId ?? Guid.Empty : r.RequestingAuthorityId;
            return new OverviewItem(r.Id, $"IMI-{r.Number:000000}", r.LegislativeAreaCode, r.Status, RequestWorkflow.Describe(r.Status), outgoing,
                others.GetValueOrDefault(other) ?? new PartyInfo(other, "", ""), r.SentAt, r.AgreedAnswerDate ?? r.RequestedAnswerDate, r.LastActivityAt);
        }).ToList(), total);
    }

    /// <summary>
    /// The exchanges of the authorities the user's authority oversees: those that linked it (step 4)
    /// and those it is request coordinator of, in that area (step 5). An overview only; the rows
    /// are the ones <see cref="ExchangeAccess"/> lets it open.
    /// </summary>
    public async Task<IReadOnlyList<OversightItem>> OversightAsync(Guid userId, int take = 100, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var me = actor.AuthorityId;
        var linkedBy = await db.Authorities.AsNoTracking().Where(a => a.LinkedAuthorities.Any(l => l.LinkedAuthorityId == me)).Select(a => a.Id).ToListAsync(ct);
        var coordinated = await db.Authorities.AsNoTracking()
            .SelectMany(a => a.RequestCoordinators.Where(c => c.CoordinatorId == me).Select(c => new { a.Id, c.LegislativeAreaCode }))
            .ToListAsync(ct);
        var overseen = linkedBy.Concat(coordinated.Select(c => c.Id)).Distinct().ToList();
        if (overseen.Count == 0)
            return [];
        bool Oversees(Guid? authority, string area) => authority is { } id
            && (linkedBy.Contains(id) || coordinated.Any(c => c.Id == id && c.LegislativeAreaCode == area));
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.Status != RequestStatus.Draft && r.RequestingAuthorityId != me && r.RespondingAuthorityId != me
                        && (overseen.Contains(r.RequestingAuthorityId)
                            || (overseen.Contains(r.RespondingAuthorityId!.Value) && r.Status != RequestStatus.AwaitingApproval)))
            .OrderByDescending(r => r.LastActivityAt).Take(take * 2)
            .Select(r => new { r.Id, r.Number, r.LegislativeAreaCode, r.Status, r.RequestingAuthorityId, r.RespondingAuthorityId, r.AgreedAnswerDate, r.RequestedAnswerDate, r.LastActivityAt })
            .ToListAsync(ct);
        rows = rows.Where(r => Oversees(r.RequestingAuthorityId, r.LegislativeAreaCode)
                               || (r.Status != RequestStatus.AwaitingApproval && Oversees(r.RespondingAuthorityId, r.LegislativeAreaCode)))
            .Take(take).ToList();
        var ids = rows.SelectMany(r => new[] { r.RequestingAuthorityId, r.RespondingAuthorityId ?? Guid.Empty }).Distinct().ToList();
        var parties = await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        return rows.Select(r => new OversightItem(r.Id, $"IMI-{r.Number:000000}", r.LegislativeAreaCode, r.Status, RequestWorkflow.Describe(r.Status),
            parties.GetValueOrDefault(r.RequestingAuthorityId) ?? new PartyInfo(r.RequestingAuthorityId, "", ""),
            r.RespondingAuthorityId is { } rid ? parties.GetValueOrDefault(rid) : null,
            r.AgreedAnswerDate ?? r.RequestedAnswerDate, r.LastActivityAt)).ToList();
    }
}
