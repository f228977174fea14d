using Imi.Domain.Common;
using Imi.Domain.Users;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

public class UserTests
{
    [Fact]
    public void FirstUser_OfACompetentAuthority_GetsEveryRoleExceptCoordinatorRoles()
    {
        var user = User(Guid.NewGuid());

        user.GrantFirstUserRights(["PQ", "SERVICES"], authorityIsCoordinator: false);

        Assert.True(user.IsLocalDataAdministrator);
        Assert.True(user.Has(AreaRole.RequestHandler, "PQ"));
        Assert.True(user.Has(AreaRole.Allocator, "SERVICES"));
        Assert.False(user.HasAnywhere(AreaRole.DataAdministrator));
        Assert.False(user.HasAnywhere(AreaRole.ReferralHandler));
    }

    [Fact]
    public void FirstUser_OfACoordinator_IsAlsoDataAdministratorAndReferralHandler()
    {
        var user = User(Guid.NewGuid());

        user.GrantFirstUserRights(["PQ"], authorityIsCoordinator: true);

        Assert.True(user.Has(AreaRole.DataAdministrator, "PQ"));
        Assert.True(user.Has(AreaRole.ReferralHandler, "PQ"));
    }

    [Fact]
    public void Roles_ArePerLegislativeArea()
    {
        var user = User(Guid.NewGuid());
        user.Grant(AreaRole.RequestHandler, "PQ");

        Assert.True(user.Has(AreaRole.RequestHandler, "PQ"));
        Assert.False(user.Has(AreaRole.RequestHandler, "SERVICES"));

        user.Revoke(AreaRole.RequestHandler, "PQ");
        Assert.Empty(user.AreaRoles);
    }

    [Theory]
    [InlineData("aoife.byrne@")]
    [InlineData("@kingsinns.example")]
    [InlineData("aoife byrne@kingsinns.example")]
    [InlineData("aoife@kingsinns")]
    public void Register_WithInvalidEmail_NamesTheField(string email)
    {
        var e = Assert.Throws<DomainException>(() => User(Guid.NewGuid(), email));
        Assert.Equal("Email", e.Field);
    }

    [Fact]
    public void RecordSignIn_KeepsTheFirstSignIn()
    {
        var user = User(Guid.NewGuid());
        user.RecordSignIn(Now);
        user.RecordSignIn(Now.AddDays(1));

        Assert.Equal(Now, user.FirstSignedInAt);
        Assert.Equal(Now.AddDays(1), user.LastSignedInAt);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("émile")]
    public void Username_Invalid_IsRefused(string username) =>
        Assert.Throws<DomainException>(() => Username.Validate(username));

    [Fact]
    public void Username_Generated_IsValid_AndCarriesCountryAndInitials()
    {
        var username = Username.Generate("ie", "Aisling", "Kennedy", new Random(1));

        Assert.Matches("^IE-AK-[0-9]{5}$", username);
        Assert.Equal(username, Username.Validate(username));
    }
}
