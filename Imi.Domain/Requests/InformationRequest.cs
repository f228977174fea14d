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
public sealed partial class InformationRequest : AggregateRoot
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
    public string Reference => ReferenceOf(Number);
    public static string ReferenceOf(long number) => $"IMI-{number:000000}";
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
        if (actor.AuthorityId == RespondingAuthorityId && RequestWorkflow.HasReachedResponder(Status))
        {
            if (ResponderSettings.AllocationEnabled)
            {
                if (allocator)
                    roles.Add(ExchangeRole.ResponderAllocator);
                if ((handler && actor.IsAllocatedAmong(_allocatedHandlerIds)) || (allocator && handler))
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

    // ----- helpers ----------------------------------------------------------------------------

    private void Record(Actor actor, RequestAction action, DateTimeOffset now, FreeText? note = null, Guid? otherAuthorityId = null, DateOnly? date = null)
    {
        _timeline.Add(new TimelineEntry(now, action, actor.UserId, actor.AuthorityId, note, otherAuthorityId, date));
        LastActivityAt = now;
        Touch();
    }

    /// <summary>A required free text; <paramref name="missing"/> is the refusal when it is empty (a code of <see cref="Refusals"/>).</summary>
    private static FreeText Required(string? text, Actor actor, string field, string missing) =>
        Optional(text, actor, field) ?? throw new DomainException(missing, field);

    /// <summary>A free text as the domain keeps it: cleaned by <see cref="TextInput"/> (no control, bidi or zero-width characters), within the limit.</summary>
    private static FreeText? Optional(string? text, Actor actor, string field)
    {
        var trimmed = TextInput.Block(text);
        if (trimmed.Length == 0)
            return null;
        if (trimmed.Length > FreeTextMaxLength)
            throw new DomainException(Refusals.Input.TooLong, field, ("count", FreeTextMaxLength));
        return new FreeText(trimmed, actor.LanguageCode);
    }
}
