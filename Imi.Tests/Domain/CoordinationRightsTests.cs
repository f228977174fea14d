using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Tests.Support;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

/// <summary>
/// Decision 010's rights, as a matrix over a German-like tree: the NIMIC above a DIMIC for professional
/// qualifications (PQ) and a Bavarian SDIMIC; a chamber coordinated by the SDIMIC; a Berlin authority coordinated by
/// the DIMIC for PQ and by the NIMIC itself for services; and France's NIMIC.
/// </summary>
public class CoordinationRightsTests
{
    private static readonly Authority Nimic = Coordinator("DE", CoordinatorType.Nimic, above: null);
    private static readonly Authority DimicPq = Coordinator("DE", CoordinatorType.Dimic, above: Nimic);
    private static readonly Authority SdimicBavaria = Coordinator("DE", CoordinatorType.Sdimic, above: Nimic);
    private static readonly Authority FrenchNimic = Coordinator("FR", CoordinatorType.Nimic, above: null);
    private static readonly Authority BavarianChamber = Coordinated(SdimicBavaria);
    private static readonly Authority BerlinAuthority = Coordinated(DimicPq, servicesBy: Nimic);
    private static readonly CoordinatorTree German = new([Nimic, DimicPq, SdimicBavaria]);

    private static Authority Coordinator(string country, CoordinatorType type, Authority? above)
    {
        var coordinator = Imi.Domain.Authorities.Authority.Register(country, $"{type} {country}", "de", $"{type} {country}",
            AuthorityLevel.National, "imi@coordinator.example", Now, type, above?.Id);
        coordinator.GrantAreaAccess("PQ");
        coordinator.GrantAreaAccess("SERVICES");
        return coordinator;
    }

    private static Authority Coordinated(Authority coordinator, Authority? servicesBy = null)
    {
        var authority = Imi.Domain.Authorities.Authority.Register("DE", "Kammer", "de", "Kammer", AuthorityLevel.Regional,
            "imi@kammer.example", Now, CoordinatorType.None, coordinator.Id);
        authority.GrantAreaAccess("PQ");
        authority.GrantAreaAccess("SERVICES");
        if (servicesBy is not null)
            authority.Areas.Single(a => a.LegislativeAreaCode == "SERVICES").CoordinatorId = servicesBy.Id;
        return authority;
    }

    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["NIMIC data administrator (PQ, SERVICES)"] = DataAdministrator(Nimic, "PQ", "SERVICES"),
        ["NIMIC data administrator (PQ only)"] = DataAdministrator(Nimic, "PQ"),
        ["NIMIC request handler"] = new(Guid.NewGuid(), Nimic.Id, false, false, [new("PQ", AreaRole.RequestHandler)]),
        ["DIMIC data administrator (PQ)"] = DataAdministrator(DimicPq, "PQ"),
        ["SDIMIC data administrator (PQ, SERVICES)"] = DataAdministrator(SdimicBavaria, "PQ", "SERVICES"),
        ["French NIMIC data administrator"] = DataAdministrator(FrenchNimic, "PQ", "SERVICES"),
        ["the chamber's own local data administrator"] = LocalDataAdministratorOf(BavarianChamber),
    };

    private static Actor DataAdministrator(Authority coordinator, params string[] areas) =>
        new(Guid.NewGuid(), coordinator.Id, false, false, [.. areas.Select(a => new AreaRoleAssignment(a, AreaRole.DataAdministrator))]);

    /// <summary>The chamber's own matters: its coordinator (the SDIMIC) or the one above it (the NIMIC).</summary>
    [Theory]
    [InlineData("NIMIC data administrator (PQ, SERVICES)", true)]
    [InlineData("NIMIC data administrator (PQ only)", true)]
    [InlineData("SDIMIC data administrator (PQ, SERVICES)", true)]
    [InlineData("NIMIC request handler", false)]
    [InlineData("DIMIC data administrator (PQ)", false)] // beside the SDIMIC, not above it
    [InlineData("French NIMIC data administrator", false)]
    [InlineData("the chamber's own local data administrator", false)] // its own users are not its coordinator
    public void AnAuthoritysOwnMatters(string actor, bool allowed)
    {
        Assert.Equal(allowed, Coordination.MayAdministerAuthority(Actors[actor], BavarianChamber, German));
        if (!allowed)
            Assert.Equal(Refusals.Coordination.NotItsCoordinator, Assert.Throws<NotPermittedException>(
                () => Coordination.RequireCanAdministerAuthority(Actors[actor], BavarianChamber, German)).Code);
    }

    /// <summary>One area's matters: that area's coordinator (per area) or one above it, with the data administrator role for that area.</summary>
    [Theory]
    [InlineData("DIMIC data administrator (PQ)", "PQ", true)]
    [InlineData("NIMIC data administrator (PQ only)", "PQ", true)]
    [InlineData("SDIMIC data administrator (PQ, SERVICES)", "PQ", false)]
    [InlineData("NIMIC data administrator (PQ, SERVICES)", "SERVICES", true)] // the NIMIC coordinates services itself
    [InlineData("NIMIC data administrator (PQ only)", "SERVICES", false)] // no role for services
    [InlineData("DIMIC data administrator (PQ)", "SERVICES", false)]
    [InlineData("French NIMIC data administrator", "PQ", false)]
    [InlineData("NIMIC request handler", "PQ", false)]
    public void OneAreasMatters(string actor, string area, bool allowed)
    {
        Assert.Equal(allowed, Coordination.MayAdministerArea(Actors[actor], BerlinAuthority, area, German));
        if (!allowed)
        {
            var refused = Assert.Throws<NotPermittedException>(() => Coordination.RequireCanAdministerArea(Actors[actor], BerlinAuthority, area, German));
            Assert.Equal((Refusals.Coordination.NotTheAreasCoordinator, (object?)area), (refused.Code, refused.Arg("area")));
        }
    }

    [Fact]
    public void TheBerlinAuthoritysCoordinatorForAnArea_IsTheAreasOwn_ElseItsCoordinator()
    {
        Assert.Equal(DimicPq.Id, BerlinAuthority.CoordinatorFor("PQ"));
        Assert.Equal(Nimic.Id, BerlinAuthority.CoordinatorFor("SERVICES"));
    }

    [Fact]
    public void ALoopInTheData_DoesNotLoopTheRights()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var looping = new CoordinatorTree(new Dictionary<Guid, Guid?> { [a] = b, [b] = a });
        Assert.True(looping.IsOrIsAbove(b, a));
        Assert.False(looping.IsOrIsAbove(Guid.NewGuid(), a));
    }
}
