using Imi.Domain.Requests;

namespace Imi.Domain.Performance;

/// <summary>Why an exchange is on the urgency list.</summary>
public enum UrgencyReason
{
    /// <summary>Received more than <see cref="Scoreboard.AcceptanceDays"/> days ago and still not accepted.</summary>
    NotAccepted,
    /// <summary>Waiting for the responder after its agreed answer date.</summary>
    PastAnswerDate,
    /// <summary>No step for <see cref="Scoreboard.IdleMonths"/> months.</summary>
    Idle,
}

/// <summary>
/// What one exchange contributes to the indicators, and when it becomes urgent, computed from the exchange alone
/// (no clock: what depends on today is decided by <see cref="ReasonsAt"/> and by <see cref="PerformanceCounts"/>).
/// Kept by the database beside the exchange, written in the same transaction as each step.
/// <list type="bullet">
/// <item>A request counts for the authority that has it: <see cref="ReceivedAt"/> is when it reached it (sent, approved by the
/// requester's coordinator, or forwarded to it). A forwarded request therefore counts once, for the authority it was
/// forwarded to, from the day it was forwarded.</item>
/// <item>Accepted in time: on the day received or within <see cref="Scoreboard.AcceptanceDays"/> calendar days after (day 7 counts).</item>
/// <item>Answered: the first reply that reached the requester (a reply the responder's coordinator sent back does not count until
/// approved). Days to answer: calendar days from receiving to that reply. On time: that reply on or before the answer date agreed
/// at that moment.</item>
/// <item>Ratings: negative at <see cref="Scoreboard.NegativeScoreAtMost"/> or below, each of timeliness and effort.</item>
/// </list>
/// Days are UTC calendar days.
/// </summary>
public sealed record ExchangeMeasures(
    Guid RequesterId,
    Guid? ResponderId,
    string AreaCode,
    RequestStatus Status,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? AcceptedAt,
    bool? AcceptedInTime,
    DateTimeOffset? FirstRepliedAt,
    int? AnswerDays,
    DateOnly? AnswerDate,
    bool? AnsweredOnTime,
    DateTimeOffset? RatedAt,
    bool? NegativeTimeliness,
    bool? NegativeEffort,
    DateTimeOffset LastActivityAt,
    DateOnly? AgreedAnswerDate,
    Guid? WaitingAuthorityId,
    DateTimeOffset? NotAcceptedFrom,
    DateTimeOffset? PastAnswerDateFrom,
    DateTimeOffset? IdleFrom)
{
    /// <summary>The last day a request received at <paramref name="receivedAt"/> is accepted in time.</summary>
    public static DateOnly AcceptBy(DateTimeOffset receivedAt) => Scoreboard.DayOf(receivedAt).AddDays(Scoreboard.AcceptanceDays);

    /// <summary>The first moment the exchange is urgent for any reason (null: it never becomes urgent as it stands).</summary>
    public DateTimeOffset? UrgentFrom => new[] { NotAcceptedFrom, PastAnswerDateFrom, IdleFrom }.Where(d => d is not null).Min();

    /// <summary>Why the exchange is urgent at <paramref name="now"/> (empty: it is not).</summary>
    public IReadOnlyList<UrgencyReason> ReasonsAt(DateTimeOffset now) =>
    [
        .. NotAcceptedFrom <= now ? [UrgencyReason.NotAccepted] : Array.Empty<UrgencyReason>(),
        .. PastAnswerDateFrom <= now ? [UrgencyReason.PastAnswerDate] : Array.Empty<UrgencyReason>(),
        .. IdleFrom <= now ? [UrgencyReason.Idle] : Array.Empty<UrgencyReason>(),
    ];

    /// <summary>The measures of an exchange that has left its draft; null for a draft (nobody else sees it, nothing counts).</summary>
    public static ExchangeMeasures? Of(InformationRequest r)
    {
        if (r.Status == RequestStatus.Draft)
            return null;
        var reached = RequestWorkflow.HasReachedResponder(r.Status);
        var receivedAt = reached ? r.Timeline.LastOrDefault(t => t.Action == RequestAction.Forward)?.At ?? r.SentAt : null;
        bool? acceptedInTime = r.AcceptedAt is { } accepted && receivedAt is { } received
            ? Scoreboard.DayOf(accepted) <= AcceptBy(received)
            : null;

        var firstReply = r.Timeline.FirstOrDefault(t => t.Action == RequestAction.ApproveReply
                                                        || (t.Action == RequestAction.SendReply && t.OtherAuthorityId == r.RequestingAuthorityId));
        int? answerDays = null;
        DateOnly? answerDate = null;
        bool? onTime = null;
        if (firstReply is not null && receivedAt is { } from)
        {
            var replyDay = Scoreboard.DayOf(firstReply.At);
            answerDays = replyDay.DayNumber - Scoreboard.DayOf(from).DayNumber;
            answerDate = r.Timeline.LastOrDefault(t => t.Action == RequestAction.ProposeAnswerDate && t.At <= firstReply.At)?.Date
                         ?? r.RequestedAnswerDate;
            onTime = answerDate is { } due ? replyDay <= due : null;
        }

        var rated = r.Rating is null ? null : r.Timeline.LastOrDefault(t => t.Action == RequestAction.Rate);
        var waitsFor = RequestWorkflow.TraitsOf(r.Status).WaitsFor;
        Guid? waiting = waitsFor switch
        {
            WaitingSide.Responder => r.RespondingAuthorityId,
            WaitingSide.Requester => r.RequestingAuthorityId,
            WaitingSide.RequesterCoordinator => r.RequesterOversight.ApproverAuthorityId,
            WaitingSide.ResponderCoordinator => r.ResponderSettings.ReplyApproverAuthorityId,
            _ => null,
        };
        var open = waitsFor != WaitingSide.Nobody;
        return new ExchangeMeasures(
            r.RequestingAuthorityId, reached ? r.RespondingAuthorityId : null, r.LegislativeAreaCode, r.Status,
            r.SentAt, receivedAt, r.AcceptedAt, acceptedInTime,
            firstReply?.At, answerDays, answerDate, onTime,
            rated?.At, r.Rating is { } rating ? rating.Timeliness <= Scoreboard.NegativeScoreAtMost : null,
            r.Rating is { } rating2 ? rating2.Effort <= Scoreboard.NegativeScoreAtMost : null,
            r.LastActivityAt, r.AgreedAnswerDate, waiting,
            NotAcceptedFrom: r.Status == RequestStatus.Sent && receivedAt is { } sent ? StartOf(AcceptBy(sent).AddDays(1)) : null,
            PastAnswerDateFrom: waitsFor == WaitingSide.Responder && r.AgreedAnswerDate is { } agreed ? StartOf(agreed.AddDays(1)) : null,
            IdleFrom: open ? r.LastActivityAt.AddMonths(Scoreboard.IdleMonths) : null);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
