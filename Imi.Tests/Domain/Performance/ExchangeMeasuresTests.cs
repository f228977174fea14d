using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Performance;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Tests.Domain.Requests;

namespace Imi.Tests.Domain.Performance;

/// <summary>What one exchange contributes to the indicators and when it becomes urgent, on exchanges driven step by step in time.</summary>
public class ExchangeMeasuresTests
{
    private readonly ExchangeCast cast = new();
    private static readonly DateTimeOffset Sent = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero); // ExchangeCast.Now; answer date 20 December

    private InformationRequest SentWithoutOversight()
    {
        var r = cast.Draft();
        r.Send(cast.Requester, RequesterOversight.None, ResponderSettings.None, Sent);
        return r;
    }

    private void Reply(InformationRequest r, DateTimeOffset at)
    {
        r.AnswerQuestion(cast.Responder, ExchangeCast.Questions, 0, "YES", null, at);
        r.AnswerQuestion(cast.Responder, ExchangeCast.Questions, 1, "NONE", null, at);
        r.AnswerQuestion(cast.Responder, ExchangeCast.Questions, 2, null, "Drei Jahre.", at);
        r.SendReply(cast.Responder, inPart: false, at);
    }

    [Theory]
    [InlineData(7, 23, true)]   // the last hour of day 7 counts
    [InlineData(8, 0, false)]   // the first minute of day 8 does not
    [InlineData(0, 10, true)]
    public void AcceptedInTime_CountsCalendarDays_Day7Included(int days, int hour, bool inTime)
    {
        var r = SentWithoutOversight();
        r.Accept(cast.Responder, null, null, new DateTimeOffset(2026, 11, 27 + 0, hour, 0, 0, TimeSpan.Zero).AddDays(days));
        var m = ExchangeMeasures.Of(r)!;
        Assert.Equal(inTime, m.AcceptedInTime);
        Assert.Equal(Sent, m.ReceivedAt);
    }

    [Fact]
    public void AForwardedRequest_CountsFromTheForwarding_ForTheAuthorityItWasForwardedTo()
    {
        var r = SentWithoutOversight();
        var newResponder = Guid.NewGuid();
        r.Forward(cast.Responder, newResponder, ResponderSettings.None, "Not ours.", Sent.AddDays(5));
        var other = new Actor(Guid.NewGuid(), newResponder, false, false, [new("PQ", AreaRole.RequestHandler)], "nl");
        r.Accept(other, null, null, Sent.AddDays(12));
        var m = ExchangeMeasures.Of(r)!;
        Assert.Equal(newResponder, m.ResponderId);
        Assert.Equal(Sent.AddDays(5), m.ReceivedAt);
        Assert.True(m.AcceptedInTime); // 7 days after the forwarding, 12 after sending
        Assert.Equal(Sent, m.SentAt);
    }

    [Fact]
    public void AReplySentBackByTheApprover_IsAnsweredWhenApproved_AndOnTimeOnTheAgreedDate()
    {
        var r = cast.Draft();
        r.Send(cast.Requester, RequesterOversight.None, cast.Settings(replyApproval: true), Sent);
        r.Accept(cast.Responder, null, null, Sent.AddDays(1));
        Reply(r, Sent.AddDays(10));
        r.SendBackReply(cast.ReplyApprover, "Bitte genauer.", Sent.AddDays(11));
        r.SendReply(cast.Responder, inPart: false, Sent.AddDays(12));
        var onTheDate = new DateTimeOffset(2026, 12, 20, 22, 30, 0, TimeSpan.Zero);
        Assert.Null(ExchangeMeasures.Of(r)!.FirstRepliedAt); // still with the approver
        r.ApproveReply(cast.ReplyApprover, onTheDate);
        var m = ExchangeMeasures.Of(r)!;
        Assert.Equal(onTheDate, m.FirstRepliedAt);
        Assert.Equal(23, m.AnswerDays);
        Assert.Equal(new DateOnly(2026, 12, 20), m.AnswerDate);
        Assert.True(m.AnsweredOnTime);

        // Asking for more later does not move the first reply, nor the date it was judged against.
        r.AskForAdditionalInformation(cast.Requester, "Encore ?", onTheDate.AddDays(1));
        r.ProposeAnswerDate(cast.Responder, new DateOnly(2027, 1, 15), null, onTheDate.AddDays(2));
        Assert.Equal(m.FirstRepliedAt, ExchangeMeasures.Of(r)!.FirstRepliedAt);
        Assert.Equal(new DateOnly(2026, 12, 20), ExchangeMeasures.Of(r)!.AnswerDate);
    }

    [Fact]
    public void AReplyTheDayAfterTheDate_IsLate_AndAnotherDateProposedBefore_IsTheOneThatCounts()
    {
        var r = SentWithoutOversight();
        r.Accept(cast.Responder, new DateOnly(2026, 12, 30), "Archive lookup.", Sent.AddDays(1));
        Reply(r, new DateTimeOffset(2026, 12, 31, 0, 5, 0, TimeSpan.Zero));
        var m = ExchangeMeasures.Of(r)!;
        Assert.Equal(new DateOnly(2026, 12, 30), m.AnswerDate);
        Assert.False(m.AnsweredOnTime);
    }

    [Fact]
    public void Ratings_AreNegativeAtTwoOrBelow()
    {
        var r = cast.In(RequestStatus.Closed);
        r.Rate(cast.Requester, 2, 3, null, ExchangeCast.Now);
        var m = ExchangeMeasures.Of(r)!;
        Assert.True(m.NegativeTimeliness);
        Assert.False(m.NegativeEffort);
        Assert.Equal(ExchangeCast.Now, m.RatedAt);
        Assert.Null(m.UrgentFrom); // closed: never urgent
    }

    [Fact]
    public void Urgency_NotAcceptedFromDay8_PastTheAnswerDateFromTheNextDay_IdleAfterTwoMonths()
    {
        var r = SentWithoutOversight();
        var m = ExchangeMeasures.Of(r)!;
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), m.NotAcceptedFrom);
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 0, 0, 0, TimeSpan.Zero), m.PastAnswerDateFrom);
        Assert.Equal(Sent.AddMonths(2), m.IdleFrom);
        Assert.Empty(m.ReasonsAt(new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal([UrgencyReason.NotAccepted], m.ReasonsAt(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal([UrgencyReason.NotAccepted, UrgencyReason.PastAnswerDate, UrgencyReason.Idle], m.ReasonsAt(Sent.AddMonths(3)));
        Assert.Equal(cast.Draft().RequestingAuthorityId, m.RequesterId);
        Assert.Equal(ExchangeCast.ResponderAuthority, m.WaitingAuthorityId);

        r.Accept(cast.Responder, null, null, Sent.AddDays(2));
        r.AskForClarification(cast.Responder, "Quel diplôme ?", Sent.AddDays(3));
        m = ExchangeMeasures.Of(r)!;
        Assert.Null(m.NotAcceptedFrom);
        Assert.Null(m.PastAnswerDateFrom); // waiting for the requester: the answer date does not run against the responder
        Assert.Equal(ExchangeCast.RequesterAuthority, m.WaitingAuthorityId);
        Assert.Equal(Sent.AddDays(3).AddMonths(2), m.UrgentFrom);
    }

    [Fact]
    public void ADraft_HasNoMeasures()
    {
        Assert.Null(ExchangeMeasures.Of(cast.Draft()));
    }

    [Theory]
    [InlineData(Indicator.AcceptedWithinWeek, 80.0, TrafficLight.Green)]
    [InlineData(Indicator.AcceptedWithinWeek, 79.9, TrafficLight.Amber)]
    [InlineData(Indicator.AcceptedWithinWeek, 70.0, TrafficLight.Amber)]
    [InlineData(Indicator.AcceptedWithinWeek, 69.9, TrafficLight.Red)]
    [InlineData(Indicator.DaysToAnswer, 15.9, TrafficLight.Green)]
    [InlineData(Indicator.DaysToAnswer, 16.0, TrafficLight.Amber)]
    [InlineData(Indicator.DaysToAnswer, 20.0, TrafficLight.Red)]
    [InlineData(Indicator.NegativeEffort, 4.9, TrafficLight.Green)]
    [InlineData(Indicator.NegativeEffort, 5.0, TrafficLight.Amber)]
    [InlineData(Indicator.NegativeEffort, 10.0, TrafficLight.Red)]
    public void TrafficLights_FollowTheTargets(Indicator indicator, double value, TrafficLight light) =>
        Assert.Equal(light, Scoreboard.LightOf(indicator, value));

    [Fact]
    public void NoFigures_NoLight_AndUndecidedAcceptancesDoNotCount()
    {
        Assert.Equal(TrafficLight.None, PerformanceCounts.Zero.LightOf(Indicator.DaysToAnswer));
        var counts = PerformanceCounts.Zero with { Received = 5, AwaitingAcceptance = 1, AcceptedInTime = 3 };
        Assert.Equal(75.0, counts.ValueOf(Indicator.AcceptedWithinWeek));
        Assert.Equal(4, counts.BasisOf(Indicator.AcceptedWithinWeek));
    }
}

/// <summary>Who sees which figures, and who may remind whom: the rules of <see cref="PerformanceScope"/> without a database.</summary>
public class PerformanceScopeTests
{
    private static Authority Coordinator(CoordinatorType type, Guid? above = null) =>
        Authority.Register("DE", type + " " + Guid.NewGuid(), "de", type.ToString(), AuthorityLevel.Regional, "x@y.demo.de", DateTimeOffset.UnixEpoch, type, above,
            coordinationRegion: type is CoordinatorType.Sdimic or CoordinatorType.Limic ? "Bayern" : null);

    [Fact]
    public void ACoordinator_CoversTheAuthoritiesItOrOneBelowCoordinates_PerArea()
    {
        var nimic = Coordinator(CoordinatorType.Nimic);
        var sdimic = Coordinator(CoordinatorType.Sdimic, nimic.Id);
        var limic = Coordinator(CoordinatorType.Limic, sdimic.Id);
        Guid chamber = Guid.NewGuid(), berlin = Guid.NewGuid();
        var tree = new CoordinatorTree(new Dictionary<Guid, Guid?> { [nimic.Id] = null, [sdimic.Id] = nimic.Id, [limic.Id] = sdimic.Id });
        AreaCoordination[] areas = [new(chamber, "PQ", limic.Id), new(chamber, "SERVICES", nimic.Id), new(berlin, "PQ", nimic.Id)];

        var scope = PerformanceScope.Of(sdimic, areas, tree);
        Assert.Equal(ScopeKind.Coordinated, scope.Kind);
        Assert.True(scope.Covers(chamber, "DE", "PQ"));          // through the LIMIC below it
        Assert.False(scope.Covers(chamber, "DE", "SERVICES"));   // that area is the NIMIC's
        Assert.False(scope.Covers(berlin, "DE", "PQ"));
        Assert.Equal(ScopeKind.Country, PerformanceScope.Of(nimic, areas, tree).Kind);
        Assert.True(PerformanceScope.Of(nimic, areas, tree).Covers(berlin, "DE", "PQ"));
        Assert.False(PerformanceScope.Of(nimic, areas, tree).Covers(Guid.NewGuid(), "FR", "PQ"));
    }

    [Fact]
    public void OnlyACoordinatorCoveringTheWaitingAuthority_Reminds_OnceADay()
    {
        var cast = new ExchangeCast();
        var r = cast.In(RequestStatus.Sent);
        var coordinatorUser = new Actor(Guid.NewGuid(), ExchangeCast.ResponderCoordinator, false, false, [new("PQ", AreaRole.RequestHandler)]);
        var covering = new PerformanceScope(ScopeKind.Coordinated, ExchangeCast.ResponderCoordinator, "DE",
            new HashSet<AuthorityArea> { new(ExchangeCast.ResponderAuthority, "PQ") });
        var notCovering = covering with { Covered = new HashSet<AuthorityArea> { new(ExchangeCast.ResponderAuthority, "SERVICES") } };
        var ownAuthority = covering with { Kind = ScopeKind.OwnAuthority };

        Assert.Equal(Refusals.Performance.NotInScope,
            Assert.Throws<NotPermittedException>(() => r.RemindFromCoordinator(coordinatorUser, notCovering, "DE", ExchangeCast.Now)).Code);
        Assert.Equal(Refusals.Performance.CoordinatorsRemind,
            Assert.Throws<NotPermittedException>(() => r.RemindFromCoordinator(coordinatorUser, ownAuthority, "DE", ExchangeCast.Now)).Code);
        var revision = r.Revision;
        var lastStep = r.LastActivityAt;
        Assert.Equal(ExchangeCast.ResponderAuthority, r.RemindFromCoordinator(coordinatorUser, covering, "DE", ExchangeCast.Now.AddHours(1)));
        Assert.Equal(RequestStatus.Sent, r.Status);
        Assert.Equal(lastStep, r.LastActivityAt); // a reminder is no step: the idle clock runs on
        Assert.True(r.Revision > revision);
        Assert.Equal(Refusals.Performance.RemindedToday,
            Assert.Throws<DomainException>(() => r.RemindFromCoordinator(coordinatorUser, covering, "DE", ExchangeCast.Now.AddHours(20))).Code);
        r.RemindFromCoordinator(coordinatorUser, covering, "DE", ExchangeCast.Now.AddHours(26));
        Assert.Equal(2, r.Timeline.Count(t => t.Action == RequestAction.RemindFromCoordinator));

        var closed = cast.In(RequestStatus.Closed);
        Assert.Equal(Refusals.Performance.NobodyToRemind,
            Assert.Throws<DomainException>(() => closed.RemindFromCoordinator(coordinatorUser, covering, "DE", ExchangeCast.Now)).Code);
    }
}
