using Imi.Domain.Access;
using Imi.Domain.Common;

namespace Imi.Domain.Requests;

// Referral: a disagreement about the reply put to the coordinators.
public sealed partial class InformationRequest
{
    public void OpenReferral(Actor actor, string reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.OpenReferral);
        var note = Required(reason, actor, "referralReason", Refusals.Request.SayWhatRefereesShouldLookAt);
        Referral = new Referral(now, actor.UserId, note, [], null, null);
        Status = RequestStatus.InReferral;
        Record(actor, RequestAction.OpenReferral, now, note);
    }

    public void CommentOnReferral(Actor actor, string comment, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.CommentOnReferral);
        var note = Required(comment, actor, "referralComment", Refusals.Input.Required);
        Referral!.Comment(new ReferralComment(now, actor.UserId, actor.AuthorityId, note));
        Record(actor, RequestAction.CommentOnReferral, now, note);
    }

    /// <summary>Ends the referral with the referees' finding; the reply is back with the requester, who can now accept it.</summary>
    public void CloseReferral(Actor actor, string finding, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.CloseReferral);
        var note = Required(finding, actor, "finding", Refusals.Input.Required);
        Referral!.Close(note, now);
        Status = RequestStatus.Replied;
        Record(actor, RequestAction.CloseReferral, now, note);
    }
}
