using Imi.Domain.Access;
using Imi.Domain.Common;

namespace Imi.Domain.Requests;

// Attachments: the requester's files while drafting, the responder's while answering.
public sealed partial class InformationRequest
{
    // ----- attachments ------------------------------------------------------------------------

    /// <summary>Registers a file on the requester's side (while drafting) or the responder's (while answering).</summary>
    public RequestAttachment AddAttachment(Actor actor, AttachmentSide side, string fileName, long size, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, side == AttachmentSide.Request ? RequestAction.EditDraft : RequestAction.Answer);
        var contentType = AttachmentRules.Check(fileName, size);
        if (_attachments.Count(a => a.Side == side) >= AttachmentRules.MaxPerSide)
            throw new DomainException(Refusals.Attachments.TooMany, "attachments", ("count", AttachmentRules.MaxPerSide));
        var attachment = new RequestAttachment(Guid.NewGuid(), TextInput.Line(Path.GetFileName(fileName)), contentType, size, side, actor.UserId, now);
        _attachments.Add(attachment);
        LastActivityAt = now;
        Touch();
        return attachment;
    }

    public void RemoveAttachment(Actor actor, Guid attachmentId, DateTimeOffset now)
    {
        var attachment = _attachments.FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new DomainException(Refusals.Attachments.NoLongerAttached);
        RequestWorkflow.Require(this, actor, attachment.Side == AttachmentSide.Request ? RequestAction.EditDraft : RequestAction.Answer);
        _attachments.Remove(attachment);
        LastActivityAt = now;
        Touch();
    }
}
