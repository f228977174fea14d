using Imi.Domain.Access;
using Imi.Domain.Common;

namespace Imi.Domain.Requests;

// Replying: the reply is sent (through the responder's coordinator if it approves replies), reviewed, accepted or questioned.
public sealed partial class InformationRequest
{
    public void SendReply(Actor actor, bool inPart, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.SendReply);
        var unanswered = _questions.Count(q => q.Answer is null);
        if (unanswered == _questions.Count)
            throw new DomainException(Refusals.Request.NoAnswers, "answers");
        if (unanswered > 0 && !inPart)
            throw new DomainException(Refusals.Request.Unanswered, "answers", ("count", unanswered));
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
        var note = Required(comment, actor, "comment", Refusals.Request.SayWhatShouldChange);
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
        var note = Required(what, actor, "additionalInformation", Refusals.Request.SayWhatIsMissing);
        Status = RequestStatus.AdditionalInformationRequested;
        AdditionalInformationDeclined = false;
        Record(actor, RequestAction.AskForAdditionalInformation, now, note);
    }

    public void DeclineAdditionalInformation(Actor actor, string reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.DeclineAdditionalInformation);
        var note = Required(reason, actor, "declineReason", Refusals.Request.SayWhyNotGiven);
        Status = RequestStatus.Replied;
        AdditionalInformationDeclined = true;
        Record(actor, RequestAction.DeclineAdditionalInformation, now, note);
    }
}
