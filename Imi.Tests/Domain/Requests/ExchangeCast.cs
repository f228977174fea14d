using Imi.Domain.Access;
using Imi.Domain.ReferenceData;
using Imi.Domain.Requests;
using Imi.Domain.Users;

namespace Imi.Tests.Domain.Requests;

/// <summary>
/// The people of one exchange in the Professional Qualifications area: a requesting and a responding
/// authority, the requester's coordinator (approves requests, referee) and the responder's
/// coordinator (approves replies, referee through its referral handlers), and outsiders.
/// </summary>
internal sealed class ExchangeCast
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid RequesterAuthority = Guid.NewGuid(), ResponderAuthority = Guid.NewGuid(),
        RequesterCoordinator = Guid.NewGuid(), ResponderCoordinator = Guid.NewGuid(), OtherAuthority = Guid.NewGuid();

    public readonly Actor Requester = Handler(RequesterAuthority, "fr");
    public readonly Actor RequesterBasic = new(Guid.NewGuid(), RequesterAuthority, false, false, [], "fr");
    public readonly Actor Responder = Handler(ResponderAuthority, "de");
    public readonly Actor ResponderColleague = Handler(ResponderAuthority, "de");
    /// <summary>The responding authority's request handlers in the area, as allocation sees them (nobody absent, no capacity).</summary>
    public IReadOnlyList<Imi.Domain.Allocation.HandlerOnDuty> Pool => [new(Responder.UserId, 0, null, null), new(ResponderColleague.UserId, 0, null, null)];
    public readonly Actor ResponderAllocator = new(Guid.NewGuid(), ResponderAuthority, false, false, [new("PQ", AreaRole.Allocator)], "de");
    public readonly Actor RequestApprover = Handler(RequesterCoordinator, "fr");
    public readonly Actor ReplyApprover = Handler(ResponderCoordinator, "de");
    public readonly Actor ResponderReferee = new(Guid.NewGuid(), ResponderCoordinator, false, false, [new("PQ", AreaRole.ReferralHandler)], "de");
    public readonly Actor Outsider = Handler(OtherAuthority, "pt");
    public readonly Actor RequesterInServicesOnly = new(Guid.NewGuid(), RequesterAuthority, false, false, [new("SERVICES", AreaRole.RequestHandler)], "fr");

    public static Actor Handler(Guid authority, string language) =>
        new(Guid.NewGuid(), authority, false, false, [new("PQ", AreaRole.RequestHandler)], language);

    public IEnumerable<(string Name, Actor Actor)> Everyone() =>
    [
        (nameof(Requester), Requester), (nameof(RequesterBasic), RequesterBasic), (nameof(Responder), Responder),
        (nameof(ResponderAllocator), ResponderAllocator), (nameof(RequestApprover), RequestApprover), (nameof(ReplyApprover), ReplyApprover),
        (nameof(ResponderReferee), ResponderReferee), (nameof(Outsider), Outsider), (nameof(RequesterInServicesOnly), RequesterInServicesOnly),
    ];

    public static readonly QuestionSet Questions = new()
    {
        Code = "PQ-2005-36", LegislativeAreaCode = "PQ", Version = 1,
        Questions =
        [
            new Question { Code = "PQ.DIPLOMA_AUTHENTIC", Texts = { ["en"] = "Is the diploma authentic?" },
                AnswerOptions = [new AnswerOption { Code = "YES" }, new AnswerOption { Code = "NO" }] },
            new Question { Code = "PQ.SANCTIONS", Texts = { ["en"] = "Any sanctions?" },
                AnswerOptions = [new AnswerOption { Code = "NONE" }, new AnswerOption { Code = "SUSPENDED" }] },
        ],
    };

    public RequesterOversight Oversight(bool approval) =>
        new(approval ? RequesterCoordinator : null, new RefereeAuthority(RequesterCoordinator, ReferralHandlersOnly: false));

    public ResponderSettings Settings(bool replyApproval = false, bool allocation = false) =>
        new(allocation, replyApproval ? ResponderCoordinator : null, new RefereeAuthority(ResponderCoordinator, ReferralHandlersOnly: true));

    public InformationRequest Draft() => InformationRequest.CreateDraft(Requester, Questions,
        new DraftContent(ResponderAuthority, ["PQ.DIPLOMA_AUTHENTIC", "PQ.SANCTIONS"], ["Quelle est la durée de la formation ?"],
            new SubjectData("Jeanne Martin", new DateOnly(1980, 5, 4), "FR", null, null, null), "Demande urgente", new DateOnly(2026, 12, 20)),
        Now);

    /// <summary>An exchange driven to the given state through the real commands, with every oversight on.</summary>
    public InformationRequest In(RequestStatus status, bool allocation = false)
    {
        var r = Draft();
        if (status == RequestStatus.Draft)
            return r;
        r.Send(Requester, Oversight(approval: true), Settings(replyApproval: true, allocation: allocation), Now);
        if (status == RequestStatus.AwaitingApproval)
            return r;
        r.ApproveRequest(RequestApprover, Now);
        if (allocation)
            r.Allocate(ResponderAllocator, [Responder.UserId], Pool, Now);
        if (status == RequestStatus.Sent)
            return r;
        if (status == RequestStatus.AwaitingClarification)
        {
            r.AskForClarification(Responder, "Quel diplôme ?", Now);
            return r;
        }
        r.Accept(Responder, null, null, Now);
        if (status == RequestStatus.Accepted)
            return r;
        r.AnswerQuestion(Responder, Questions, 0, "YES", null, Now);
        r.AnswerQuestion(Responder, Questions, 1, "NONE", null, Now);
        r.AnswerQuestion(Responder, Questions, 2, null, "Drei Jahre.", Now);
        r.SendReply(Responder, inPart: false, Now);
        if (status == RequestStatus.ReplyAwaitingApproval)
            return r;
        r.ApproveReply(ReplyApprover, Now);
        if (status == RequestStatus.Replied)
            return r;
        r.AskForAdditionalInformation(Requester, "Merci de préciser les heures.", Now);
        if (status == RequestStatus.AdditionalInformationRequested)
            return r;
        r.DeclineAdditionalInformation(Responder, "Nicht verfügbar.", Now);
        r.OpenReferral(Requester, "La réponse est incomplète.", Now);
        if (status == RequestStatus.InReferral)
            return r;
        r.CloseReferral(RequestApprover, "Die Antwort ist ausreichend.", Now);
        r.AcceptReply(Requester, Now);
        return r;
    }
}
