using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

/// <summary>
/// Self-registration (decision 010): where an application goes, and how a coordinator decides it. The tree: a German NIMIC
/// (PQ, services), a DIMIC for PQ without a region, an SDIMIC for Bayern, a LIMIC for München below it (PQ).
/// </summary>
public class ApplicationRulesTests
{
    private static readonly Authority Nimic = Coordinator(CoordinatorType.Nimic, null, null, "PQ", "SERVICES");
    private static readonly Authority DimicPq = Coordinator(CoordinatorType.Dimic, Nimic, null, "PQ");
    private static readonly Authority Sdimic = Coordinator(CoordinatorType.Sdimic, Nimic, "Bayern", "PQ", "SERVICES");
    private static readonly Authority Limic = Coordinator(CoordinatorType.Limic, Sdimic, "München", "PQ");
    private static readonly Authority[] German = [Nimic, DimicPq, Sdimic, Limic];
    private static readonly CoordinatorTree Tree = new(German);

    private static Authority Coordinator(CoordinatorType type, Authority? above, string? region, params string[] areas)
    {
        var coordinator = Imi.Domain.Authorities.Authority.Register("DE", $"{type} {region}", "de", $"{type} {region}",
            AuthorityLevel.Regional, "imi@coordinator.example", Now, type, above?.Id, coordinationRegion: region);
        foreach (var area in areas)
            coordinator.GrantAreaAccess(area);
        coordinator.Validate();
        return coordinator;
    }

    private static Actor DataAdministrator(Authority coordinator) =>
        new(Guid.NewGuid(), coordinator.Id, false, false, [new("PQ", AreaRole.DataAdministrator), new("SERVICES", AreaRole.DataAdministrator)]);

    private static NewApplication Application(string? region = "bayern", params string[] areas) => new("DE", "Zahnärztekammer Bayern",
        "Kammer der Zahnärzte in Bayern", "de", AuthorityLevel.Regional, "imi@zahnaerzte.example", region, areas.Length == 0 ? ["PQ"] : areas,
        new NewUser("Eva", "Maier", "eva.maier@zahnaerzte.example", null, "de"), "Wir erkennen Berufsqualifikationen von Zahnärzten an.");

    [Theory]
    [InlineData("PQ", "Bayern", "Sdimic")]
    [InlineData("PQ", " bayern ", "Sdimic")] // as typed
    [InlineData("PQ", "München", "Limic")]
    [InlineData("PQ", "Berlin", "Dimic")]    // no coordinator of that region: the DIMIC for the area
    [InlineData("PQ", null, "Dimic")]
    [InlineData("SERVICES", "Berlin", "Nimic")]
    [InlineData("SERVICES", "München", "Nimic")] // the LIMIC has no services
    public void AnApplication_GoesToTheMostSpecificCoordinatorOfItsAreaAndRegion(string area, string? region, string expected) =>
        Assert.Equal(Enum.Parse<CoordinatorType>(expected), Coordination.RouteApplication(German, area, region)!.CoordinatorType);

    [Fact]
    public void AnApplication_WaitsRouted_WithTheApplicantKept_PerAreaToItsCoordinator()
    {
        var application = Imi.Domain.Authorities.Authority.Apply(Application("Bayern", "PQ", "SERVICES") with { Region = "München" }, German, Now);

        Assert.Equal(RegistrationStatus.Applied, application.Status);
        Assert.Equal(Limic.Id, application.CoordinatorId);
        Assert.Equal(Limic.Id, application.CoordinatorFor("PQ"));
        Assert.Equal(Nimic.Id, application.CoordinatorFor("SERVICES"));
        Assert.Equal("eva.maier@zahnaerzte.example", application.Applicant!.Email);
        Assert.Equal("Wir erkennen Berufsqualifikationen von Zahnärzten an.", application.ApplicationReason);
        Assert.Null(Coordination.RouteApplication([], "PQ", null));
        Assert.Equal((Refusals.Coordination.NoCoordinatorForApplication, "CountryCode"),
            Assert.Throws<DomainException>(() => Imi.Domain.Authorities.Authority.Apply(Application(), [], Now)) is var e ? (e.Code, e.Field) : default);
    }

    [Theory]
    [InlineData("no areas", Refusals.Coordination.AreasRequired, "AreaCodes")]
    [InlineData("no reason", Refusals.Input.Required, "Reason")]
    [InlineData("bad e-mail", Refusals.Input.NotAnEmail, "Applicant.Email")]
    [InlineData("no name", Refusals.Input.Required, "Applicant.FamilyName")]
    public void ABadApplication_IsRefusedOnItsField(string what, string code, string field)
    {
        var input = what switch
        {
            "no areas" => Application() with { AreaCodes = [] },
            "no reason" => Application() with { Reason = " " },
            "bad e-mail" => Application() with { Applicant = new NewUser("Eva", "Maier", "eva.maier@", null, "de") },
            _ => Application() with { Applicant = new NewUser("Eva", "", "eva.maier@zahnaerzte.example", null, "de") },
        };
        var refused = Assert.Throws<DomainException>(() => Imi.Domain.Authorities.Authority.Apply(input, German, Now));
        Assert.Equal((code, field), (refused.Code, refused.Field));
    }

    [Fact]
    public void TheCoordinatorItWentTo_OrOneAbove_Validates_TheApplicantBecomesItsFirstUser()
    {
        var application = Imi.Domain.Authorities.Authority.Apply(Application(), German, Now); // to the SDIMIC
        Assert.IsType<NotPermittedException>(Record.Exception(() => application.ValidateApplication(DataAdministrator(DimicPq), Tree, false, "DE-EM-10000", Now)));
        Assert.Equal(Refusals.Users.EmailTaken,
            Assert.Throws<DomainException>(() => application.ValidateApplication(DataAdministrator(Sdimic), Tree, emailInUse: true, "DE-EM-10000", Now)).Code);

        var firstUser = application.ValidateApplication(DataAdministrator(Nimic), Tree, false, "DE-EM-10000", Now);

        Assert.Equal(RegistrationStatus.Validated, application.Status);
        Assert.Null(application.Applicant);
        Assert.Equal(("DE-EM-10000", "eva.maier@zahnaerzte.example", application.Id), (firstUser.Username, firstUser.Email, firstUser.AuthorityId));
        Assert.True(firstUser.IsLocalDataAdministrator && firstUser.Has(AreaRole.RequestHandler, "PQ"));
        Assert.Equal(Refusals.Coordination.NotAnApplication,
            Assert.Throws<DomainException>(() => application.ValidateApplication(DataAdministrator(Sdimic), Tree, false, "DE-EM-10001", Now)).Code);
    }

    [Fact]
    public void ARejection_NeedsAReason_AndKeepsNoneOfTheApplicantsData()
    {
        var application = Imi.Domain.Authorities.Authority.Apply(Application(), German, Now);
        Assert.Equal((Refusals.Input.Required, "RejectionReason"),
            Assert.Throws<DomainException>(() => application.RejectApplication(DataAdministrator(Sdimic), Tree, "")) is var e ? (e.Code, e.Field) : default);

        var applicant = application.RejectApplication(DataAdministrator(Sdimic), Tree, "Bereits als Landeszahnärztekammer registriert.");

        Assert.Equal("eva.maier@zahnaerzte.example", applicant.Email);
        Assert.Equal(RegistrationStatus.Rejected, application.Status);
        Assert.Null(application.Applicant);
        Assert.Equal("Bereits als Landeszahnärztekammer registriert.", application.RejectionReason);
    }
}
