using Imi.Domain.ReferenceData;
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

/// <summary>A question as the reader sees it: question-set texts in the reader's language, free text in the original with its language named.</summary>
/// <remarks><see cref="Text"/> is null when a free-text question was deleted (personal data erased).</remarks>
public sealed record QuestionView(
    int Index, string? Code, ReaderText? Text, IReadOnlyList<(string Code, string Label)> Options,
    string? AnswerOptionCode, string? AnswerOptionLabel, ReaderText? AnswerText, DateTimeOffset? AnsweredAt);

/// <summary>One step on the timeline: the page writes it as a sentence from <see cref="Action"/> (<c>Requests.Timeline.{Action}</c>).</summary>
public sealed record TimelineView(DateTimeOffset At, RequestAction Action, string Who, PartyInfo Authority, ReaderText? Note, PartyInfo? Other, DateOnly? Date);

public sealed record ReferralView(DateTimeOffset OpenedAt, ReaderText? Reason, IReadOnlyList<(DateTimeOffset At, string Who, PartyInfo Authority, ReaderText Text)> Comments,
    ReaderText? Finding, DateTimeOffset? ClosedAt);

/// <summary>One exchange as one user may see it; what they may not see is null. The page names the <see cref="Status"/> in the reader's language.</summary>
public sealed record ExchangeDetails(
    Guid Id, string Reference, int Revision, ExchangeView View, RequestStatus Status,
    string AreaCode, string AreaName, PartyInfo Requester, PartyInfo? Responder,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateOnly? RequestedAnswerDate, DateOnly? AgreedAnswerDate, DateTimeOffset? ClosedAt,
    bool AnsweredInPart, bool AdditionalInformationDeclined,
    IReadOnlyList<QuestionView>? Questions,
    SubjectData? Subject, ReaderText? Comment, IReadOnlyList<AttachmentView>? Attachments,
    ReferralView? Referral, RequestRating? Rating, IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<RequestAction> AllowedActions, IReadOnlyList<HandlerOption> Colleagues, IReadOnlyList<Guid> AllocatedHandlerIds,
    bool PersonalDataErased, bool PersonalDataBlocked = false, PersonalDataRule Retention = PersonalDataRule.DeleteAfterSixMonths);

// The exchange page: one exchange as one user may see it.
public sealed partial class RequestQueries
{
    /// <param name="justification">Why the reader needs blocked personal data (areas with the block-then-delete rule); logged.</param>
    public async Task<ExchangeDetails> GetAsync(Guid userId, Guid requestId, string? justification = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, actor) = await ActorLoader.LoadHandlerAsync(db, userId, clock.GetUtcNow(), ct);
        var r = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var view = r is null ? ExchangeView.None : ExchangeAccess.ViewFor(actor, r, await RelationsAsync(db, actor, r, ct));
        if (r is null || view == ExchangeView.None)
            throw new NotPermittedException(Refusals.Request.ExchangeNotVisible);

        var language = user.PreferredLanguageCode;
        var languages = (await db.Languages.AsNoTracking().ToListAsync(ct)).ToDictionary(l => l.Code, l => l.NameIn(Localization.Texts.CurrentLanguage));
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
                    : Free(q.Text);
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

        PartyInfo Party(Guid id) => parties.GetValueOrDefault(id) ?? new PartyInfo(id, "", "");
        return new ExchangeDetails(
            r.Id, r.Reference, r.Revision, view, r.Status,
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
            r.Timeline.Select(t => new TimelineView(t.At, t.Action, names.GetValueOrDefault(t.UserId, "?"), Party(t.AuthorityId),
                details ? Free(t.Note) : null, t.OtherAuthorityId is { } o ? Party(o) : null, t.Date)).ToList(),
            RequestWorkflow.AllowedActions(r, actor), colleagues, r.AllocatedHandlerIds,
            r.PersonalDataErasedAt is not null, blocked, area.PersonalDataRule);
    }
}
