using Imi.Domain.Authorities;
using Imi.Domain.Users;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Identity;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Imi.Tests.Infrastructure;

public class DemoNetworkTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task DemoNetwork_HasCoordinatorsAndAuthoritiesAtEveryLevel()
    {
        await using var services = database.Services();
        await using var db = await services.DbAsync();
        var authorities = await db.Authorities.ToListAsync();

        Assert.True(authorities.Count(a => a.CoordinatorType == CoordinatorType.Nimic) >= 6);
        Assert.Equal(authorities.Count(a => a.CoordinatorType == CoordinatorType.Nimic),
            authorities.Where(a => a.CoordinatorType == CoordinatorType.Nimic).Select(a => a.CountryCode).Distinct().Count());
        Assert.Contains(authorities, a => a.CoordinatorType == CoordinatorType.Dimic);
        var competent = authorities.Where(a => a.CoordinatorType == CoordinatorType.None).ToList();
        Assert.InRange(competent.Count, 15, 25);
        Assert.All(Enum.GetValues<AuthorityLevel>(), level => Assert.Contains(competent, a => a.Level == level));
        Assert.Contains(authorities, a => a.OfficialTitle == "Honourable Society of King's Inns");
    }

    [Fact]
    public async Task DemoUsers_HoldEveryRole()
    {
        await using var services = database.Services();
        await using var db = await services.DbAsync();
        var users = await db.ImiUsers.ToListAsync();

        Assert.All(Enum.GetValues<AreaRole>(), role => Assert.Contains(users, u => u.HasAnywhere(role)));
        Assert.Contains(users, u => u.IsLocalDataAdministrator && u.AreaRoles.Count == 0);
        Assert.Contains(users, u => !u.IsLocalDataAdministrator && u.AreaRoles.Count == 0); // a basic user
    }

    [Fact]
    public async Task NewAuthority_FirstUser_HasNotSignedIn_AndWasEmailedATemporaryPasswordWithoutTheUsername()
    {
        await using var services = database.Services();
        await using var db = await services.DbAsync();
        var user = await db.ImiUsers.SingleAsync(u => u.Username == DemoNetwork.NewFirstUsername);
        var account = await db.Accounts.SingleAsync(a => a.Id == user.Id);

        Assert.Null(user.FirstSignedInAt);
        Assert.True(account.MustChangeCredentials);
        var mail = await db.Outbox.SingleAsync(m => m.ToAddress == user.Email);
        Assert.Equal(MailKinds.TemporaryPassword, mail.Kind);
        Assert.DoesNotContain(user.Username, mail.TextBody);
        Assert.DoesNotContain(user.Username, mail.Subject);
    }

    [Fact]
    public async Task SeedingAgain_AddsNothing()
    {
        await using var services = database.Services(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        int before;
        await using (var db = await services.DbAsync())
            before = await db.Authorities.CountAsync();

        await services.InitializeDatabaseAsync();

        await using (var db = await services.DbAsync())
            Assert.Equal(before, await db.Authorities.CountAsync());
    }
}
