using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;

namespace Imi.Domain.Requests;

/// <summary>What the requester writes in a draft; replaced as a whole on every save.</summary>
public sealed record DraftContent(
    Guid? RespondingAuthorityId,
    IReadOnlyList<string> QuestionCodes,
    IReadOnlyList<string> FreeQuestions,
    SubjectData? Subject,
    string? Comment,
    DateOnly? RequestedAnswerDate);

/// <summary>
/// An information request and everything that follows it: an exchange between a requesting and a
/// responding authority in one legislative area. Every command checks <see cref="RequestWorkflow"/>,
/// changes the state and writes the timeline; infrastructure turns the timeline's new entries into
/// alerts and change notifications.
/// </summary>
public sealed class InformationRequest : AggregateRoot
{
    public const int FreeTextMaxLength = 4000;
    public const int MaxQuestions = 40;
    public const int MaxFreeQuestions = 10;

    private List<RequestQuestion> _questions = new();
    private List<TimelineEntry> _timeline = new();
    private List<Guid> _allocatedHandlerIds = new();
    private readonly List<RequestAttachment> _attachments = new();

    private InformationRequest() { }

    /// <summary>The running number the reference is made from ("IMI-000123"); given by the database.</summary>
    public long Number { get; private set; }
    public string Reference => $"IMI-{Number:000000}";
    public string LegislativeAreaCode { get; private set; } = "";
    public string QuestionSetCode { get; private set; } = "";
    public int QuestionSetVersion { get; private set; }
    public Guid RequestingAuthorityId { get; private set; }
    public Guid? RespondingAuthorityId { get; private set; }
    public Guid CreatedBy { get; private set; }
    public RequestStatus Status { get; private set; }
    /// <summary>The state to return to once the requester has clarified, or when the coordinator sends a reply back.</summary>
    public RequestStatus? ResumeStatus { get; private set; }
    public FreeText? Comment { get; private set; }
    public SubjectData? Subject { get; private set; }
    public DateOnly? RequestedAnswerDate { get; private set; }
    /// <summary>The requested date, or the one the responder proposed instead.</summary>
    public DateOnly? AgreedAnswerDate { get; private set; }
    public RequesterOversight RequesterOversight { get; private set; } = RequesterOversight.None;
    public ResponderSettings ResponderSettings { get; private set; } = ResponderSettings.None;
    public bool AdditionalInformationDeclined { get; private set; }
    public bool AnsweredInPart { get; private set; }
    public Referral? Referral { get; private set; }
    public RequestRating? Rating { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>When the last step was taken: sorts lists, finds idle exchanges.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }
    /// <summary>Set when retention deleted the personal data, the free texts and the attachments.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }
    /// <summary>Set when retention blocked the personal data (areas with the block-then-delete rule): hidden, retrievable with a justification.</summary>
    public DateTimeOffset? PersonalDataBlockedAt { get; private set; }

    public IReadOnlyList<RequestQuestion> Questions => _questions;
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;
    public IReadOnlyList<Guid> AllocatedHandlerIds => _allocatedHandlerIds;
    public IReadOnlyList<RequestAttachment> Attachments => _attachments;

    // ----- who is who -------------------------------------------------------------------------

    /// <summary>The parts the user plays in this exchange, from its authority, its roles in the area and the exchange's settings.</summary>
    public IReadOnlySet<ExchangeRole> RolesOf(Actor actor)
    {
        var roles = new HashSet<ExchangeRole>();
        var handler = actor.Has(AreaRole.RequestHandler, LegislativeAreaCode);
        var allocator = actor.Has(AreaRole.Allocator, LegislativeAreaCode);
        if (actor.AuthorityId == RequestingAuthorityId && handler)
            roles.Add(ExchangeRole.RequesterHandler);
        if (actor.AuthorityId == RespondingAuthorityId && Status != RequestStatus.Draft && Status != RequestStatus.AwaitingApproval)
        {
            if (ResponderSettings.AllocationEnabled)
            {
                if (allocator)
                    roles.Add(ExchangeRole.ResponderAllocator);
                if ((handler && _allocatedHandlerIds.Contains(actor.UserId)) || (allocator && handler))
                    roles.Add(ExchangeRole.ResponderHandler);
            }
            else if (handler)
                roles.Add(ExchangeRole.ResponderHandler);
        }
        if (handler && RequesterOversight.ApproverAuthorityId == actor.AuthorityId)
            roles.Add(ExchangeRole.RequestApprover);
        if (handler && ResponderSettings.ReplyApproverAuthorityId == actor.AuthorityId)
            roles.Add(ExchangeRole.ReplyApprover);
        foreach (var referee in new[] { RequesterOversight.Referee, ResponderSettings.Referee })
            if (referee is not null && referee.AuthorityId == actor.AuthorityId
                && actor.Has(referee.ReferralHandlersOnly ? AreaRole.ReferralHandler : AreaRole.RequestHandler, LegislativeAreaCode))
                roles.Add(ExchangeRole.Referee);
        return roles;
    }

    /// <summary>True for the two authorities of the exchange: only they ever see its personal data.</summary>
    public bool IsParty(Guid authorityId) => authorityId == RequestingAuthorityId || authorityId == RespondingAuthorityId;

    // ----- writing and sending ----------------------------------------------------------------

    public static InformationRequest CreateDraft(Actor actor, QuestionSet questionSet, DraftContent content, DateTimeOffset now)
    {
        if (!actor.Has(AreaRole.RequestHandler, questionSet.LegislativeAreaCode))
            throw new NotPermittedException("Only request handlers of this legislative area may write requests.");
        var request = new InformationRequest
        {
            Id = Guid.NewGuid(),
            LegislativeAreaCode = questionSet.LegislativeAreaCode,
            QuestionSetCode = questionSet.Code,
            QuestionSetVersion = questionSet.Version,
            RequestingAuthorityId = actor.AuthorityId,
            CreatedBy = actor.UserId,
            Status = RequestStatus.Draft,
            CreatedAt = now,
            LastActivityAt = now,
        };
        request.ApplyDraft(actor, questionSet, content, now);
        return request;
    }

    public void UpdateDraft(Actor actor, QuestionSet questionSet, DraftContent content, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.EditDraft);
        ApplyDraft(actor, questionSet, content, now);
        Touch();
    }

    private void ApplyDraft(Actor actor, QuestionSet questionSet, DraftContent content, DateTimeOffset now)
    {
        if (questionSet.Code != QuestionSetCode || questionSet.Version != QuestionSetVersion)
            throw new DomainException("The question set of a draft cannot change.");
        if (content.RespondingAuthorityId == RequestingAuthorityId)
            throw new DomainException("A request goes to another authority, not to your own.", "responder");
        var known = questionSet.Questions.Select(q => q.Code).ToHashSet();
        var unknown = content.QuestionCodes.FirstOrDefault(c => !known.Contains(c));
        if (unknown is not null)
            throw new DomainException($"The question \"{unknown}\" is not in the question set.", "questions");
        var free = content.FreeQuestions.Select(q => q?.Trim() ?? "").Where(q => q.Length > 0).ToList();
        if (free.Count > MaxFreeQuestions)
            throw new DomainException($"At most {MaxFreeQuestions} questions of your own.", "freeQuestions");
        if (free.Any(q => q.Length > FreeTextMaxLength))
            throw new DomainException($"A question may be at most {FreeTextMaxLength} characters.", "freeQuestions");
        if (content.QuestionCodes.Distinct().Count() + free.Count > MaxQuestions)
            throw new DomainException($"A request may ask at most {MaxQuestions} questions.", "questions");
        if (content.RequestedAnswerDate is { } date && date <= DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainException("The requested answer date must be in the future.", "requestedAnswerDate");

        RespondingAuthorityId = content.RespondingAuthorityId;
        _questions = content.QuestionCodes.Distinct().Select(c => new RequestQuestion { Code = c })
            .Concat(free.Select(q => new RequestQuestion { Text = new FreeText(q, actor.LanguageCode) }))
            .ToList();
        Subject = CheckSubject(content.Subject);
        Comment = Optional(content.Comment, actor, "comment", "The comment");
        RequestedAnswerDate = content.RequestedAnswerDate;
        LastActivityAt = now;
    }

    private static SubjectData? CheckSubject(SubjectData? subject)
    {
        if (subject is null)
            return null;
        string? Trim(string? value, string field, string label)
        {
            var trimmed = value?.Trim();
            if (trimmed?.Length > SubjectData.TextMaxLength)
                throw new DomainException($"{label} may be at most {SubjectData.TextMaxLength} characters.", field);
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }
        var name = Trim(subject.FullName, "subjectName", "The name");
        var rest = new[] { subject.Nationality, subject.IdentityDocument, subject.Address, subject.OtherDetails };
        if (name is null && (subject.DateOfBirth is not null || rest.Any(v => !string.IsNullOrWhiteSpace(v))))
            throw new DomainException("Give the name of the person or business the request is about.", "subjectName");
        if (name is null)
            return null;
        return new SubjectData(name, subject.DateOfBirth, Trim(subject.Nationality, "subjectNationality", "The nationality"),
            Trim(subject.IdentityDocument, "subjectDocument", "The identity document"), Trim(subject.Address, "subjectAddress", "The address"),
            Trim(subject.OtherDetails, "subjectOther", "Other details"));
    }

    /// <summary>
    /// Sends the draft: to the requester's coordinator first when it approves requests, else to the
    /// responder. The oversight of both sides is fixed now, from the settings of the day.
    /// </summary>
    public void Send(Actor actor, RequesterOversight oversight, ResponderSettings responder, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Send);
        if (RespondingAuthorityId is null)
            throw new DomainException("Choose the authority the request goes to.", "responder");
        if (_questions.Count == 0)
            throw new DomainException("Choose at least one question, or write one of your own.", "questions");
        if (RequestedAnswerDate is null)
            throw new DomainException("Give the date by which you need the answer.", "requestedAnswerDate");
        if (RequestedAnswerDate <= DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainException("The requested answer date must be in the future.", "requestedAnswerDate");
        RequesterOversight = oversight;
        ResponderSettings = responder;
        AgreedAnswerDate = RequestedAnswerDate;
        if (oversight.ApproverAuthorityId is not null)
        {
            Status = RequestStatus.AwaitingApproval;
            Record(actor, RequestAction.Send, now);
        }
        else
        {
            Status = RequestStatus.Sent;
            SentAt = now;
            Record(actor, RequestAction.Send, now, otherAuthorityId: RespondingAuthorityId);
        }
    }

    public void ApproveRequest(Actor actor, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.ApproveRequest);
        Status = RequestStatus.Sent;
        SentAt = now;
        Record(actor, RequestAction.ApproveRequest, now, otherAuthorityId: RespondingAuthorityId);
    }

    public void SendBackRequest(Actor actor, string comment, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.SendBackRequest);
        var note = Required(comment, actor, "comment", "Say what should change");
        Status = RequestStatus.Draft;
        Record(actor, RequestAction.SendBackRequest, now, note);
    }

    // ----- the responding side ----------------------------------------------------------------

    /// <summary>Allocates the request to handlers of the responding authority (replacing earlier allocation).</summary>
    public void Allocate(Actor actor, IReadOnlyCollection<Guid> handlerIds, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Allocate);
        if (handlerIds.Count == 0)
            throw new DomainException("Choose at least one request handler.", "handlers");
        _allocatedHandlerIds = handlerIds.Distinct().ToList();
        Record(actor, RequestAction.Allocate, now);
    }

    /// <summary>Passes the request, before accepting it, to an authority better placed to answer.</summary>
    public void Forward(Actor actor, Guid newRespondingAuthorityId, ResponderSettings newResponder, string reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Forward);
        if (newRespondingAuthorityId == RespondingAuthorityId || newRespondingAuthorityId == RequestingAuthorityId)
            throw new DomainException("Forward the request to another authority than the two in the exchange.", "forwardTo");
        var note = Required(reason, actor, "forwardReason", "Say why the other authority is better placed");
        RespondingAuthorityId = newRespondingAuthorityId;
        ResponderSettings = newResponder;
        _allocatedHandlerIds.Clear();
        Record(actor, RequestAction.Forward, now, note, otherAuthorityId: newRespondingAuthorityId);
    }

    /// <summary>Accepts the request, keeping the requested answer date or proposing another.</summary>
    public void Accept(Actor actor, DateOnly? proposedAnswerDate, string? reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Accept);
        Status = RequestStatus.Accepted;
        AcceptedAt = now;
        if (ResponderSettings.AllocationEnabled && _allocatedHandlerIds.Count == 0)
            _allocatedHandlerIds.Add(actor.UserId);
        Record(actor, RequestAction.Accept, now);
        if (proposedAnswerDate is { } date && date != AgreedAnswerDate)
            SetAnswerDate(actor, date, reason, now);
    }

    public void ProposeAnswerDate(Actor actor, DateOnly date, string? reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.ProposeAnswerDate);
        SetAnswerDate(actor, date, reason, now);
    }

    private void SetAnswerDate(Actor actor, DateOnly date, string? reason, DateTimeOffset now)
    {
        if (date <= DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainException("The answer date must be in the future.", "answerDate");
        AgreedAnswerDate = date;
        Record(actor, RequestAction.ProposeAnswerDate, now, Optional(reason, actor, "answerDateReason", "The reason"), date: date);
    }

    public void AskForClarification(Actor actor, string question, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.AskForClarification);
        var note = Required(question, actor, "clarification", "Say what needs clarifying");
        ResumeStatus = Status;
        Status = RequestStatus.AwaitingClarification;
        Record(actor, RequestAction.AskForClarification, now, note);
    }

    public void Clarify(Actor actor, string clarification, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Clarify);
        var note = Required(clarification, actor, "clarification", "The clarification");
        Status = ResumeStatus ?? RequestStatus.Sent;
        ResumeStatus = null;
        Record(actor, RequestAction.Clarify, now, note);
    }

    /// <summary>Saves the answer to one question (not yet sent): an option of the question set, free text, or both.</summary>
    public void AnswerQuestion(Actor actor, QuestionSet questionSet, int questionIndex, string? optionCode, string? text, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Answer);
        if (questionIndex < 0 || questionIndex >= _questions.Count)
            throw new DomainException("There is no such question in this request.");
        var question = _questions[questionIndex];
        if (optionCode is not null)
        {
            var options = questionSet.Questions.FirstOrDefault(q => q.Code == question.Code)?.AnswerOptions ?? [];
            if (options.All(o => o.Code != optionCode))
                throw new DomainException("Choose one of the answers offered for this question.", $"answer{questionIndex}");
        }
        var freeText = Optional(text, actor, $"answer{questionIndex}", "The answer");
        if (optionCode is null && freeText is null)
        {
            question.Answer = null;
        }
        else
        {
            question.Answer = new RequestAnswer { OptionCode = optionCode, Text = freeText, AnsweredBy = actor.UserId, AnsweredAt = now };
        }
        LastActivityAt = now;
        Touch();
    }

    /// <summary>
    /// Sends the reply. Every question needs an answer unless the responder says it answers in part;
    /// with reply approval set by its coordinator, the reply goes there first.
    /// </summary>
    public void SendReply(Actor actor, bool inPart, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.SendReply);
        var unanswered = _questions.Count(q => q.Answer is null);
        if (unanswered == _questions.Count)
            throw new DomainException("Answer at least one question before sending the reply.", "answers");
        if (unanswered > 0 && !inPart)
            throw new DomainException($"{unanswered} question(s) have no answer yet. Answer them, or tick \"answer in part\" to send what you have.", "answers");
        AnsweredInPart = unanswered > 0;
        if (ResponderSettings.ReplyApproverAuthorityId is not null)
        {
            ResumeStatus = Status;
            Status = RequestStatus.ReplyAwaitingApproval;
            Record(actor, RequestAction.SendReply, now);
        }
        else
        {
            Status = RequestStatus.Replied;
            RepliedAt = now;
            Record(actor, RequestAction.SendReply, now, otherAuthorityId: RequestingAuthorityId);
        }
    }

    public void ApproveReply(Actor actor, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.ApproveReply);
        ResumeStatus = null;
        Status = RequestStatus.Replied;
        RepliedAt = now;
        Record(actor, RequestAction.ApproveReply, now, otherAuthorityId: RequestingAuthorityId);
    }

    public void SendBackReply(Actor actor, string comment, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.SendBackReply);
        var note = Required(comment, actor, "comment", "Say what should change");
        Status = ResumeStatus ?? RequestStatus.Accepted;
        ResumeStatus = null;
        Record(actor, RequestAction.SendBackReply, now, note);
    }

    // ----- the requesting side after the reply ------------------------------------------------

    public void AcceptReply(Actor actor, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.AcceptReply);
        Status = RequestStatus.Closed;
        ClosedAt = now;
        Record(actor, RequestAction.AcceptReply, now);
    }

    public void AskForAdditionalInformation(Actor actor, string what, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.AskForAdditionalInformation);
        var note = Required(what, actor, "additionalInformation", "Say what is missing");
        Status = RequestStatus.AdditionalInformationRequested;
        AdditionalInformationDeclined = false;
        Record(actor, RequestAction.AskForAdditionalInformation, now, note);
    }

    public void DeclineAdditionalInformation(Actor actor, string reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.DeclineAdditionalInformation);
        var note = Required(reason, actor, "declineReason", "Say why the information cannot be given");
        Status = RequestStatus.Replied;
        AdditionalInformationDeclined = true;
        Record(actor, RequestAction.DeclineAdditionalInformation, now, note);
    }

    public void OpenReferral(Actor actor, string reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.OpenReferral);
        var note = Required(reason, actor, "referralReason", "Say what the referees should look at");
        Referral = new Referral { OpenedAt = now, OpenedBy = actor.UserId, Reason = note };
        Status = RequestStatus.InReferral;
        Record(actor, RequestAction.OpenReferral, now, note);
    }

    public void CommentOnReferral(Actor actor, string comment, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.CommentOnReferral);
        var note = Required(comment, actor, "referralComment", "The comment");
        Referral!.Comments.Add(new ReferralComment(now, actor.UserId, actor.AuthorityId, note));
        Record(actor, RequestAction.CommentOnReferral, now, note);
    }

    /// <summary>Ends the referral with the referees' finding; the reply is back with the requester, who can now accept it.</summary>
    public void CloseReferral(Actor actor, string finding, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.CloseReferral);
        var note = Required(finding, actor, "finding", "The finding");
        Referral!.Finding = note;
        Referral.ClosedAt = now;
        Status = RequestStatus.Replied;
        Record(actor, RequestAction.CloseReferral, now, note);
    }

    public void Rate(Actor actor, int timeliness, int effort, string? comment, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Rate);
        if (timeliness is < 1 or > 5)
            throw new DomainException("Rate the timeliness from 1 to 5.", "timeliness");
        if (effort is < 1 or > 5)
            throw new DomainException("Rate the effort from 1 to 5.", "effort");
        Rating = new RequestRating(timeliness, effort, Optional(comment, actor, "ratingComment", "The comment"));
        Record(actor, RequestAction.Rate, now);
    }

    // ----- attachments ------------------------------------------------------------------------

    /// <summary>Registers a file on the requester's side (while drafting) or the responder's (while answering).</summary>
    public RequestAttachment AddAttachment(Actor actor, AttachmentSide side, string fileName, long size, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, side == AttachmentSide.Request ? RequestAction.EditDraft : RequestAction.Answer);
        var contentType = AttachmentRules.Check(fileName, size);
        if (_attachments.Count(a => a.Side == side) >= AttachmentRules.MaxPerSide)
            throw new DomainException($"At most {AttachmentRules.MaxPerSide} files may be attached.", "attachments");
        var attachment = new RequestAttachment
        {
            Id = Guid.NewGuid(), FileName = Path.GetFileName(fileName), ContentType = contentType, Size = size, Side = side,
            UploadedBy = actor.UserId, UploadedAt = now,
        };
        _attachments.Add(attachment);
        LastActivityAt = now;
        Touch();
        return attachment;
    }

    public void RemoveAttachment(Actor actor, Guid attachmentId, DateTimeOffset now)
    {
        var attachment = _attachments.FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new DomainException("The file is no longer attached.");
        RequestWorkflow.Require(this, actor, attachment.Side == AttachmentSide.Request ? RequestAction.EditDraft : RequestAction.Answer);
        _attachments.Remove(attachment);
        LastActivityAt = now;
        Touch();
    }

    // ----- data protection --------------------------------------------------------------------

    /// <summary>The rule of the guide: personal data is deleted at the latest six months after closure.</summary>
    public static readonly TimeSpan PersonalDataRetention = TimeSpan.FromDays(183);

    /// <summary>The later rule (Regulation 1024/2012, art. 14): blocked data is deleted three years after closure.</summary>
    public static readonly TimeSpan BlockedDataRetention = TimeSpan.FromDays(3 * 365 + 1);

    /// <summary>What retention has to do to this exchange now, under the area's rule.</summary>
    public PersonalDataStep PersonalDataDue(DateTimeOffset now, PersonalDataRule rule)
    {
        if (Status != RequestStatus.Closed || PersonalDataErasedAt is not null || ClosedAt is not { } closed)
            return PersonalDataStep.None;
        if (rule == PersonalDataRule.DeleteAfterSixMonths)
            return closed + PersonalDataRetention <= now ? PersonalDataStep.Erase : PersonalDataStep.None;
        if (closed + BlockedDataRetention <= now)
            return PersonalDataStep.Erase;
        return closed + PersonalDataRetention <= now && PersonalDataBlockedAt is null ? PersonalDataStep.Block : PersonalDataStep.None;
    }

    /// <summary>Hides the personal data: from now on it is shown only to a party's handler who gives a justification.</summary>
    public void BlockPersonalData(DateTimeOffset now)
    {
        if (Status != RequestStatus.Closed)
            throw new DomainException("Personal data is blocked only in closed exchanges.");
        PersonalDataBlockedAt ??= now;
        Touch();
    }

    /// <summary>
    /// Deletes the subject's data, every free text (which may name the subject) and the attachments,
    /// leaving the anonymous record: area, authorities, questions asked, options answered, dates, timeline.
    /// Returns what was deleted, for the audit entry.
    /// </summary>
    public string ErasePersonalData(DateTimeOffset now)
    {
        if (Status != RequestStatus.Closed)
            throw new DomainException("Personal data is deleted only from closed exchanges.");
        var deleted = $"subject: {(Subject is null ? "none" : "deleted")}, attachments: {_attachments.Count}, " +
                      $"free texts: {_questions.Count(q => q.Text is not null || q.Answer?.Text is not null) + _timeline.Count(t => t.Note is not null) + (Comment is null ? 0 : 1)}";
        Subject = null;
        Comment = null;
        _attachments.Clear();
        foreach (var question in _questions)
        {
            if (question.Text is not null)
                question.Text = question.Text with { Text = "" };
            if (question.Answer is not null)
                question.Answer.Text = null;
        }
        _timeline = _timeline.Select(t => t.Note is null ? t : t with { Note = null }).ToList();
        if (Referral is not null)
        {
            Referral.Reason = Referral.Reason with { Text = "" };
            Referral.Comments.Clear();
            Referral.Finding = Referral.Finding is null ? null : Referral.Finding with { Text = "" };
        }
        if (Rating is not null)
            Rating = Rating with { Comment = null };
        PersonalDataErasedAt = now;
        Touch();
        return deleted;
    }

    // ----- helpers ----------------------------------------------------------------------------

    private void Record(Actor actor, RequestAction action, DateTimeOffset now, FreeText? note = null, Guid? otherAuthorityId = null, DateOnly? date = null)
    {
        _timeline.Add(new TimelineEntry(now, action, actor.UserId, actor.AuthorityId, note, otherAuthorityId, date));
        LastActivityAt = now;
        Touch();
    }

    private static FreeText Required(string? text, Actor actor, string field, string label) =>
        Optional(text, actor, field, label) ?? throw new DomainException($"{label}.", field);

    private static FreeText? Optional(string? text, Actor actor, string field, string label)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > FreeTextMaxLength)
            throw new DomainException($"{label} may be at most {FreeTextMaxLength} characters.", field);
        return new FreeText(trimmed, actor.LanguageCode);
    }
}
