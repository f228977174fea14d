using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Setup;
using Imi.Domain.Users;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

/// <summary>Issue 11: a keyword request goes from the authority to its coordinator, on to the Commission, and is added or declined.</summary>
public class KeywordRequestTests
{
    private static readonly string[] Languages = ["de", "en", "fr"];
    private readonly Authority commission, nimic, chamber;
    private readonly CoordinatorTree tree;
    private readonly KeywordList list = new() { Code = "PQ_PROFESSIONS", LegislativeAreaCode = "PQ", Keywords = [new() { ListCode = "PQ_PROFESSIONS", Code = "ARCHITECT" }] };

    public KeywordRequestTests()
    {
        commission = Active(Imi.Domain.Authorities.Authority.Register("BE", "Commission", "en", "Commission", AuthorityLevel.National, "imi@commission.example", Now, CoordinatorType.Commission));
        nimic = Active(Imi.Domain.Authorities.Authority.Register("DE", "NIMIC", "de", "NIMIC", AuthorityLevel.National, "imi@nimic.example", Now, CoordinatorType.Nimic, commission.Id));
        chamber = Active(Imi.Domain.Authorities.Authority.Register("DE", "Kammer", "de", "Kammer", AuthorityLevel.Regional, "imi@kammer.example", Now, CoordinatorType.None, nimic.Id));
        tree = new CoordinatorTree([commission, nimic]);
    }

    private static Authority Active(Authority authority)
    {
        authority.GrantAreaAccess("PQ");
        authority.Validate();
        return authority;
    }

    private static Actor DataAdministrator(Authority of) => new(Guid.NewGuid(), of.Id, false, false, [new("PQ", AreaRole.DataAdministrator)]);

    private KeywordRequest Asked() => KeywordRequest.Ask(LocalDataAdministratorOf(chamber), chamber, list, "Landschaftsarchitekt", Now);

    [Fact]
    public void TheAuthoritysLocalDataAdministrator_Asks_OnlyInAListOfItsAreas()
    {
        Assert.IsType<NotPermittedException>(Record.Exception(() => KeywordRequest.Ask(BasicUserOf(chamber), chamber, list, "Landschaftsarchitekt", Now)));
        var services = new KeywordList { Code = "SERVICES_ACTIVITIES", LegislativeAreaCode = "SERVICES" };
        Assert.Equal(Refusals.Authority.NoAccessToArea,
            Assert.Throws<DomainException>(() => KeywordRequest.Ask(LocalDataAdministratorOf(chamber), chamber, services, "Messebau", Now)).Code);

        var request = Asked();

        Assert.Equal((KeywordRequestState.Asked, chamber.Id, "Landschaftsarchitekt"), (request.State, request.AuthorityId, request.Proposal));
    }

    [Fact]
    public void TheCoordinatorForwards_TheCommissionAdds_ANewVersionOfTheList_LabelledInEveryLanguage()
    {
        var request = Asked();
        Assert.IsType<NotPermittedException>(Record.Exception(() => request.Forward(LocalDataAdministratorOf(chamber), chamber, tree)));
        Assert.Equal(Refusals.Keywords.CommissionOnly, Assert.Throws<NotPermittedException>(() =>
            request.Add(DataAdministrator(nimic), nimic, list, new Dictionary<string, string>(), Languages, Now)).Code);

        request.Forward(DataAdministrator(nimic), chamber, tree);
        var missing = Assert.Throws<DomainException>(() =>
            request.Add(DataAdministrator(commission), commission, list, new Dictionary<string, string> { ["en"] = "Landscape architect", ["de"] = "Landschaftsarchitekt" }, Languages, Now));
        Assert.Equal((Refusals.Input.Required, "Labels.fr"), (missing.Code, missing.Field));

        var keyword = request.Add(DataAdministrator(commission), commission, list,
            new Dictionary<string, string> { ["en"] = "Landscape architect", ["de"] = "Landschaftsarchitekt", ["fr"] = "Architecte paysagiste" }, Languages, Now);

        Assert.Equal(("LANDSCAPE_ARCHITECT", "Architecte paysagiste"), (keyword.Code, keyword.Labels["fr"]));
        Assert.Equal(2, list.Version);
        Assert.Contains(keyword, list.Keywords);
        Assert.Equal((KeywordRequestState.Added, "LANDSCAPE_ARCHITECT"), (request.State, request.KeywordCode));
        Assert.Equal(Refusals.Keywords.AlreadyDecided, Assert.Throws<DomainException>(() => request.Decline(DataAdministrator(commission), commission, chamber, tree, "Zu spät.", Now)).Code);
    }

    [Fact]
    public void ADecline_NeedsAReason_FromTheCoordinatorWhileAsked_FromTheCommissionOnceForwarded()
    {
        var asked = Asked();
        Assert.Equal((Refusals.Input.Required, "DeclineReason"),
            Assert.Throws<DomainException>(() => asked.Decline(DataAdministrator(nimic), nimic, chamber, tree, " ", Now)) is var e ? (e.Code, e.Field) : default);
        asked.Decline(DataAdministrator(nimic), nimic, chamber, tree, "Schon als ARCHITECT erfasst.", Now);
        Assert.Equal((KeywordRequestState.Declined, "Schon als ARCHITECT erfasst."), (asked.State, asked.DeclineReason));

        var forwarded = Asked();
        forwarded.Forward(DataAdministrator(nimic), chamber, tree);
        Assert.IsType<NotPermittedException>(Record.Exception(() => forwarded.Decline(DataAdministrator(nimic), nimic, chamber, tree, "Nein.", Now)));
        forwarded.Decline(DataAdministrator(commission), commission, chamber, tree, "Too specific for a European list.", Now);
        Assert.Equal(KeywordRequestState.Declined, forwarded.State);
    }

    [Fact]
    public void TheCodeOfANewKeyword_IsUniqueInItsList()
    {
        var first = list.Add(new Dictionary<string, string> { ["en"] = "Architect" });
        Assert.Equal("ARCHITECT_2", first.Code);
    }
}
