using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Allocation;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Tests.Domain.Requests;
using Imi.Tests.Support;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

/// <summary>Absence, deputy, capacity, suggestion and automatic allocation: the rules of Imi.Domain.Allocation, without a database.</summary>
public class AllocationRulesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Guid Chamber = Guid.NewGuid();

    private static User Handler(string name, params string[] areas)
    {
        var user = User(Chamber, $"{name}@chamber.example");
        foreach (var area in areas)
            user.Grant(AreaRole.RequestHandler, area);
        return user;
    }

    private static Actor AllocatorOf(Guid authority) => new(Guid.NewGuid(), authority, false, false, [new("PQ", AreaRole.Allocator)]);

    // ----- absence and deputy ---------------------------------------------------------------------

    [Fact]
    public void AnAbsence_CoversBothOfItsDays_AndNoOther()
    {
        var absence = new Absence(Today.AddDays(2), Today.AddDays(4), null);

        Assert.False(absence.Covers(Today.AddDays(1)));
        Assert.True(absence.Covers(Today.AddDays(2)));
        Assert.True(absence.Covers(Today.AddDays(4)));
        Assert.False(absence.Covers(Today.AddDays(5)));
    }

    [Fact]
    public void AUser_RecordsTheirOwnAbsence_WithADeputyWhoHandlesTheSameAreas()
    {
        var sabine = Handler("sabine", "PQ", "SERVICES");
        var tobias = Handler("tobias", "PQ", "SERVICES", "GOODS");

        sabine.RecordAbsence(Actor.Of(sabine), Today, Today.AddDays(9), tobias, Today);

        Assert.Equal(new Absence(Today, Today.AddDays(9), tobias.Id), sabine.Absence);
        Assert.True(sabine.IsAbsentOn(Today.AddDays(9)));
        Assert.False(sabine.IsAbsentOn(Today.AddDays(10)));
    }

    [Fact]
    public void AnAllocatorOfTheAuthority_RecordsAColleaguesAbsence_AnotherHandlerOrAnotherAuthorityMayNot()
    {
        var sabine = Handler("sabine", "PQ");
        sabine.RecordAbsence(AllocatorOf(Chamber), Today, Today, null, Today);
        Assert.NotNull(sabine.Absence);

        var colleague = Handler("tobias", "PQ");
        Assert.Equal(Refusals.Allocation.NotYours,
            Assert.Throws<NotPermittedException>(() => sabine.RecordAbsence(Actor.Of(colleague), Today, Today, null, Today)).Code);
        Assert.Equal(Refusals.Allocation.NotYours,
            Assert.Throws<NotPermittedException>(() => sabine.RecordAbsence(AllocatorOf(Guid.NewGuid()), Today, Today, null, Today)).Code);
        Assert.Equal(Refusals.Allocation.NotYours,
            Assert.Throws<NotPermittedException>(() => sabine.EndAbsence(Actor.Of(colleague))).Code);
    }

    [Fact]
    public void AnAbsence_IsRefused_BackwardsInThePastOrLongerThanAYear_WithTheFieldNamed()
    {
        var sabine = Handler("sabine", "PQ");
        var me = Actor.Of(sabine);

        var backwards = Assert.Throws<DomainException>(() => sabine.RecordAbsence(me, Today.AddDays(3), Today.AddDays(2), null, Today));
        Assert.Equal((Refusals.Allocation.AbsenceEndsBeforeItStarts, "absenceTo"), (backwards.Code, backwards.Field));
        Assert.Equal(Refusals.Allocation.AbsenceInThePast,
            Assert.Throws<DomainException>(() => sabine.RecordAbsence(me, Today.AddDays(-5), Today.AddDays(-1), null, Today)).Code);
        var tooLong = Assert.Throws<DomainException>(() => sabine.RecordAbsence(me, Today, Today.AddDays(AllocationRules.MaxAbsenceDays), null, Today));
        Assert.Equal(Refusals.Allocation.AbsenceTooLong, tooLong.Code);
        Assert.Equal(AllocationRules.MaxAbsenceDays, tooLong.Arg("count"));
        // Started yesterday, still running: fine (recorded late).
        sabine.RecordAbsence(me, Today.AddDays(-1), Today.AddDays(AllocationRules.MaxAbsenceDays - 2), null, Today);
        Assert.Null(Record.Exception(() => sabine.EndAbsence(me)));
        Assert.Null(sabine.Absence);
    }

    [Fact]
    public void ADeputy_IsAnotherUserOfTheAuthority_HandlingEveryAreaTheAbsentUserHandles()
    {
        var sabine = Handler("sabine", "PQ", "SERVICES");
        var me = Actor.Of(sabine);

        Assert.Equal(Refusals.Allocation.DeputyIsSelf,
            Assert.Throws<DomainException>(() => sabine.RecordAbsence(me, Today, Today, sabine, Today)).Code);
        var elsewhere = User(Guid.NewGuid(), "other@elsewhere.example");
        elsewhere.Grant(AreaRole.RequestHandler, "PQ");
        elsewhere.Grant(AreaRole.RequestHandler, "SERVICES");
        Assert.Equal(Refusals.Users.OfAnotherAuthority,
            Assert.Throws<DomainException>(() => sabine.RecordAbsence(me, Today, Today, elsewhere, Today)).Code);
        var pqOnly = Handler("tobias", "PQ");
        var e = Assert.Throws<DomainException>(() => sabine.RecordAbsence(me, Today, Today, pqOnly, Today));
        Assert.Equal((Refusals.Allocation.DeputyNotHandler, "deputy", (object?)"SERVICES"), (e.Code, e.Field, e.Arg("area")));
        Assert.Null(sabine.Absence);
    }

    [Fact]
    public void TheDeputy_HandlesTheRequestsAllocatedToTheAbsentColleague_OnlyWhileTheAbsenceRuns()
    {
        var cast = new ExchangeCast();
        var r = cast.In(RequestStatus.Sent, allocation: true); // allocated to cast.Responder
        var deputy = cast.ResponderColleague;

        Assert.DoesNotContain(ExchangeRole.ResponderHandler, r.RolesOf(deputy));
        Assert.Contains(ExchangeRole.ResponderHandler, r.RolesOf(deputy with { CoversFor = [cast.Responder.UserId] }));
        Assert.Contains(RequestAction.Accept, RequestWorkflow.AllowedActions(r, deputy with { CoversFor = [cast.Responder.UserId] }));
        // Standing in for someone else is no licence for this request.
        Assert.DoesNotContain(ExchangeRole.ResponderHandler, r.RolesOf(deputy with { CoversFor = [Guid.NewGuid()] }));
    }

    // ----- capacity ---------------------------------------------------------------------------------

    [Fact]
    public void Capacity_IsSetByAnAllocator_BetweenOneAndTheMaximum_NotByTheHandler()
    {
        var sabine = Handler("sabine", "PQ");

        sabine.SetCapacity(AllocatorOf(Chamber), 12);
        Assert.Equal(12, sabine.Capacity);
        Assert.Equal(Refusals.Allocation.NotYours, Assert.Throws<NotPermittedException>(() => sabine.SetCapacity(Actor.Of(sabine), 50)).Code);
        var e = Assert.Throws<DomainException>(() => sabine.SetCapacity(AllocatorOf(Chamber), 0));
        Assert.Equal((Refusals.Allocation.CapacityOutOfRange, (object?)1, (object?)AllocationRules.MaxCapacity), (e.Code, e.Arg("min"), e.Arg("max")));
        Assert.Throws<DomainException>(() => sabine.SetCapacity(AllocatorOf(Chamber), AllocationRules.MaxCapacity + 1));
        sabine.SetCapacity(AllocatorOf(Chamber), null);
        Assert.Null(sabine.Capacity);
    }

    [Fact]
    public void Load_IsMeasuredAgainstCapacity_OrTheAssumedCapacityWithoutOne()
    {
        Assert.Equal(0.3, new HandlerOnDuty(Guid.NewGuid(), 3, 10, null).RelativeLoad, 6);
        Assert.Equal(5.0 / AllocationRules.AssumedCapacity, new HandlerOnDuty(Guid.NewGuid(), 5, null, null).RelativeLoad, 6);
        Assert.True(new HandlerOnDuty(Guid.NewGuid(), 4, 4, null).AtCapacity);
        Assert.False(new HandlerOnDuty(Guid.NewGuid(), 400, null, null).AtCapacity);
    }

    // ----- suggestion -------------------------------------------------------------------------------

    private static readonly Guid Anna = Guid.NewGuid(), Ben = Guid.NewGuid(), Carla = Guid.NewGuid();
    private static readonly IReadOnlyDictionary<Guid, HandlerExperience> NoExperience = new Dictionary<Guid, HandlerExperience>();

    [Fact]
    public void Suggest_ProposesTheLeastLoadRelativeToCapacity_AmongThoseWhoArePresent()
    {
        var pool = new List<HandlerOnDuty>
        {
            new(Anna, 1, null, new Absence(Today, Today.AddDays(3), null)), // the least load, but away
            new(Ben, 3, 10, null),                                          // 30 %
            new(Carla, 2, 4, null),                                         // 50 %: fewer requests, fuller
        };

        var suggestion = AllocationRules.Suggest(pool, ["PQ.A"], NoExperience, Today);

        Assert.Equal(new AllocationSuggestion(Ben, 3, 10, 0, 1, 0), suggestion);
        // Back from absence the next day: Anna (1 of 20 assumed) is proposed.
        Assert.Equal(Anna, AllocationRules.Suggest(pool, ["PQ.A"], NoExperience, Today.AddDays(4))!.HandlerId);
    }

    [Fact]
    public void Suggest_PrefersTheHandlerWhoHadTheseQuestionsBefore_WhenTheLoadIsClose_AndSaysHowMany()
    {
        var pool = new List<HandlerOnDuty> { new(Ben, 3, 10, null), new(Carla, 4, 10, null) };
        var experience = new Dictionary<Guid, HandlerExperience>
        {
            [Carla] = new(12, new Dictionary<string, int> { ["PQ.A"] = 7, ["PQ.B"] = 3 }),
            [Ben] = new(2, new Dictionary<string, int> { ["PQ.C"] = 2 }),
        };

        // 40 % − 0.25 × 2/3 ≈ 23 % beats 30 %: Carla, who had two of the three questions in 12 exchanges.
        Assert.Equal(new AllocationSuggestion(Carla, 4, 10, 2, 3, 12), AllocationRules.Suggest(pool, ["PQ.A", "PQ.B", "PQ.D"], experience, Today));
        // Far fuller, experience does not win: 80 % − 0.25 > 30 %.
        var busy = new List<HandlerOnDuty> { new(Ben, 3, 10, null), new(Carla, 8, 10, null) };
        Assert.Equal(Ben, AllocationRules.Suggest(busy, ["PQ.A", "PQ.B"], experience, Today)!.HandlerId);
    }

    [Fact]
    public void Suggest_SkipsThoseAtCapacity_WhileOthersHaveRoom_AndProposesNobodyWhenAllAreAway()
    {
        var pool = new List<HandlerOnDuty> { new(Ben, 5, 5, null), new(Carla, 19, null, null) };
        Assert.Equal(Carla, AllocationRules.Suggest(pool, [], NoExperience, Today)!.HandlerId);

        var away = new Absence(Today, Today, null);
        Assert.Null(AllocationRules.Suggest([new(Ben, 0, null, away), new(Carla, 0, null, away)], [], NoExperience, Today));
    }

    [Fact]
    public void SuggestMany_CountsEachSuggestionInTheLoad_SoNewRequestsAreSpread()
    {
        var pool = new List<HandlerOnDuty> { new(Ben, 0, 2, null), new(Carla, 0, 2, null) };
        var requests = Enumerable.Range(0, 4).Select(_ => (Guid.NewGuid(), (IReadOnlyCollection<string>)["PQ.A"])).ToList();

        var suggestions = AllocationRules.SuggestMany(pool, requests, NoExperience, Today);

        Assert.Equal(2, suggestions.Values.Count(s => s!.HandlerId == Ben));
        Assert.Equal(2, suggestions.Values.Count(s => s!.HandlerId == Carla));
    }

    // ----- automatic allocation ---------------------------------------------------------------------

    [Fact]
    public void RoundRobin_GivesTheRequestToWhoeverHadOneLongestAgo_NeverFirst_SkippingTheAbsentAndTheFull()
    {
        var pool = new List<HandlerOnDuty>
        {
            new(Anna, 0, null, new Absence(Today, Today, null)),   // never, but away
            new(Ben, 9, 10, null, Now.AddDays(-3)),
            new(Carla, 0, null, null, Now.AddHours(-1)),
        };
        Assert.Equal(Ben, AllocationRules.Automatic(AllocationMode.RoundRobin, pool, Today));

        pool[1] = pool[1] with { OpenLoad = 10 }; // Ben is full
        Assert.Equal(Carla, AllocationRules.Automatic(AllocationMode.RoundRobin, pool, Today));
        Assert.Equal(Anna, AllocationRules.Automatic(AllocationMode.RoundRobin, pool, Today.AddDays(1)));
    }

    [Fact]
    public void LeastLoaded_GivesTheRequestToTheLeastLoadRelativeToCapacity_AndNobodyWhenAllAreFullOrAway()
    {
        var pool = new List<HandlerOnDuty> { new(Ben, 3, 10, null), new(Carla, 2, 4, null) };
        Assert.Equal(Ben, AllocationRules.Automatic(AllocationMode.LeastLoaded, pool, Today));

        var full = new List<HandlerOnDuty> { new(Ben, 10, 10, null), new(Carla, 1, null, new Absence(Today, Today, null)) };
        Assert.Null(AllocationRules.Automatic(AllocationMode.LeastLoaded, full, Today));
        Assert.Null(AllocationRules.Automatic(AllocationMode.RoundRobin, full, Today));
        Assert.Null(AllocationRules.Automatic(AllocationMode.Manual, pool, Today));
    }

    // ----- the request ------------------------------------------------------------------------------

    [Fact]
    public void ARequest_GoesToSeveralHandlersOfThePool_OneOutsideItIsRefused_AndBackToNotAllocated()
    {
        var cast = new ExchangeCast();
        var r = cast.In(RequestStatus.Sent, allocation: true);

        r.Allocate(cast.ResponderAllocator, [cast.Responder.UserId, cast.ResponderColleague.UserId], cast.Pool, Now);
        Assert.Equal([cast.Responder.UserId, cast.ResponderColleague.UserId], r.AllocatedHandlerIds);

        var stranger = Assert.Throws<DomainException>(() => r.Allocate(cast.ResponderAllocator, [Guid.NewGuid()], cast.Pool, Now));
        Assert.Equal(Refusals.Allocation.NotAHandler, stranger.Code);
        Assert.Equal(2, r.AllocatedHandlerIds.Count);

        r.Unallocate(cast.ResponderAllocator, Now);
        Assert.Empty(r.AllocatedHandlerIds);
        Assert.Equal(RequestAction.Unallocate, r.Timeline[^1].Action);
        Assert.Equal(Refusals.Request.NotYourStep, Assert.Throws<NotPermittedException>(() => r.Unallocate(cast.Responder, Now)).Code);
    }

    [Fact]
    public void AutomaticAllocation_GivesANewRequestToTheChosenHandler_RecordedAsTheAuthoritysOwnStep()
    {
        var cast = new ExchangeCast();
        var r = cast.Draft();
        r.Send(cast.Requester, cast.Oversight(approval: false), cast.Settings(allocation: true), Now);
        var pool = new List<HandlerOnDuty> { new(cast.Responder.UserId, 5, null, null), new(cast.ResponderColleague.UserId, 1, null, null) };

        Assert.Null(r.AllocateAutomatically(AllocationMode.Manual, pool, Now));
        Assert.Empty(r.AllocatedHandlerIds);

        Assert.Equal(cast.ResponderColleague.UserId, r.AllocateAutomatically(AllocationMode.LeastLoaded, pool, Now));
        Assert.Equal([cast.ResponderColleague.UserId], r.AllocatedHandlerIds);
        var entry = r.Timeline[^1];
        Assert.Equal((RequestAction.AllocateAutomatically, Guid.Empty, ExchangeCast.ResponderAuthority), (entry.Action, entry.UserId, entry.AuthorityId));
        Assert.Equal(RequestStatus.Sent, r.Status);

        // Once allocated, nothing more happens; the allocator can still move it.
        Assert.Null(r.AllocateAutomatically(AllocationMode.RoundRobin, pool, Now));
        r.Allocate(cast.ResponderAllocator, [cast.Responder.UserId], cast.Pool, Now);
        Assert.Equal([cast.Responder.UserId], r.AllocatedHandlerIds);
    }

    [Fact]
    public void AutomaticAllocation_IsChosenPerArea_ByAnAllocatorOfTheArea_OnlyWithAllocationOn()
    {
        var authority = Authority("DE", CoordinatorType.None, "PQ", "SERVICES");
        var allocator = new Actor(Guid.NewGuid(), authority.Id, false, false, [new("PQ", AreaRole.Allocator)]);

        Assert.Equal(Refusals.Allocation.AllocationOff,
            Assert.Throws<DomainException>(() => authority.SetAutomaticAllocation(allocator, "PQ", AllocationMode.RoundRobin)).Code);
        var staff = User(authority.Id);
        staff.Grant(AreaRole.Allocator, "PQ");
        authority.SetAllocation(LocalDataAdministratorOf(authority), "PQ", true, [staff]);
        authority.SetAutomaticAllocation(allocator, "PQ", AllocationMode.RoundRobin);

        Assert.Equal(AllocationMode.RoundRobin, authority.Areas.Single(a => a.LegislativeAreaCode == "PQ").AutomaticAllocation);
        Assert.Equal(Refusals.Allocation.ModeNotYours,
            Assert.Throws<NotPermittedException>(() => authority.SetAutomaticAllocation(allocator, "SERVICES", AllocationMode.Manual)).Code);
        Assert.Equal(Refusals.Allocation.ModeNotYours,
            Assert.Throws<NotPermittedException>(() => authority.SetAutomaticAllocation(BasicUserOf(authority), "PQ", AllocationMode.Manual)).Code);
    }
}
