using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Requests;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static Imi.Infrastructure.Requests.ExchangeSettings;

namespace Imi.Infrastructure.Requests;

/// <summary>
/// The use cases of an exchange (<see cref="RequestCommand"/>): load it, let the domain decide, save
/// it with its alerts in the outbox and a change notification, all in one transaction. A stale
/// revision is reported as "changed by someone else".
/// </summary>
public sealed class RequestService(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock, RequestAlerts alerts)
{
    public const int MaxUploadBytes = (int)AttachmentRules.MaxBytes;

    /// <summary>The newest question set of the area: what new drafts are written with.</summary>
    public static async Task<QuestionSet> CurrentQuestionSetAsync(ImiDbContext db, string areaCode, CancellationToken ct) =>
        await db.QuestionSets.AsNoTracking().Where(q => q.LegislativeAreaCode == areaCode).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct)
        ?? throw new DomainException(Refusals.Request.NoQuestionsForArea, "area");

    public async Task<RequestResult> ExecuteAsync(Guid userId, RequestCommand command, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadHandlerAsync(db, userId, clock.GetUtcNow(), ct);
        var now = clock.GetUtcNow();
        if (command is CreateDraft create)
            return await CreateDraftAsync(db, actor, create, now, ct);
        if (command is not ExchangeCommand step)
            throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name);

        var r = await db.Requests.SingleOrDefaultAsync(x => x.Id == step.RequestId, ct)
            ?? throw new DomainException(Refusals.Request.DoesNotExist);
        if (r.Revision != step.ExpectedRevision)
            throw new ChangedBySomeoneElseException(Refusals.Concurrency.ExchangeChanged);
        var timelineBefore = r.Timeline.Count;
        Guid? attachmentId = null;
        var notice = step switch
        {
            UpdateDraft c => await UpdateDraftAsync(db, r, actor, c, now, ct),
            SendRequest => await SendAsync(db, r, actor, now, ct),
            ApproveRequest => Do(() => r.ApproveRequest(actor, now)),
            SendBackRequest c => Do(() => r.SendBackRequest(actor, c.Comment, now)),
            AllocateRequest c => await AllocateAsync(db, r, actor, c, now, ct),
            UnallocateRequest => Do(() => r.Unallocate(actor, now), Notices.Requests.Unallocated),
            ForwardRequest c => await ForwardAsync(db, r, actor, c, now, ct),
            AcceptRequest c => Do(() => r.Accept(actor, c.OtherAnswerDate, c.Reason, now), Notices.Requests.Accepted),
            ProposeAnswerDate c => Do(() => r.ProposeAnswerDate(actor, c.Date, c.Reason, now), Notices.Requests.AnswerDateProposed),
            AskForClarification c => Do(() => r.AskForClarification(actor, c.Question, now)),
            Clarify c => Do(() => r.Clarify(actor, c.Clarification, now)),
            AnswerQuestion c => await AnswerAsync(db, r, actor, c, now, ct),
            SendReply c => Do(() => r.SendReply(actor, c.InPart, now), Notices.Requests.ReplySent),
            ApproveReply => Do(() => r.ApproveReply(actor, now)),
            SendBackReply c => Do(() => r.SendBackReply(actor, c.Comment, now)),
            AcceptReply => Do(() => r.AcceptReply(actor, now)),
            AskForAdditionalInformation c => Do(() => r.AskForAdditionalInformation(actor, c.What, now)),
            DeclineAdditionalInformation c => Do(() => r.DeclineAdditionalInformation(actor, c.Reason, now)),
            OpenReferral c => Do(() => r.OpenReferral(actor, c.Reason, now)),
            CommentOnReferral c => Do(() => r.CommentOnReferral(actor, c.Comment, now)),
            CloseReferral c => Do(() => r.CloseReferral(actor, c.Finding, now)),
            RateReply c => Do(() => r.Rate(actor, c.Timeliness, c.Effort, c.Comment, now), Notices.Requests.Rated),
            AttachFile c => await AttachAsync(db, r, actor, c, now, id => attachmentId = id, ct),
            RemoveFile c => await RemoveFileAsync(db, r, actor, c, now, ct),
            RemindAuthority => await RemindAsync(db, r, actor, now, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
        };
        if (step is SendRequest or ApproveRequest or ForwardRequest)
            await AllocateAutomaticallyAsync(db, r, now, ct);
        await SaveAsync(db, r, timelineBefore, ct);
        return new RequestResult(r.Id, notice, attachmentId);
    }

    private static Notice Do(Action step, string notice = Notices.Requests.Done)
    {
        step();
        return new Notice(notice);
    }

    private async Task<RequestResult> CreateDraftAsync(ImiDbContext db, Actor actor, CreateDraft c, DateTimeOffset now, CancellationToken ct)
    {
        var set = await CurrentQuestionSetAsync(db, c.AreaCode, ct);
        if (c.Content.RespondingAuthorityId is { } responder)
            await CheckResponderAsync(db, responder, c.AreaCode, ct);
        var request = InformationRequest.CreateDraft(actor, set, c.Content, now);
        db.Requests.Add(request);
        await SaveAsync(db, request, 0, ct);
        return new RequestResult(request.Id, new Notice(Notices.Requests.DraftSaved));
    }

    private static async Task<Notice> UpdateDraftAsync(ImiDbContext db, InformationRequest r, Actor actor, UpdateDraft c, DateTimeOffset now, CancellationToken ct)
    {
        if (c.Content.RespondingAuthorityId is { } responder)
            await CheckResponderAsync(db, responder, r.LegislativeAreaCode, ct);
        r.UpdateDraft(actor, await QuestionSetOfAsync(db, r, ct), c.Content, now);
        return new Notice(Notices.Requests.DraftSaved);
    }

    private static async Task<Notice> SendAsync(ImiDbContext db, InformationRequest r, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (r.RespondingAuthorityId is { } responder)
            await CheckResponderAsync(db, responder, r.LegislativeAreaCode, ct);
        var oversight = await RequesterOversightAsync(db, r.RequestingAuthorityId, r.LegislativeAreaCode, ct);
        var settings = r.RespondingAuthorityId is { } id ? await ResponderSettingsAsync(db, id, r.LegislativeAreaCode, ct) : ResponderSettings.None;
        r.Send(actor, oversight, settings, now);
        return new Notice(Notices.Requests.Sent);
    }

    private static async Task<Notice> ForwardAsync(ImiDbContext db, InformationRequest r, Actor actor, ForwardRequest c, DateTimeOffset now, CancellationToken ct)
    {
        await CheckResponderAsync(db, c.ToAuthorityId, r.LegislativeAreaCode, ct, field: "forwardTo");
        r.Forward(actor, c.ToAuthorityId, await ResponderSettingsAsync(db, c.ToAuthorityId, r.LegislativeAreaCode, ct), c.Reason, now);
        return new Notice(Notices.Requests.Forwarded);
    }

    private static async Task<Notice> AnswerAsync(ImiDbContext db, InformationRequest r, Actor actor, AnswerQuestion c, DateTimeOffset now, CancellationToken ct)
    {
        r.AnswerQuestion(actor, await QuestionSetOfAsync(db, r, ct), c.QuestionIndex, c.OptionCode, c.Text, now);
        return new Notice(Notices.Requests.AnswerSaved);
    }

    /// <summary>Attaches a file: checked by the domain (type, size, count), its bytes stored beside the exchange.</summary>
    private static async Task<Notice> AttachAsync(ImiDbContext db, InformationRequest r, Actor actor, AttachFile c, DateTimeOffset now,
        Action<Guid> attached, CancellationToken ct)
    {
        var attachment = r.AddAttachment(actor, c.Side, c.FileName, c.Size, now);
        using var buffer = new MemoryStream();
        await using (var content = c.Open())
            await content.CopyToAsync(buffer, ct);
        if (buffer.Length != c.Size)
            throw new DomainException(Refusals.Attachments.Incomplete, "attachments", ("fileName", c.FileName));
        db.AttachmentContents.Add(new AttachmentContent { AttachmentId = attachment.Id, RequestId = r.Id, Content = buffer.ToArray() });
        attached(attachment.Id);
        return new Notice(Notices.Requests.FileAttached, ("fileName", c.FileName));
    }

    private static async Task<Notice> RemoveFileAsync(ImiDbContext db, InformationRequest r, Actor actor, RemoveFile c, DateTimeOffset now, CancellationToken ct)
    {
        r.RemoveAttachment(actor, c.AttachmentId, now);
        await db.AttachmentContents.Where(x => x.AttachmentId == c.AttachmentId).ExecuteDeleteAsync(ct);
        return new Notice(Notices.Requests.FileRemoved);
    }

    private static async Task<Notice> AllocateAsync(ImiDbContext db, InformationRequest r, Actor actor, AllocateRequest c, DateTimeOffset now, CancellationToken ct)
    {
        var pool = await Allocation.HandlerPools.OfAsync(db, actor.AuthorityId, r.LegislativeAreaCode, now, ct);
        r.Allocate(actor, c.HandlerIds.ToList(), pool, now);
        return new Notice(Notices.Requests.Allocated);
    }

    /// <summary>The request has just reached a responder: its area's automatic allocation, if on, gives it to a handler.</summary>
    private static async Task AllocateAutomaticallyAsync(ImiDbContext db, InformationRequest r, DateTimeOffset now, CancellationToken ct)
    {
        if (!r.ResponderSettings.AllocationEnabled || r.RespondingAuthorityId is not { } responder || r.AllocatedHandlerIds.Count > 0)
            return;
        var mode = await db.Authorities.AsNoTracking().Where(a => a.Id == responder)
            .SelectMany(a => a.Areas.Where(x => x.LegislativeAreaCode == r.LegislativeAreaCode).Select(x => x.AutomaticAllocation))
            .FirstOrDefaultAsync(ct);
        if (mode == Domain.Allocation.AllocationMode.Manual)
            return;
        r.AllocateAutomatically(mode, await Allocation.HandlerPools.OfAsync(db, responder, r.LegislativeAreaCode, now, ct), now);
    }

    /// <summary>A coordinator's reminder: its scope decides (the domain checks it covers the authority reminded).</summary>
    private static async Task<Notice> RemindAsync(ImiDbContext db, InformationRequest r, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var scope = await Performance.PerformanceScopes.OfAsync(db, actor.AuthorityId, ct);
        var waiting = Domain.Performance.ExchangeMeasures.Of(r)?.WaitingAuthorityId;
        var country = await db.Authorities.AsNoTracking().Where(a => a.Id == waiting).Select(a => a.CountryCode).SingleOrDefaultAsync(ct) ?? "";
        r.RemindFromCoordinator(actor, scope, country, now);
        return new Notice(Notices.Requests.Reminded);
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
            throw new ChangedBySomeoneElseException(Refusals.Concurrency.ExchangeChanged);
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
                RequestWorkflow.HasReachedResponder(r.Status) ? r.RespondingAuthorityId : null, r.RequesterOversight.ApproverAuthorityId, r.RequesterOversight.Referee?.AuthorityId,
                r.ResponderSettings.ReplyApproverAuthorityId, r.ResponderSettings.Referee?.AuthorityId,
            }
            .Concat(r.Timeline.SelectMany(t => new Guid?[] { t.AuthorityId, t.OtherAuthorityId }))
            .OfType<Guid>().Distinct().ToList();
}
