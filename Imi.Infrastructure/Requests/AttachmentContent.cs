namespace Imi.Infrastructure.Requests;

/// <summary>The bytes of an attachment, apart from the exchange so lists never read them.</summary>
public sealed class AttachmentContent
{
    public Guid AttachmentId { get; init; }
    public Guid RequestId { get; init; }
    public required byte[] Content { get; init; }
}
