using Imi.Infrastructure.UseCases;
using Imi.Domain.Requests;

namespace Imi.Infrastructure.Requests;

/// <summary>
/// One use case of an exchange, as data: the portal builds it, <see cref="RequestService.ExecuteAsync"/>
/// decides which domain method runs. Texts are passed as typed; the domain cleans and checks them.
/// </summary>
public abstract record RequestCommand;

/// <summary>A step on an existing exchange, at the revision the user saw (a later one is "changed by someone else").</summary>
public abstract record ExchangeCommand(Guid RequestId, int ExpectedRevision) : RequestCommand;

// ----- drafting and sending --------------------------------------------------------------------
public sealed record CreateDraft(string AreaCode, DraftContent Content) : RequestCommand;
public sealed record UpdateDraft(Guid RequestId, int ExpectedRevision, DraftContent Content) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record SendRequest(Guid RequestId, int ExpectedRevision) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record ApproveRequest(Guid RequestId, int ExpectedRevision) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record SendBackRequest(Guid RequestId, int ExpectedRevision, string Comment) : ExchangeCommand(RequestId, ExpectedRevision);

// ----- responding ------------------------------------------------------------------------------
public sealed record AllocateRequest(Guid RequestId, int ExpectedRevision, IReadOnlyList<Guid> HandlerIds) : ExchangeCommand(RequestId, ExpectedRevision);
/// <summary>Takes every handler off: the request is back among those not allocated.</summary>
public sealed record UnallocateRequest(Guid RequestId, int ExpectedRevision) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record ForwardRequest(Guid RequestId, int ExpectedRevision, Guid ToAuthorityId, string Reason) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record AcceptRequest(Guid RequestId, int ExpectedRevision, DateOnly? OtherAnswerDate, string? Reason) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record ProposeAnswerDate(Guid RequestId, int ExpectedRevision, DateOnly Date, string? Reason) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record AskForClarification(Guid RequestId, int ExpectedRevision, string Question) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record Clarify(Guid RequestId, int ExpectedRevision, string Clarification) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record AnswerQuestion(Guid RequestId, int ExpectedRevision, int QuestionIndex, string? OptionCode, string? Text) : ExchangeCommand(RequestId, ExpectedRevision);

// ----- replying --------------------------------------------------------------------------------
public sealed record SendReply(Guid RequestId, int ExpectedRevision, bool InPart) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record ApproveReply(Guid RequestId, int ExpectedRevision) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record SendBackReply(Guid RequestId, int ExpectedRevision, string Comment) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record AcceptReply(Guid RequestId, int ExpectedRevision) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record AskForAdditionalInformation(Guid RequestId, int ExpectedRevision, string What) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record DeclineAdditionalInformation(Guid RequestId, int ExpectedRevision, string Reason) : ExchangeCommand(RequestId, ExpectedRevision);

// ----- referral and closing --------------------------------------------------------------------
public sealed record OpenReferral(Guid RequestId, int ExpectedRevision, string Reason) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record CommentOnReferral(Guid RequestId, int ExpectedRevision, string Comment) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record CloseReferral(Guid RequestId, int ExpectedRevision, string Finding) : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record RateReply(Guid RequestId, int ExpectedRevision, int Timeliness, int Effort, string? Comment) : ExchangeCommand(RequestId, ExpectedRevision);

// ----- oversight -------------------------------------------------------------------------------
/// <summary>A coordinator reminds the authority whose turn it is (the urgency list).</summary>
public sealed record RemindAuthority(Guid RequestId, int ExpectedRevision) : ExchangeCommand(RequestId, ExpectedRevision);

// ----- files -----------------------------------------------------------------------------------
/// <summary>Attaches a file; <see cref="Open"/> is called once, by the service, and the stream disposed there.</summary>
public sealed record AttachFile(Guid RequestId, int ExpectedRevision, AttachmentSide Side, string FileName, long Size, Func<Stream> Open)
    : ExchangeCommand(RequestId, ExpectedRevision);
public sealed record RemoveFile(Guid RequestId, int ExpectedRevision, Guid AttachmentId) : ExchangeCommand(RequestId, ExpectedRevision);

/// <summary>What a command did: the exchange it concerns (new for a draft), and a line to tell the user.</summary>
public sealed record RequestResult(Guid RequestId, Notice Notice, Guid? AttachmentId = null);
