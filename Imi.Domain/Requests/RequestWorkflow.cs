using static Imi.Domain.Requests.RequestStatus;
using static Imi.Domain.Requests.RequestAction;
using static Imi.Domain.Requests.ExchangeRole;

namespace Imi.Domain.Requests;

/// <summary>One allowed step: who may take it, from which states, and under which extra condition.</summary>
public sealed record Transition(RequestAction Action, ExchangeRole Role, RequestStatus[] From, Func<InformationRequest, string?>? Condition = null); // the condition returns a refusal code of Common.Refusals, or null when met

/// <summary>Whose turn it is in a state.</summary>
public enum WaitingSide { Requester, RequesterCoordinator, Responder, ResponderCoordinator, Referees, Nobody }

/// <summary>What a state is, beyond the steps allowed in it (<see cref="RequestWorkflow.Traits"/>).</summary>
public sealed record StateTraits(WaitingSide WaitsFor, bool ReachedResponder);

/// <summary>
/// The state machine of an exchange, in one table: which role may take which action in which state.
/// Every command of <see cref="InformationRequest"/> asks here first; the UI shows the actions
/// <see cref="AllowedActions"/> returns, but the rule is enforced by the command, not by the button.
/// </summary>
public static class RequestWorkflow
{
    /// <summary>While the responder still has work on it, an allocator may change who handles the request.</summary>
    private static readonly RequestStatus[] Allocatable = [Sent, Accepted, AwaitingClarification, AdditionalInformationRequested];

    public static readonly IReadOnlyList<Transition> Table =
    [
        new(EditDraft, RequesterHandler, [Draft]),
        new(Send, RequesterHandler, [Draft]),
        new(ApproveRequest, RequestApprover, [AwaitingApproval]),
        new(SendBackRequest, RequestApprover, [AwaitingApproval]),
        new(Allocate, ResponderAllocator, Allocatable),
        new(Unallocate, ResponderAllocator, Allocatable),
        new(Forward, ResponderHandler, [Sent]),
        new(Accept, ResponderHandler, [Sent]),
        new(ProposeAnswerDate, ResponderHandler, [Accepted, AdditionalInformationRequested]),
        new(AskForClarification, ResponderHandler, [Sent, Accepted]),
        new(Clarify, RequesterHandler, [AwaitingClarification]),
        new(Answer, ResponderHandler, [Accepted, AdditionalInformationRequested]),
        new(SendReply, ResponderHandler, [Accepted, AdditionalInformationRequested]),
        new(ApproveReply, ReplyApprover, [ReplyAwaitingApproval]),
        new(SendBackReply, ReplyApprover, [ReplyAwaitingApproval]),
        new(AcceptReply, RequesterHandler, [Replied]),
        new(AskForAdditionalInformation, RequesterHandler, [Replied]),
        new(DeclineAdditionalInformation, ResponderHandler, [AdditionalInformationRequested]),
        new(OpenReferral, RequesterHandler, [Replied],
            r => r.AdditionalInformationDeclined ? null : Common.Refusals.Request.ReferralNeedsDecline),
        new(CommentOnReferral, Referee, [InReferral]),
        new(CommentOnReferral, RequesterHandler, [InReferral]),
        new(CommentOnReferral, ResponderHandler, [InReferral]),
        new(CloseReferral, Referee, [InReferral]),
        new(Rate, RequesterHandler, [Closed], r => r.Rating is null ? null : Common.Refusals.Request.AlreadyRated),
    ];

    /// <summary>Actions that are written on the timeline but are no step of the workflow: they change no state and need no row in <see cref="Table"/>.</summary>
    public static readonly IReadOnlyList<RequestAction> NotSteps = [RemindFromCoordinator, AllocateAutomatically];

    /// <summary>
    /// What each state is, in one table: whom it waits for, and whether the request has reached the
    /// responder (before that, only the requester's side sees it). Every set of states the portal
    /// needs (action lists, visibility, reminders, the allocation board) is derived from this table
    /// and from <see cref="Table"/>; a new state must get a row here (a test checks every state has one).
    /// </summary>
    public static readonly IReadOnlyDictionary<RequestStatus, StateTraits> Traits = new Dictionary<RequestStatus, StateTraits>
    {
        [Draft] = new(WaitingSide.Requester, ReachedResponder: false),
        [AwaitingApproval] = new(WaitingSide.RequesterCoordinator, ReachedResponder: false),
        [Sent] = new(WaitingSide.Responder, ReachedResponder: true),
        [Accepted] = new(WaitingSide.Responder, ReachedResponder: true),
        [AwaitingClarification] = new(WaitingSide.Requester, ReachedResponder: true),
        [ReplyAwaitingApproval] = new(WaitingSide.ResponderCoordinator, ReachedResponder: true),
        [Replied] = new(WaitingSide.Requester, ReachedResponder: true),
        [AdditionalInformationRequested] = new(WaitingSide.Responder, ReachedResponder: true),
        [InReferral] = new(WaitingSide.Referees, ReachedResponder: true),
        [Closed] = new(WaitingSide.Nobody, ReachedResponder: true),
    };

    /// <summary>The traits of a state; a state without a row is a programming error, reported at once.</summary>
    public static StateTraits TraitsOf(RequestStatus status) =>
        Traits.TryGetValue(status, out var traits) ? traits : throw new InvalidOperationException($"The state {status} has no row in RequestWorkflow.Traits.");

    /// <summary>States the responding authority sees (the request has reached it).</summary>
    public static readonly IReadOnlyList<RequestStatus> VisibleToResponder = Where(t => t.ReachedResponder);

    /// <summary>States seen beyond the requester's own handlers: every state but the draft being written.</summary>
    public static readonly IReadOnlyList<RequestStatus> Shared = Where(t => t.WaitsFor != WaitingSide.Requester || t.ReachedResponder);

    /// <summary>States not yet ended: someone still has a step to take.</summary>
    public static readonly IReadOnlyList<RequestStatus> OpenStates = Where(t => t.WaitsFor != WaitingSide.Nobody);

    /// <summary>States in which the responder has the next step (accept, answer): the answer date runs.</summary>
    public static readonly IReadOnlyList<RequestStatus> AwaitingResponder = Where(t => t.WaitsFor == WaitingSide.Responder);

    /// <summary>States in which the requester has the next step (write or correct the draft, clarify, review the reply).</summary>
    public static readonly IReadOnlyList<RequestStatus> AwaitingRequester = Where(t => t.WaitsFor == WaitingSide.Requester);

    /// <summary>States with no further step: personal data retention starts here.</summary>
    public static readonly IReadOnlyList<RequestStatus> Ended = Where(t => t.WaitsFor == WaitingSide.Nobody);

    /// <summary>The states from which <paramref name="action"/> can be taken (by someone), read from <see cref="Table"/>.</summary>
    public static IReadOnlyList<RequestStatus> StatesAllowing(RequestAction action) =>
        Table.Where(t => t.Action == action).SelectMany(t => t.From).Distinct().Order().ToList();

    /// <summary>True once the request has reached the responding authority.</summary>
    public static bool HasReachedResponder(RequestStatus status) => TraitsOf(status).ReachedResponder;

    private static IReadOnlyList<RequestStatus> Where(Func<StateTraits, bool> predicate) =>
        Enum.GetValues<RequestStatus>().Where(s => predicate(TraitsOf(s))).ToList();

    /// <summary>What this user may do to this exchange now.</summary>
    public static IReadOnlyList<RequestAction> AllowedActions(InformationRequest request, Access.Actor actor)
    {
        var roles = request.RolesOf(actor);
        return Table.Where(t => t.From.Contains(request.Status) && roles.Contains(t.Role) && t.Condition?.Invoke(request) is null)
            .Select(t => t.Action).Distinct().ToList();
    }

    /// <summary>Refuses the action with a code that says why: wrong state (NotInState), not your role (NotYourStep), or a condition's own code.</summary>
    public static void Require(InformationRequest request, Access.Actor actor, RequestAction action)
    {
        var rows = Table.Where(t => t.Action == action).ToList();
        var inState = rows.Where(t => t.From.Contains(request.Status)).ToList();
        if (inState.Count == 0)
            throw new Common.DomainException(Common.Refusals.Request.NotInState, null, ("status", request.Status));
        var roles = request.RolesOf(actor);
        var mine = inState.Where(t => roles.Contains(t.Role)).ToList();
        if (mine.Count == 0)
            throw new Common.NotPermittedException(Common.Refusals.Request.NotYourStep, ("action", action));
        var refusals = mine.Select(t => t.Condition?.Invoke(request)).ToList();
        if (refusals.All(r => r is not null))
            throw new Common.DomainException(refusals[0]!);
    }

    // Still read by the read models' StatusText (issue 10 moves them to the status itself); the refusals no longer use it.
    public static string Describe(RequestStatus status) => status switch
    {
        Draft => "a draft",
        AwaitingApproval => "waiting for approval",
        Sent => "waiting to be accepted",
        Accepted => "being answered",
        AwaitingClarification => "waiting for clarification",
        ReplyAwaitingApproval => "waiting for approval of the reply",
        Replied => "answered",
        AdditionalInformationRequested => "waiting for additional information",
        InReferral => "in referral",
        Closed => "closed",
        _ => status.ToString(),
    };
}
