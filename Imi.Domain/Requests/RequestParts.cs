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

public static class RequestStatuses
{
    /// <summary>An exchange under way: sent and not yet closed (a draft is not an exchange yet).</summary>
    public static readonly IReadOnlyList<RequestStatus> Open =
        [.. Enum.GetValues<RequestStatus>().Where(s => s is not RequestStatus.Draft and not RequestStatus.Closed)];
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
    /// <summary>Not a step of the workflow: a coordinator reminds the authority whose turn it is (the urgency list).</summary>
    RemindFromCoordinator,
    /// <summary>An allocator takes every handler off: the request is back among those not allocated.</summary>
    Unallocate,
    /// <summary>Not a step: the responding authority's automatic allocation gave the request to a handler.</summary>
    AllocateAutomatically,
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

/// <summary>
/// One question of a request: from the question set (by code) or free text. Changed only by the
/// exchange (<see cref="InformationRequest"/>); the public constructor is for the jsonb column.
/// </summary>
public sealed class RequestQuestion(string? code, FreeText? text, RequestAnswer? answer)
{
    /// <summary>The question's code in the exchange's question set; null for a free-text question.</summary>
    public string? Code { get; private set; } = code;
    public FreeText? Text { get; private set; } = text;
    public RequestAnswer? Answer { get; private set; } = answer;

    internal void Answered(RequestAnswer? answer) => Answer = answer;

    /// <summary>Retention: the free text of the question and of its answer go; the codes stay.</summary>
    internal void ErasePersonalData()
    {
        if (Text is not null)
            Text = Text with { Text = "" };
        if (Answer is not null)
            Answer = Answer with { Text = null };
    }
}

/// <summary>The responder's answer to one question: a pre-translated option, free text, or both.</summary>
public sealed record RequestAnswer(string? OptionCode, FreeText? Text, Guid AnsweredBy, DateTimeOffset AnsweredAt);

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
    /// <summary>The limit of each text of the subject (name, nationality, document, address, other details).</summary>
    public const int TextMaxLength = 300;
    /// <summary>The field a refused date of birth is reported on.</summary>
    public const string DateOfBirthField = "subjectBorn";
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
public sealed record RequestRating(int Timeliness, int Effort, FreeText? Comment)
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
}

public sealed record ReferralComment(DateTimeOffset At, Guid UserId, Guid AuthorityId, FreeText Text);

/// <summary>A disagreement put to the coordinators: the requester says the reply is incomplete, the responder that it cannot give more.</summary>
/// <remarks>Changed only by the exchange; the public constructor is for the jsonb column.</remarks>
public sealed class Referral(DateTimeOffset openedAt, Guid openedBy, FreeText reason, IReadOnlyList<ReferralComment>? comments, FreeText? finding, DateTimeOffset? closedAt)
{
    private readonly List<ReferralComment> _comments = comments?.ToList() ?? new();

    public DateTimeOffset OpenedAt { get; } = openedAt;
    public Guid OpenedBy { get; } = openedBy;
    public FreeText Reason { get; private set; } = reason;
    public IReadOnlyList<ReferralComment> Comments => _comments;
    public FreeText? Finding { get; private set; } = finding;
    public DateTimeOffset? ClosedAt { get; private set; } = closedAt;

    internal void Comment(ReferralComment comment) => _comments.Add(comment);

    internal void Close(FreeText finding, DateTimeOffset at)
    {
        Finding = finding;
        ClosedAt = at;
    }

    /// <summary>Retention: the texts go (they may name the subject); the dates stay.</summary>
    internal void ErasePersonalData()
    {
        Reason = Reason with { Text = "" };
        _comments.Clear();
        Finding = Finding is null ? null : Finding with { Text = "" };
    }
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
    private RequestAttachment() { } // for EF Core

    internal RequestAttachment(Guid id, string fileName, string contentType, long size, AttachmentSide side, Guid uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Side = side;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public AttachmentSide Side { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
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
            throw new Common.DomainException(Common.Refusals.Attachments.TypeNotAccepted, "attachments", ("fileName", fileName),
                ("types", string.Join(", ", AllowedTypes.Keys.Select(k => k.TrimStart('.').ToUpperInvariant()).Distinct())));
        if (size <= 0)
            throw new Common.DomainException(Common.Refusals.Attachments.Empty, "attachments", ("fileName", fileName));
        if (size > MaxBytes)
            throw new Common.DomainException(Common.Refusals.Attachments.TooLarge, "attachments", ("fileName", fileName), ("size", size / (1024.0 * 1024)), ("max", MaxBytes / (1024 * 1024)));
        return contentType;
    }
}

/// <summary>What retention does to an exchange's personal data.</summary>
public enum PersonalDataStep { None, Block, Erase }
