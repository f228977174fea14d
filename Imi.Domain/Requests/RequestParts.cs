namespace Imi.Domain.Requests;

/// <summary>Where an exchange is. Each state waits for one side (see <see cref="RequestWorkflow"/>).</summary>
public enum RequestStatus
{
    /// <summary>Being written by the requester (or sent back by its coordinator).</summary>
    Draft,
    /// <summary>Waits for the requester's coordinator to approve it.</summary>
    AwaitingApproval,
    /// <summary>Sent; waits for the responder to accept it (or forward it).</summary>
    Sent,
    /// <summary>Accepted; the responder is answering.</summary>
    Accepted,
    /// <summary>The responder asked the requester for clarification.</summary>
    AwaitingClarification,
    /// <summary>The reply waits for the responder's coordinator to approve it.</summary>
    ReplyAwaitingApproval,
    /// <summary>The reply is with the requester, who accepts it or asks for more.</summary>
    Replied,
    /// <summary>The requester asked for additional information; back with the responder.</summary>
    AdditionalInformationRequested,
    /// <summary>The coordinators of both sides look at a disagreement.</summary>
    InReferral,
    /// <summary>The requester accepted the reply.</summary>
    Closed,
}

/// <summary>Everything a user can do to an exchange. Each is one row (or a few) in the workflow table.</summary>
public enum RequestAction
{
    EditDraft,
    Send,
    ApproveRequest,
    SendBackRequest,
    Allocate,
    Forward,
    Accept,
    ProposeAnswerDate,
    AskForClarification,
    Clarify,
    Answer,
    SendReply,
    ApproveReply,
    SendBackReply,
    AcceptReply,
    AskForAdditionalInformation,
    DeclineAdditionalInformation,
    OpenReferral,
    CommentOnReferral,
    CloseReferral,
    Rate,
}

/// <summary>The part a user plays in one exchange; a user may play several.</summary>
public enum ExchangeRole
{
    /// <summary>A request handler of the requesting authority in the exchange's area.</summary>
    RequesterHandler,
    /// <summary>A request handler of the responding authority (with allocation on: one it was allocated to, or an allocator).</summary>
    ResponderHandler,
    /// <summary>An allocator of the responding authority, when allocation is on there.</summary>
    ResponderAllocator,
    /// <summary>A request handler of the requester's coordinator, when it approves requests.</summary>
    RequestApprover,
    /// <summary>A request handler of the responder's coordinator, when it approves replies.</summary>
    ReplyApprover,
    /// <summary>A coordinator (or its referral handlers) taking part in referrals.</summary>
    Referee,
}

/// <summary>Text a user typed, with the language it was written in (readers see it in the original, its language named).</summary>
public sealed record FreeText(string Text, string LanguageCode);

/// <summary>One question of a request: from the question set (by code) or free text.</summary>
public sealed class RequestQuestion
{
    /// <summary>The question's code in the exchange's question set; null for a free-text question.</summary>
    public string? Code { get; set; }
    public FreeText? Text { get; set; }
    public RequestAnswer? Answer { get; set; }
}

/// <summary>The responder's answer to one question: a pre-translated option, free text, or both.</summary>
public sealed class RequestAnswer
{
    public string? OptionCode { get; set; }
    public FreeText? Text { get; set; }
    public Guid AnsweredBy { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

/// <summary>
/// The person the request is about. Personal data: seen only by the two authorities in the
/// exchange, every read logged, deleted six months after the exchange closes.
/// </summary>
public sealed record SubjectData(
    string FullName,
    DateOnly? DateOfBirth,
    string? Nationality,
    string? IdentityDocument,
    string? Address,
    string? OtherDetails)
{
    public const int TextMaxLength = 300;
}

/// <summary>What happened, who did it for which authority, and when. Notes are free text in their language.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    RequestAction Action,
    Guid UserId,
    Guid AuthorityId,
    FreeText? Note = null,
    Guid? OtherAuthorityId = null,
    DateOnly? Date = null);

/// <summary>The requester's rating of the reply (1 = poor … 5 = excellent).</summary>
public sealed record RequestRating(int Timeliness, int Effort, FreeText? Comment);

public sealed record ReferralComment(DateTimeOffset At, Guid UserId, Guid AuthorityId, FreeText Text);

/// <summary>A disagreement put to the coordinators: the requester says the reply is incomplete, the responder that it cannot give more.</summary>
public sealed class Referral
{
    public DateTimeOffset OpenedAt { get; set; }
    public Guid OpenedBy { get; set; }
    public FreeText Reason { get; set; } = new("", "en");
    public List<ReferralComment> Comments { get; set; } = new();
    public FreeText? Finding { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A coordinator taking part in referrals for one side, and who of its users act.</summary>
public sealed record RefereeAuthority(Guid AuthorityId, bool ReferralHandlersOnly);

/// <summary>
/// The oversight chosen by the requester's side (settings of its coordinator in the area), fixed
/// when the request is sent.
/// </summary>
public sealed record RequesterOversight(Guid? ApproverAuthorityId, RefereeAuthority? Referee)
{
    public static readonly RequesterOversight None = new(null, null);
}

/// <summary>The responding authority's settings in the area, fixed when the request reaches it.</summary>
public sealed record ResponderSettings(bool AllocationEnabled, Guid? ReplyApproverAuthorityId, RefereeAuthority? Referee)
{
    public static readonly ResponderSettings None = new(false, null, null);
}

/// <summary>Which side of the exchange an attachment belongs to.</summary>
public enum AttachmentSide { Request, Reply }

/// <summary>A file attached to the request or the reply. Its bytes live beside it, deleted with the personal data.</summary>
public sealed class RequestAttachment
{
    public Guid Id { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public AttachmentSide Side { get; init; }
    public Guid UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>The limits on attachments, with the messages a user sees.</summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerSide = 10;

    /// <summary>File types an authority can open without special software.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".txt"] = "text/plain",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>The content type the file is stored and served with; throws a message for the user if the file is refused.</summary>
    public static string Check(string fileName, long size)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (!AllowedTypes.TryGetValue(extension, out var contentType))
            throw new Common.DomainException(
                $"\"{fileName}\" cannot be attached: only {string.Join(", ", AllowedTypes.Keys.Select(k => k.TrimStart('.').ToUpperInvariant()).Distinct())} files are accepted.", "attachments");
        if (size <= 0)
            throw new Common.DomainException($"\"{fileName}\" is empty.", "attachments");
        if (size > MaxBytes)
            throw new Common.DomainException($"\"{fileName}\" is {size / (1024.0 * 1024):0.0} MB; a file may be at most {MaxBytes / (1024 * 1024)} MB.", "attachments");
        return contentType;
    }
}

/// <summary>What retention does to an exchange's personal data.</summary>
public enum PersonalDataStep { None, Block, Erase }
