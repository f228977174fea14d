using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

/// <summary>
/// Decision 010: a coordinator's data administrator registers an authority with its first user. The tree: a German NIMIC
/// (PQ, services) above a DIMIC for PQ only; France's NIMIC beside them.
/// </summary>
public class RegistrationRulesTests
{
    private static readonly Authority Nimic = Coordinator("DE", CoordinatorType.Nimic, null, "PQ", "SERVICES");
    private static readonly Authority DimicPq = Coordinator("DE", CoordinatorType.Dimic, Nimic, "PQ");
    private static readonly Authority FrenchNimic = Coordinator("FR", CoordinatorType.Nimic, null, "PQ", "SERVICES");
    private static readonly Authority[] German = [Nimic, DimicPq];

    private static Authority Coordinator(string country, CoordinatorType type, Authority? above, params string[] areas)
    {
        var coordinator = Imi.Domain.Authorities.Authority.Register(country, $"{type} {country}", "de", $"{type} {country}",
            AuthorityLevel.National, "imi@coordinator.example", Now, type, above?.Id);
        foreach (var area in areas)
            coordinator.GrantAreaAccess(area);
        coordinator.Validate();
        return coordinator;
    }

    private static Actor DataAdministrator(Authority coordinator, params string[] areas) =>
        new(Guid.NewGuid(), coordinator.Id, false, false, [.. areas.Select(a => new AreaRoleAssignment(a, AreaRole.DataAdministrator))]);

    private static AreaCoordinator A(string area, Authority coordinator) => new(area, coordinator.Id);

    private static NewAuthority Chamber(params AreaCoordinator[] areas) => new(
        "Architektenkammer Sachsen", "Kammer der Architekten in Sachsen", "de", AuthorityLevel.Regional, "imi@aksachsen.example",
        CoordinatorType.None, null, areas, new NewUser("Ute", "Lange", "ute.lange@aksachsen.example", null, "de"));

    private static (Authority, User) Register(Actor actor, Authority registrar, NewAuthority input, Authority[]? coordinators = null,
        bool titleTaken = false, bool emailInUse = false) =>
        Coordination.Register(actor, registrar, coordinators ?? German, input, titleTaken, emailInUse, "DE-UL-12345", Now);

    [Theory]
    [InlineData(CoordinatorType.Nimic, CoordinatorType.None, true)]
    [InlineData(CoordinatorType.Nimic, CoordinatorType.Dimic, true)]
    [InlineData(CoordinatorType.Nimic, CoordinatorType.Sdimic, true)]
    [InlineData(CoordinatorType.Nimic, CoordinatorType.Limic, true)]
    [InlineData(CoordinatorType.Nimic, CoordinatorType.Nimic, false)] // the Commission's
    [InlineData(CoordinatorType.Dimic, CoordinatorType.None, true)]
    [InlineData(CoordinatorType.Dimic, CoordinatorType.Limic, true)]
    [InlineData(CoordinatorType.Dimic, CoordinatorType.Dimic, false)]
    [InlineData(CoordinatorType.Sdimic, CoordinatorType.Sdimic, false)]
    [InlineData(CoordinatorType.Sdimic, CoordinatorType.Limic, true)]
    [InlineData(CoordinatorType.Limic, CoordinatorType.None, true)]
    [InlineData(CoordinatorType.Limic, CoordinatorType.Limic, false)]
    [InlineData(CoordinatorType.None, CoordinatorType.None, false)]
    [InlineData(CoordinatorType.Commission, CoordinatorType.Nimic, true)]
    [InlineData(CoordinatorType.Commission, CoordinatorType.None, false)] // the countries' coordinators do that
    public void ACoordinatorRegistersOnlyKindsBelowItself(CoordinatorType registrar, CoordinatorType registered, bool allowed) =>
        Assert.Equal(allowed, Coordination.MayRegister(registrar, registered));

    [Fact]
    public void TheNimic_RegistersAnAuthority_CoordinatedPerArea_ActiveAtOnce_WithAFirstUserWhoHasEveryRight()
    {
        var (chamber, firstUser) = Register(DataAdministrator(Nimic, "PQ", "SERVICES"), Nimic,
            Chamber(A("PQ", DimicPq), A("SERVICES", Nimic)));

        Assert.Equal(RegistrationStatus.Validated, chamber.Status);
        Assert.Equal("DE", chamber.CountryCode);
        Assert.Equal(Nimic.Id, chamber.CoordinatorId);
        Assert.Equal(DimicPq.Id, chamber.CoordinatorFor("PQ"));
        Assert.Equal(Nimic.Id, chamber.CoordinatorFor("SERVICES"));
        Assert.Equal([("PQ", DimicPq.Id), ("SERVICES", Nimic.Id)],
            chamber.RequestCoordinators.Select(r => (r.LegislativeAreaCode, r.CoordinatorId)).OrderBy(r => r.LegislativeAreaCode));
        Assert.Equal(chamber.Id, firstUser.AuthorityId);
        Assert.Equal("DE-UL-12345", firstUser.Username);
        Assert.True(firstUser.IsLocalDataAdministrator);
        Assert.True(firstUser.Has(AreaRole.RequestHandler, "PQ") && firstUser.Has(AreaRole.Allocator, "SERVICES"));
        Assert.False(firstUser.HasAnywhere(AreaRole.DataAdministrator)); // not a coordinator
    }

    [Fact]
    public void ACoordinatorRegistered_HasItsRegion_AndItsFirstUserAdministersItsAreas()
    {
        var input = Chamber(A("PQ", Nimic)) with { CoordinatorType = CoordinatorType.Sdimic, Region = "Sachsen" };

        var (sdimic, firstUser) = Register(DataAdministrator(Nimic, "PQ"), Nimic, input);

        Assert.Equal("Sachsen", sdimic.CoordinationRegion);
        Assert.Equal(Nimic.Id, sdimic.CoordinatorId);
        Assert.True(firstUser.Has(AreaRole.DataAdministrator, "PQ"));
    }

    [Fact]
    public void AnSdimicOrLimic_NeedsItsRegion()
    {
        var input = Chamber(A("PQ", Nimic)) with { CoordinatorType = CoordinatorType.Limic, Region = " " };
        var refused = Assert.Throws<DomainException>(() => Register(DataAdministrator(Nimic, "PQ"), Nimic, input));
        Assert.Equal((Refusals.Coordination.RegionRequired, "Region"), (refused.Code, refused.Field));
    }

    [Fact]
    public void AnAreaTheAdministratorDoesNotAdminister_IsRefused()
    {
        var refused = Assert.Throws<NotPermittedException>(() =>
            Register(DataAdministrator(DimicPq, "PQ"), DimicPq, Chamber(A("PQ", DimicPq), A("SERVICES", DimicPq))));
        Assert.Equal(Refusals.Coordination.NotTheAreasCoordinator, refused.Code);
        Assert.Contains(("area", (object?)"SERVICES"), refused.Args);
    }

    [Fact]
    public void TheAreasCoordinator_IsTheRegistrarOrOneBelowIt_WithThatArea()
    {
        // The DIMIC cannot hand PQ to the NIMIC above it.
        var above = Assert.Throws<DomainException>(() => Register(DataAdministrator(DimicPq, "PQ"), DimicPq, Chamber(A("PQ", Nimic))));
        Assert.Equal(Refusals.Coordination.NotACoordinatorBelow, above.Code);
        // France's NIMIC cannot hand PQ to a German coordinator.
        var abroad = Assert.Throws<DomainException>(() =>
            Register(DataAdministrator(FrenchNimic, "PQ"), FrenchNimic, Chamber(A("PQ", DimicPq)), [FrenchNimic]));
        Assert.Equal(Refusals.Coordination.NotACoordinatorBelow, abroad.Code);
        // The DIMIC below has no access to services.
        var withoutArea = Assert.Throws<DomainException>(() =>
            Register(DataAdministrator(Nimic, "PQ", "SERVICES"), Nimic, Chamber(A("SERVICES", DimicPq))));
        Assert.Equal(Refusals.Coordination.NotACoordinatorBelow, withoutArea.Code);
    }

    [Fact]
    public void OnlyACoordinatorsDataAdministrator_Registers()
    {
        var handler = new Actor(Guid.NewGuid(), Nimic.Id, true, false, [new("PQ", AreaRole.RequestHandler)]);
        Assert.Equal(Refusals.Coordination.DataAdministratorsRegister,
            Assert.Throws<NotPermittedException>(() => Register(handler, Nimic, Chamber(A("PQ", Nimic)))).Code);

        var plain = Authority("DE", CoordinatorType.None, "PQ");
        var itsAdministrator = new Actor(Guid.NewGuid(), plain.Id, true, false, [new("PQ", AreaRole.DataAdministrator)]);
        Assert.Equal(Refusals.Coordination.DataAdministratorsRegister,
            Assert.Throws<NotPermittedException>(() => Register(itsAdministrator, plain, Chamber(A("PQ", Nimic)))).Code);

        // Acting for another coordinator than one's own.
        Assert.Equal(Refusals.Coordination.DataAdministratorsRegister,
            Assert.Throws<NotPermittedException>(() => Register(DataAdministrator(DimicPq, "PQ"), Nimic, Chamber(A("PQ", Nimic)))).Code);
    }

    [Theory]
    [InlineData("title taken", Refusals.Coordination.OfficialTitleTaken, "OfficialTitle")]
    [InlineData("e-mail in use", Refusals.Users.EmailTaken, "FirstUser.Email")]
    [InlineData("bad e-mail", Refusals.Input.NotAnEmail, "FirstUser.Email")]
    [InlineData("no areas", Refusals.Coordination.AreasRequired, "Areas")]
    public void BadInput_IsRefusedOnItsField(string what, string code, string field)
    {
        var input = what switch
        {
            "bad e-mail" => Chamber(A("PQ", Nimic)) with { FirstUser = new NewUser("Ute", "Lange", "ute.lange@", null, "de") },
            "no areas" => Chamber(),
            _ => Chamber(A("PQ", Nimic)),
        };
        var refused = Assert.Throws<DomainException>(() => Register(DataAdministrator(Nimic, "PQ"), Nimic, input,
            titleTaken: what == "title taken", emailInUse: what == "e-mail in use"));
        Assert.Equal((code, field), (refused.Code, refused.Field));
    }

    /// <summary>The Commission registers each country's NIMIC (one per country), in that country, without request coordinators.</summary>
    [Fact]
    public void TheCommission_RegistersACountrysNimic_OnlyOne()
    {
        var commission = Coordinator("BE", CoordinatorType.Commission, null, "PQ", "SERVICES");
        var input = Chamber(A("PQ", commission)) with { CoordinatorType = CoordinatorType.Nimic, CountryCode = "IE" };

        var (nimic, firstUser) = Coordination.Register(DataAdministrator(commission, "PQ"), commission, [commission], input, false, false, "IE-UL-12345", Now);

        Assert.Equal(("IE", commission.Id, CoordinatorType.Nimic), (nimic.CountryCode, nimic.CoordinatorId, nimic.CoordinatorType));
        Assert.Empty(nimic.RequestCoordinators);
        Assert.True(firstUser.Has(AreaRole.DataAdministrator, "PQ"));
        var second = Assert.Throws<DomainException>(() =>
            Coordination.Register(DataAdministrator(commission, "PQ"), commission, [commission, nimic], input, false, false, "IE-UL-12346", Now));
        Assert.Equal((Refusals.Coordination.CountryHasNimic, "CountryCode"), (second.Code, second.Field));
    }
}
