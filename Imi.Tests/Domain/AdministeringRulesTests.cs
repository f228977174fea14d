using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

/// <summary>
/// Decision 010: a coordinator grants and withdraws areas, edits the official title, changes the coordinator. The tree: a
/// German NIMIC (PQ, services) above a DIMIC for PQ and a Bavarian SDIMIC (PQ, services), a LIMIC below the SDIMIC; a Berlin
/// authority coordinated in PQ by the DIMIC and in services by the NIMIC; a Bavarian chamber (PQ only) by the SDIMIC.
/// </summary>
public class AdministeringRulesTests
{
    private readonly Authority nimic, dimicPq, sdimic, limic, berlin, chamber;
    private readonly CoordinatorTree tree;
    private readonly Actor nimicAdmin, nimicPqOnly, dimicAdmin, sdimicAdmin, limicAdmin, frenchAdmin;

    public AdministeringRulesTests()
    {
        nimic = Coordinator(CoordinatorType.Nimic, null, "PQ", "SERVICES");
        dimicPq = Coordinator(CoordinatorType.Dimic, nimic, "PQ");
        sdimic = Coordinator(CoordinatorType.Sdimic, nimic, "PQ", "SERVICES");
        limic = Coordinator(CoordinatorType.Limic, sdimic, "PQ", "SERVICES");
        berlin = Imi.Domain.Authorities.Authority.Register("DE", "Landesamt", "de", "Landesamt", AuthorityLevel.Regional, "imi@landesamt.example", Now,
            CoordinatorType.None, dimicPq.Id);
        berlin.GrantAreaAccess("PQ");
        berlin.GrantAreaAccess("SERVICES", nimic.Id);
        berlin.Validate();
        chamber = Imi.Domain.Authorities.Authority.Register("DE", "Kammer", "de", "Kammer", AuthorityLevel.Regional, "imi@kammer.example", Now,
            CoordinatorType.None, sdimic.Id);
        chamber.GrantAreaAccess("PQ");
        chamber.Validate();
        tree = new CoordinatorTree([nimic, dimicPq, sdimic, limic]);
        nimicAdmin = DataAdministrator(nimic, "PQ", "SERVICES");
        nimicPqOnly = DataAdministrator(nimic, "PQ");
        dimicAdmin = DataAdministrator(dimicPq, "PQ");
        sdimicAdmin = DataAdministrator(sdimic, "PQ", "SERVICES");
        limicAdmin = DataAdministrator(limic, "PQ", "SERVICES");
        frenchAdmin = DataAdministrator(Coordinator(CoordinatorType.Nimic, null, "PQ", "SERVICES", country: "FR"), "PQ", "SERVICES");
    }

    private static Authority Coordinator(CoordinatorType type, Authority? above, string area1, string? area2 = null, string country = "DE")
    {
        var coordinator = Imi.Domain.Authorities.Authority.Register(country, $"{type} {country}", "de", $"{type} {country}",
            AuthorityLevel.National, "imi@coordinator.example", Now, type, above?.Id);
        coordinator.GrantAreaAccess(area1);
        if (area2 is not null)
            coordinator.GrantAreaAccess(area2);
        coordinator.Validate();
        return coordinator;
    }

    private static Actor DataAdministrator(Authority coordinator, params string[] areas) =>
        new(Guid.NewGuid(), coordinator.Id, false, false, [.. areas.Select(a => new AreaRoleAssignment(a, AreaRole.DataAdministrator))]);

    private Actor ActorNamed(string name) => name switch
    {
        "NIMIC" => nimicAdmin,
        "NIMIC (PQ only)" => nimicPqOnly,
        "DIMIC (PQ)" => dimicAdmin,
        "SDIMIC" => sdimicAdmin,
        "LIMIC" => limicAdmin,
        "French NIMIC" => frenchAdmin,
        "Berlin's own administrator" => new Actor(Guid.NewGuid(), berlin.Id, true, false, [new("PQ", AreaRole.DataAdministrator)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>An area's matters: its coordinator in that area (per area) or one above, holding the data administrator role for it.</summary>
    [Theory]
    [InlineData("NIMIC", "SERVICES", true)]
    [InlineData("NIMIC (PQ only)", "SERVICES", false)]
    [InlineData("DIMIC (PQ)", "SERVICES", false)]
    [InlineData("SDIMIC", "SERVICES", false)]
    [InlineData("DIMIC (PQ)", "PQ", true)]
    [InlineData("NIMIC (PQ only)", "PQ", true)]
    [InlineData("SDIMIC", "PQ", false)]
    [InlineData("LIMIC", "PQ", false)]
    [InlineData("French NIMIC", "PQ", false)]
    [InlineData("Berlin's own administrator", "PQ", false)]
    public void WithdrawingAnArea_ByWho(string actor, string area, bool allowed)
    {
        void Withdraw() => berlin.WithdrawArea(ActorNamed(actor), tree, area, [], coordinatesOthersInIt: false);
        if (allowed)
        {
            Withdraw();
            Assert.False(berlin.HasAccessTo(area));
            Assert.DoesNotContain(berlin.RequestCoordinators, r => r.LegislativeAreaCode == area);
        }
        else
            Assert.IsType<NotPermittedException>(Record.Exception(Withdraw));
    }

    [Fact]
    public void WithdrawingAnArea_IsRefused_WhileExchangesAreOpenInIt_NamingThem_OrForTheLastArea_OrACoordinatorsArea()
    {
        var open = Assert.Throws<DomainException>(() => berlin.WithdrawArea(nimicAdmin, tree, "SERVICES", ["IMI-000012", "IMI-000031"], false));
        Assert.Equal(Refusals.Coordination.OpenExchangesInArea, open.Code);
        Assert.Contains(("exchanges", (object?)"IMI-000012, IMI-000031"), open.Args);
        Assert.True(berlin.HasAccessTo("SERVICES"));

        Assert.Equal(Refusals.Coordination.LastArea,
            Assert.Throws<DomainException>(() => chamber.WithdrawArea(sdimicAdmin, tree, "PQ", [], false)).Code);
        Assert.Equal(Refusals.Coordination.CoordinatesOthersInArea,
            Assert.Throws<DomainException>(() => limic.WithdrawArea(sdimicAdmin, tree, "PQ", [], coordinatesOthersInIt: true)).Code);
    }

    [Fact]
    public void GrantingAnArea_ToTheChamber_CoordinatedThereByTheGrantersCoordinatorOrOneBelow()
    {
        Assert.Equal(Refusals.Coordination.NotTheAreasCoordinator,
            Assert.Throws<NotPermittedException>(() => chamber.GrantArea(dimicAdmin, tree, "SERVICES", dimicPq)).Code); // beside the SDIMIC
        Assert.Equal(Refusals.Coordination.NotACoordinatorBelow,
            Assert.Throws<DomainException>(() => chamber.GrantArea(nimicAdmin, tree, "SERVICES", dimicPq)).Code); // the DIMIC has no services
        Assert.Equal(Refusals.Coordination.NotACoordinatorBelow,
            Assert.Throws<DomainException>(() => chamber.GrantArea(sdimicAdmin, tree, "SERVICES", nimic)).Code); // above the SDIMIC

        chamber.GrantArea(sdimicAdmin, tree, "SERVICES", limic);

        Assert.Equal(limic.Id, chamber.CoordinatorFor("SERVICES"));
        Assert.Contains(chamber.RequestCoordinators, r => r.LegislativeAreaCode == "SERVICES" && r.CoordinatorId == limic.Id);
        Assert.Equal(Refusals.Coordination.AlreadyHasArea,
            Assert.Throws<DomainException>(() => chamber.GrantArea(sdimicAdmin, tree, "SERVICES", sdimic)).Code);
    }

    [Fact]
    public void TheOfficialTitle_IsEditedByTheAuthoritysCoordinatorOrOneAbove_Only()
    {
        Assert.IsType<NotPermittedException>(Record.Exception(() => chamber.EditOfficialTitle(dimicAdmin, tree, "Bayerische Architektenkammer", false)));
        var taken = Assert.Throws<DomainException>(() => chamber.EditOfficialTitle(sdimicAdmin, tree, "Landesamt", takenInCountry: true));
        Assert.Equal((Refusals.Coordination.OfficialTitleTaken, "OfficialTitle"), (taken.Code, taken.Field));

        chamber.EditOfficialTitle(nimicAdmin, tree, "  Bayerische Architektenkammer ", false);

        Assert.Equal("Bayerische Architektenkammer", chamber.OfficialTitle);
    }

    [Fact]
    public void TheCoordinator_ChangesToOneBelowTheActor_NeverIntoALoop()
    {
        // The SDIMIC cannot hand the chamber to the DIMIC beside it; the NIMIC above both can.
        Assert.Equal(Refusals.Coordination.CannotBecomeItsCoordinator,
            Assert.Throws<DomainException>(() => chamber.ChangeCoordinator(sdimicAdmin, tree, dimicPq)).Code);
        chamber.ChangeCoordinator(nimicAdmin, tree, dimicPq);
        Assert.Equal(dimicPq.Id, chamber.CoordinatorId);
        Assert.Equal(dimicPq.Id, chamber.CoordinatorFor("PQ"));

        // The SDIMIC cannot be put below its own LIMIC.
        Assert.Equal(Refusals.Coordination.CannotBecomeItsCoordinator,
            Assert.Throws<DomainException>(() => sdimic.ChangeCoordinator(nimicAdmin, tree, limic)).Code);
        Assert.IsType<NotPermittedException>(Record.Exception(() => berlin.ChangeCoordinator(frenchAdmin, tree, nimic)));
    }
}
