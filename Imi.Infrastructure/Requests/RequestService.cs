using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Requests;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Setup;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Requests;

/// <summary>
/// The use cases of an exchange: load it, let the domain decide, save it with its alerts in the
/// outbox and a change notification, all in one transaction. A stale revision is reported as
/// "changed by someone else".
/// </summary>
public sealed class RequestService(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock, RequestAlerts alerts)
{
    /// <summary>The newest question set of the area: what new drafts are written with.</summary>
    public static async Task<QuestionSet> CurrentQuestionSetAsync(ImiDbContext db, string areaCode, CancellationToken ct) =>
        await db.QuestionSets.AsNoTracking().Where(q => q.LegislativeAreaCode == areaCode).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct)
        ?? throw new DomainException("There are no questions for this legislative area yet.", "area");

    public async Task<Guid> CreateDraftAsync(Guid userId, string areaCode, DraftContent content, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var set = await CurrentQuestionSetAsync(db, areaCode, ct);
        if (content.RespondingAuthorityId is { } responder)
            await CheckResponderAsync(db, responder, areaCode, ct);
        var request = InformationRequest.CreateDraft(actor, set, content, clock.GetUtcNow());
        db.Requests.Add(request);
        await SaveAsync(db, request, 0, ct);
        return request.Id;
    }

    public Task SaveDraftAsync(Guid userId, Guid requestId, int revision, DraftContent content, CancellationToken ct = default) =>
        ExecuteAsync(userId, requestId, revision, async (db, r, actor, now) =>
        {
            if (content.RespondingAuthorityId is { } responder)
                await CheckResponderAsync(db, responder, r.LegislativeAreaCode, ct);
            r.UpdateDraft(actor, await QuestionSetOfAsync(db, r, ct), content, now);
        }, ct);

    public Task SendAsync(Guid userId, Guid requestId, int revision, CancellationToken ct = default) =>
        ExecuteAsync(userId, requestId, revision, async (db, r, actor, now) =>
        {
            if (r.RespondingAuthorityId is { } responder)
                await CheckResponderAsync(db, responder, r.LegislativeAreaCode, ct);
            var oversight = await RequesterOversightAsync(db, r.RequestingAuthorityId, r.LegislativeAreaCode, ct);
            var settings = r.RespondingAuthorityId is { } id ? await ResponderSettingsAsync(db, id, r.LegislativeAreaCode, ct) : ResponderSettings.None;
            r.Send(actor, oversight, settings, now);
        }, ct);

    public Task ForwardAsync(Guid userId, Guid requestId, int revision, Guid toAuthorityId, string reason, CancellationToken ct = default) =>
        ExecuteAsync(userId, requestId, revision, async (db, r, actor, now) =>
        {
            await CheckResponderAsync(db, toAuthorityId, r.LegislativeAreaCode, ct, field: "forwardTo");
            r.Forward(actor, toAuthorityId, await ResponderSettingsAsync(db, toAuthorityId, r.LegislativeAreaCode, ct), reason, now);
        }, ct);

    public Task AnswerAsync(Guid userId, Guid requestId, int revision, int questionIndex, string? optionCode, string? text, CancellationToken ct = default) =>
        ExecuteAsync(userId, requestId, revision, async (db, r, actor, now) =>
            r.AnswerQuestion(actor, await QuestionSetOfAsync(db, r, ct), questionIndex, optionCode, text, now), ct);

    /// <summary>Any other command: <paramref name="command"/> calls one method of the exchange.</summary>
    public Task ActAsync(Guid userId, Guid requestId, int revision, Action<InformationRequest, Actor, DateTimeOffset> command, CancellationToken ct = default) =>
        ExecuteAsync(userId, requestId, revision, (_, r, actor, now) =>
        {
            command(r, actor, now);
            return Task.CompletedTask;
        }, ct);

    public const int MaxUploadBytes = (int)AttachmentRules.MaxBytes;

    /// <summary>Attaches a file: checked by the domain (type, size, count), its bytes stored beside the exchange.</summary>
    public async Task<Guid> AttachAsync(Guid userId, Guid requestId, int revision, AttachmentSide side, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        Guid id = default;
        await ExecuteAsync(userId, requestId, revision, async (db, r, actor, now) =>
        {
            var attachment = r.AddAttachment(actor, side, fileName, size, now);
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            if (buffer.Length != size)
                throw new DomainException($"\"{fileName}\" did not arrive whole; please attach it again.", "attachments");
            db.AttachmentContents.Add(new AttachmentContent { AttachmentId = attachment.Id, RequestId = r.Id, Content = buffer.ToArray() });
            id = attachment.Id;
        }, ct);
        return id;
    }

    public Task RemoveAttachmentAsync(Guid userId, Guid requestId, int revision, Guid attachmentId, CancellationToken ct = default) =>
        ExecuteAsync(userId, requestId, revision, async (db, r, actor, now) =>
        {
            r.RemoveAttachment(actor, attachmentId, now);
            await db.AttachmentContents.Where(c => c.AttachmentId == attachmentId).ExecuteDeleteAsync(ct);
        }, ct);

    private async Task ExecuteAsync(Guid userId, Guid requestId, int expectedRevision,
        Func<ImiDbContext, InformationRequest, Actor, DateTimeOffset, Task> command, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new DomainException("This request does not exist.");
        if (request.Revision != expectedRevision)
            throw new ChangedBySomeoneElseException();
        var timelineBefore = request.Timeline.Count;
        await command(db, request, actor, clock.GetUtcNow());
        await SaveAsync(db, request, timelineBefore, ct);
    }

    /// <summary>Saves the exchange with the alerts of its new steps and announces the change, in one transaction.</summary>
    private async Task SaveAsync(ImiDbContext db, InformationRequest request, int timelineBefore, CancellationToken ct)
    {
        await alerts.EnqueueAsync(db, request, request.Timeline.Skip(timelineBefore), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ChangedBySomeoneElseException();
        }
        await ChangeFeed.NotifyAsync(db, new RequestChange(request.Id, Concerned(request)), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Every authority whose users may see the exchange change: both sides (the responder once it has
    /// the request), their coordinators, and earlier responders.
    /// </summary>
    private static List<Guid> Concerned(InformationRequest r) =>
        new Guid?[]
            {
                r.RequestingAuthorityId,
                r.Status is RequestStatus.Draft or RequestStatus.AwaitingApproval ? null : r.RespondingAuthorityId, r.RequesterOversight.ApproverAuthorityId, r.RequesterOversight.Referee?.AuthorityId,
                r.ResponderSettings.ReplyApproverAuthorityId, r.ResponderSettings.Referee?.AuthorityId,
            }
            .Concat(r.Timeline.SelectMany(t => new Guid?[] { t.AuthorityId, t.OtherAuthorityId }))
            .OfType<Guid>().Distinct().ToList();

    private static async Task<QuestionSet> QuestionSetOfAsync(ImiDbContext db, InformationRequest r, CancellationToken ct) =>
        await db.QuestionSets.AsNoTracking().SingleAsync(q => q.Code == r.QuestionSetCode && q.Version == r.QuestionSetVersion, ct);

    private static async Task CheckResponderAsync(ImiDbContext db, Guid authorityId, string areaCode, CancellationToken ct, string field = "responder")
    {
        var ok = await db.Authorities.AsNoTracking().AnyAsync(a => a.Id == authorityId && a.Status == RegistrationStatus.Validated
                                                                   && a.Areas.Any(x => x.LegislativeAreaCode == areaCode), ct);
        if (!ok)
            throw new DomainException("This authority does not take part in IMI for the request's legislative area; choose another.", field);
    }

    /// <summary>The requester's side: its request coordinators in the area, which may approve requests and take part in referrals.</summary>
    internal static async Task<RequesterOversight> RequesterOversightAsync(ImiDbContext db, Guid requesterId, string area, CancellationToken ct)
    {
        var (approver, referee) = await CoordinatorDutiesAsync(db, requesterId, area, replies: false, ct);
        return new RequesterOversight(approver, referee);
    }

    internal static async Task<ResponderSettings> ResponderSettingsAsync(ImiDbContext db, Guid responderId, string area, CancellationToken ct)
    {
        var allocation = await db.Authorities.AsNoTracking().Where(a => a.Id == responderId)
            .SelectMany(a => a.Areas.Where(x => x.LegislativeAreaCode == area).Select(x => x.AllocationEnabled)).FirstOrDefaultAsync(ct);
        var (approver, referee) = await CoordinatorDutiesAsync(db, responderId, area, replies: true, ct);
        return new ResponderSettings(allocation, approver, referee);
    }

    // Reads only the settings it needs (a few rows), not the whole coordinator aggregates: this is on every send.
    private static async Task<(Guid? Approver, RefereeAuthority? Referee)> CoordinatorDutiesAsync(
        ImiDbContext db, Guid authorityId, string area, bool replies, CancellationToken ct)
    {
        var coordinatorIds = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId)
            .SelectMany(a => a.RequestCoordinators.Where(c => c.LegislativeAreaCode == area).Select(c => c.CoordinatorId)).ToListAsync(ct);
        if (coordinatorIds.Count == 0)
            return (null, null);
        var settings = await db.Authorities.AsNoTracking().Where(a => coordinatorIds.Contains(a.Id))
            .SelectMany(a => a.Areas.Where(x => x.LegislativeAreaCode == area)
                .Select(x => new { a.Id, x.ApprovesRequests, x.ApprovesReplies, x.Referral }))
            .ToListAsync(ct);
        Guid? approver = null;
        RefereeAuthority? referee = null;
        foreach (var coordinator in settings.OrderBy(c => coordinatorIds.IndexOf(c.Id)))
        {
            if (approver is null && (replies ? coordinator.ApprovesReplies : coordinator.ApprovesRequests))
                approver = coordinator.Id;
            if (referee is null && coordinator.Referral != ReferralParticipation.No)
                referee = new RefereeAuthority(coordinator.Id, coordinator.Referral == ReferralParticipation.ReferralHandlers);
        }
        return (approver, referee);
    }
}
