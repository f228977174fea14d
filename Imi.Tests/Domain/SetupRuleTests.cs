using Imi.Tests.Support;
using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Setup;
using Imi.Domain.Users;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

public class SetupRuleTests
{
    private static KeywordList PolicyList() => new()
    {
        Code = "POLICY_AREAS", Kind = KeywordListKind.PolicyArea,
        Keywords = [new Keyword { ListCode = "POLICY_AREAS", Code = "HEALTH" }, new Keyword { ListCode = "POLICY_AREAS", Code = "EDUCATION" }],
    };

    private static KeywordList ServicesList() => new()
    {
        Code = "SERVICES_ACTIVITIES", Kind = KeywordListKind.LegislativeArea, LegislativeAreaCode = "SERVICES",
        Keywords = [new Keyword { ListCode = "SERVICES_ACTIVITIES", Code = "RETAIL" }],
    };

    private static (Authority Authority, User First, Actor Admin) FirstUserSetUp(CoordinatorType type = CoordinatorType.None, params string[] areas)
    {
        var authority = Authority(type: type, areas: areas.Length == 0 ? ["PQ"] : areas);
        var first = User(authority.Id);
        first.GrantFirstUserRights(authority.Areas.Select(a => a.LegislativeAreaCode), authority.IsCoordinator);
        return (authority, first, Actor.Of(first));
    }

    [Fact]
    public void SetKeywords_OnlyCodesOfTheList()
    {
        var (authority, _, admin) = FirstUserSetUp();
        authority.SetKeywords(admin, PolicyList(), ["HEALTH"]);
        Assert.Equal(["HEALTH"], authority.KeywordsOf("POLICY_AREAS"));

        var e = Assert.Throws<DomainException>(() => authority.SetKeywords(admin, PolicyList(), ["HEALTH", "ASTRONOMY"]));
        Assert.Equal(Refusals.Setup.KeywordsNotInList, e.Code);
        Assert.Equal("ASTRONOMY", e.Arg("keywords"));
        Assert.Equal(["HEALTH"], authority.KeywordsOf("POLICY_AREAS"));
    }

    [Fact]
    public void SetKeywords_OfALegislativeAreaWithoutAccess_IsRefused()
    {
        var (authority, _, admin) = FirstUserSetUp(areas: "PQ");
        Assert.Throws<DomainException>(() => authority.SetKeywords(admin, ServicesList(), ["RETAIL"]));
    }

    [Fact]
    public void SetKeywords_ByABasicUser_IsNotPermitted()
    {
        var (authority, _, _) = FirstUserSetUp();
        Assert.Throws<NotPermittedException>(() => authority.SetKeywords(BasicUserOf(authority), PolicyList(), ["HEALTH"]));
    }

    [Fact]
    public void RequestCoordinators_TheLastOneOfAnAreaCannotBeRemoved()
    {
        var (authority, _, admin) = FirstUserSetUp();
        var nimic = Authority(type: CoordinatorType.Nimic, areas: "PQ");
        var dimic = Authority(type: CoordinatorType.Dimic, areas: "PQ");
        authority.AddRequestCoordinator(admin, "PQ", nimic);
        authority.AddRequestCoordinator(admin, "PQ", dimic);

        authority.RemoveRequestCoordinator(admin, "PQ", nimic.Id);
        var e = Assert.Throws<DomainException>(() => authority.RemoveRequestCoordinator(admin, "PQ", dimic.Id));

        Assert.Equal(Refusals.Setup.LastRequestCoordinator, e.Code);
        Assert.Single(authority.RequestCoordinators);
    }

    [Fact]
    public void RequestCoordinator_FromAnotherCountry_IsRefused()
    {
        var (authority, _, admin) = FirstUserSetUp();
        var german = Authority("DE", CoordinatorType.Nimic, "PQ");
        Assert.Throws<DomainException>(() => authority.AddRequestCoordinator(admin, "PQ", german));
    }

    [Fact]
    public void FullView_CanBeGrantedAndWithdrawn()
    {
        var (authority, _, admin) = FirstUserSetUp();
        var nimic = Authority(type: CoordinatorType.Nimic, areas: "PQ");
        authority.AddRequestCoordinator(admin, "PQ", nimic);

        authority.SetFullView(admin, "PQ", nimic.Id, true);
        Assert.True(authority.RequestCoordinators.Single().FullView);
        authority.SetFullView(admin, "PQ", nimic.Id, false);
        Assert.False(authority.RequestCoordinators.Single().FullView);
    }

    [Fact]
    public void Allocation_CannotBeSwitchedOnWithoutAnAllocator()
    {
        var (authority, first, admin) = FirstUserSetUp();
        var colleague = User(authority.Id, "colleague@kingsinns.example");
        colleague.Grant(AreaRole.RequestHandler, "PQ");

        var e = Assert.Throws<DomainException>(() => authority.SetAllocation(admin, "PQ", true, [colleague]));
        Assert.Equal("AllocationEnabled", e.Field);

        authority.SetAllocation(admin, "PQ", true, [first, colleague]); // the first user is an allocator
        Assert.True(authority.Area("PQ").AllocationEnabled);
    }

    [Fact]
    public void Roles_TheLastAllocatorCannotGoWhileAllocationIsOn()
    {
        var (authority, first, admin) = FirstUserSetUp();
        authority.SetAllocation(admin, "PQ", true, [first]);

        Assert.Throws<DomainException>(() =>
            UserAdministration.SetRoles(admin, authority, [first], first, true, [new("PQ", AreaRole.RequestHandler)]));
    }

    [Fact]
    public void Roles_TheAuthorityKeepsALocalDataAdministrator()
    {
        var (authority, first, admin) = FirstUserSetUp();
        var colleague = User(authority.Id, "colleague@kingsinns.example");

        var e = Assert.Throws<DomainException>(() =>
            UserAdministration.SetRoles(admin, authority, [first, colleague], first, false, first.AreaRoles));
        Assert.Equal(Refusals.Users.LastLocalDataAdministrator, e.Code);

        UserAdministration.SetRoles(admin, authority, [first, colleague], colleague, true, []);
        UserAdministration.SetRoles(admin, authority, [first, colleague], first, false, first.AreaRoles);
        Assert.False(first.IsLocalDataAdministrator);
        Assert.True(colleague.IsLocalDataAdministrator);
    }

    [Fact]
    public void Roles_CoordinatorRolesOnlyInCoordinators_AndOnlyInAreasWithAccess()
    {
        var (authority, first, admin) = FirstUserSetUp();
        Assert.Throws<DomainException>(() =>
            UserAdministration.SetRoles(admin, authority, [first], first, true, [new("PQ", AreaRole.DataAdministrator)]));
        Assert.Throws<DomainException>(() =>
            UserAdministration.SetRoles(admin, authority, [first], first, true, [new("SERVICES", AreaRole.RequestHandler)]));
    }

    [Fact]
    public void Roles_ByABasicUser_AreNotPermitted()
    {
        var (authority, first, _) = FirstUserSetUp();
        Assert.Throws<NotPermittedException>(() =>
            UserAdministration.SetRoles(BasicUserOf(authority), authority, [first], first, true, []));
    }

    [Fact]
    public void Register_WithAnEmailInUse_NamesTheField()
    {
        var (authority, _, admin) = FirstUserSetUp();
        var e = Assert.Throws<DomainException>(() => UserAdministration.Register(admin, authority,
            new NewUser("Conor", "Walsh", "aoife.byrne@kingsinns.example", null, "en"), emailInUse: true, "IE-CW-12345", Now));
        Assert.Equal("Email", e.Field);
    }

    [Fact]
    public void ChangeUsername_Taken_IsRefused_OtherwiseChanged()
    {
        var (authority, first, admin) = FirstUserSetUp();
        Assert.Throws<DomainException>(() => UserAdministration.ChangeUsername(admin, authority, first, "aoife.b", usernameInUse: true));
        UserAdministration.ChangeUsername(admin, authority, first, "aoife.b", usernameInUse: false);
        Assert.Equal("aoife.b", first.Username);
    }

    [Fact]
    public void ResetPassword_ByTheLocalDataAdministrator_OrTheCoordinatorsDataAdministratorForLocalAdministratorsOnly()
    {
        var nimic = Authority(type: CoordinatorType.Nimic, areas: "PQ");
        var coordinated = Imi.Domain.Authorities.Authority.Register("IE", "King's Inns", "en", "Barristers", AuthorityLevel.National,
            "a@b.example", Now, CoordinatorType.None, nimic.Id);
        coordinated.GrantAreaAccess("PQ");
        var localAdmin = User(coordinated.Id);
        localAdmin.GrantLocalDataAdministrator();
        var handler = User(coordinated.Id, "handler@kingsinns.example");
        var coordinatorDataAdmin = new Actor(Guid.NewGuid(), nimic.Id, false, false, [new("PQ", AreaRole.DataAdministrator)]);
        var coordinatorHandler = new Actor(Guid.NewGuid(), nimic.Id, false, false, [new("PQ", AreaRole.RequestHandler)]);

        var tree = new CoordinatorTree([nimic]);

        UserAdministration.RequireCanResetPassword(Actor.Of(localAdmin), coordinated, handler, tree);
        UserAdministration.RequireCanResetPassword(coordinatorDataAdmin, coordinated, localAdmin, tree);
        Assert.Throws<NotPermittedException>(() => UserAdministration.RequireCanResetPassword(coordinatorDataAdmin, coordinated, handler, tree));
        Assert.Throws<NotPermittedException>(() => UserAdministration.RequireCanResetPassword(coordinatorHandler, coordinated, localAdmin, tree));
        Assert.Throws<NotPermittedException>(() => UserAdministration.RequireCanResetPassword(Actor.Of(handler), coordinated, localAdmin, tree));
    }

    [Fact]
    public void CoordinatorSettings_OnlyForCoordinators_ReferralHandlersMustExist()
    {
        var (authority, first, admin) = FirstUserSetUp();
        Assert.Throws<DomainException>(() => authority.SetApproval(admin, "PQ", true, false));

        var (coordinator, coordinatorFirst, coordinatorAdmin) = FirstUserSetUp(CoordinatorType.Nimic);
        Assert.Equal(ReferralParticipation.Self, coordinator.Area("PQ").Referral); // the guide's default
        Assert.False(coordinator.Area("PQ").ApprovesRequests);                   // default no
        coordinator.SetApproval(coordinatorAdmin, "PQ", requests: true, replies: false);
        Assert.True(coordinator.Area("PQ").ApprovesRequests);

        var colleague = User(coordinator.Id, "c@nimic.example");
        Assert.Throws<DomainException>(() => coordinator.SetReferralParticipation(coordinatorAdmin, "PQ", ReferralParticipation.ReferralHandlers, [colleague]));
        coordinator.SetReferralParticipation(coordinatorAdmin, "PQ", ReferralParticipation.ReferralHandlers, [coordinatorFirst]);
        coordinator.SetReferralParticipation(coordinatorAdmin, "PQ", ReferralParticipation.No, []);
        Assert.Equal(ReferralParticipation.No, coordinator.Area("PQ").Referral);
    }

    [Fact]
    public void CoordinatorSteps_CannotBeCompletedByACompetentAuthority()
    {
        var (authority, _, admin) = FirstUserSetUp();
        Assert.Throws<DomainException>(() => authority.CompleteSetupStep(admin, 14, Now));
    }

    [Fact]
    public void Checklist_ShowsNotYet_Done_AndNeedsAttentionWithTheReason()
    {
        var (authority, first, admin) = FirstUserSetUp();
        string Area(string code) => code == "PQ" ? "Professional qualifications" : code;

        var fresh = SetupChecklist.Evaluate(authority, [first], [PolicyList()], Area);
        Assert.Equal(12, fresh.Count); // steps 13-15 only for coordinators
        Assert.All(fresh, s => Assert.Equal(StepState.NotYet, s.State));

        authority.CompleteSetupStep(admin, 1, Now);
        authority.CompleteSetupStep(admin, 7, Now);
        var later = SetupChecklist.Evaluate(authority, [first], [PolicyList()], Area);

        Assert.Equal(StepState.Done, later[0].State);
        Assert.Equal(StepState.NeedsAttention, later[6].State);
        Assert.Equal(ChecklistReason.NoBackUpUser, later[6].Reason);

        var colleague = User(authority.Id, "colleague@kingsinns.example");
        var withBackUp = SetupChecklist.Evaluate(authority, [first, colleague], [PolicyList()], Area);
        Assert.Equal(StepState.Done, withBackUp[6].State);
    }

    [Fact]
    public void Checklist_ForACoordinator_HasFifteenSteps_AndNamesTheAreaWithoutDataAdministrator()
    {
        var (coordinator, first, admin) = FirstUserSetUp(CoordinatorType.Nimic, "PQ", "SERVICES");
        UserAdministration.SetRoles(admin, coordinator, [first], first, true,
            [new("PQ", AreaRole.DataAdministrator), new("PQ", AreaRole.RequestHandler), new("SERVICES", AreaRole.RequestHandler)]);
        coordinator.CompleteSetupStep(admin, 13, Now);

        var checklist = SetupChecklist.Evaluate(coordinator, [first], [], c => c == "SERVICES" ? "Services" : c);

        Assert.Equal(15, checklist.Count);
        Assert.Equal(StepState.NeedsAttention, checklist[12].State);
        Assert.Equal(ChecklistReason.DataAdministratorMissing, checklist[12].Reason);
        Assert.Equal(("areas", (object?)"Services"), Assert.Single(checklist[12].Args));
    }
}
