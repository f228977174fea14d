using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;

namespace Imi.Domain.Requests;

// Drafting and sending: the requester writes the draft; its coordinator may approve it before it goes.
public sealed partial class InformationRequest
{
    // ----- writing and sending ----------------------------------------------------------------

    public static InformationRequest CreateDraft(Actor actor, QuestionSet questionSet, DraftContent content, DateTimeOffset now)
    {
        if (!actor.Has(AreaRole.RequestHandler, questionSet.LegislativeAreaCode))
            throw new NotPermittedException(Refusals.Access.RequestHandlersOfAreaOnly);
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
            throw new DomainException(Refusals.Request.QuestionSetFixed);
        if (content.RespondingAuthorityId == RequestingAuthorityId)
            throw new DomainException(Refusals.Request.NotToOwnAuthority, "responder");
        var known = questionSet.Questions.Select(q => q.Code).ToHashSet();
        var unknown = content.QuestionCodes.FirstOrDefault(c => !known.Contains(c));
        if (unknown is not null)
            throw new DomainException(Refusals.Request.UnknownQuestion, "questions", ("question", unknown));
        var free = content.FreeQuestions.Select(TextInput.Block).Where(q => q.Length > 0).ToList();
        if (free.Count > MaxFreeQuestions)
            throw new DomainException(Refusals.Request.TooManyFreeQuestions, "freeQuestions", ("count", MaxFreeQuestions));
        if (free.Any(q => q.Length > FreeTextMaxLength))
            throw new DomainException(Refusals.Request.QuestionTooLong, "freeQuestions", ("count", FreeTextMaxLength));
        if (content.QuestionCodes.Distinct().Count() + free.Count > MaxQuestions)
            throw new DomainException(Refusals.Request.TooManyQuestions, "questions", ("count", MaxQuestions));
        if (content.RequestedAnswerDate is { } date)
            RequestDates.CheckAnswerDate(date, now, "requestedAnswerDate");

        RespondingAuthorityId = content.RespondingAuthorityId;
        _questions = content.QuestionCodes.Distinct().Select(c => new RequestQuestion(c, null, null))
            .Concat(free.Select(q => new RequestQuestion(null, new FreeText(q, actor.LanguageCode), null)))
            .ToList();
        Subject = CheckSubject(content.Subject, now);
        Comment = Optional(content.Comment, actor, "comment");
        RequestedAnswerDate = content.RequestedAnswerDate;
        LastActivityAt = now;
    }

    private static SubjectData? CheckSubject(SubjectData? subject, DateTimeOffset now)
    {
        if (subject is null)
            return null;
        string? Trim(string? value, string field)
        {
            var trimmed = TextInput.Line(value);
            if (trimmed?.Length > SubjectData.TextMaxLength)
                throw new DomainException(Refusals.Input.TooLong, field, ("count", SubjectData.TextMaxLength));
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }
        var name = Trim(subject.FullName, "subjectName");
        var rest = new[] { subject.Nationality, subject.IdentityDocument, subject.Address, subject.OtherDetails };
        if (name is null && (subject.DateOfBirth is not null || rest.Any(v => !string.IsNullOrWhiteSpace(v))))
            throw new DomainException(Refusals.Request.SubjectNameRequired, "subjectName");
        if (name is null)
            return null;
        RequestDates.CheckDateOfBirth(subject.DateOfBirth, now, SubjectData.DateOfBirthField);
        return new SubjectData(name, subject.DateOfBirth, Trim(subject.Nationality, "subjectNationality"),
            Trim(subject.IdentityDocument, "subjectDocument"), Trim(subject.Address, "subjectAddress"),
            Trim(subject.OtherDetails, "subjectOther"));
    }

    /// <summary>
    /// Sends the draft: to the requester's coordinator first when it approves requests, else to the
    /// responder. The oversight of both sides is fixed now, from the settings of the day.
    /// </summary>
    public void Send(Actor actor, RequesterOversight oversight, ResponderSettings responder, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Send);
        if (RespondingAuthorityId is null)
            throw new DomainException(Refusals.Request.ResponderRequired, "responder");
        if (_questions.Count == 0)
            throw new DomainException(Refusals.Request.QuestionsRequired, "questions");
        if (RequestedAnswerDate is null)
            throw new DomainException(Refusals.Request.AnswerDateRequired, "requestedAnswerDate");
        RequestDates.CheckAnswerDate(RequestedAnswerDate.Value, now, "requestedAnswerDate");
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
        var note = Required(comment, actor, "comment", Refusals.Request.SayWhatShouldChange);
        Status = RequestStatus.Draft;
        Record(actor, RequestAction.SendBackRequest, now, note);
    }
}
