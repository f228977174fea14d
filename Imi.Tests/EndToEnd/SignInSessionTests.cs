using Imi.Infrastructure.Data;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Setup;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// A session cookie copied from a signed-in browser (the probe's attack), replayed with plain
/// HTTP after each event that must end it.
/// </summary>
public class SignInSessionTests(PortalServer server) : IClassFixture<PortalServer>
{
    private const string SignInPage = "302 /account/sign-in";

    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenItsOwnerSignsOut()
    {
        using var owner = new SignInOverHttp(server);
        var copied = await owner.SignInAsync("demo.de.architects", DemoNetwork.Password, DemoNetwork.SecurityCode);
        Assert.Equal("200", await SignInOverHttp.ReplayAsync(server, copied, "setup"));
        Assert.Equal("200", await SignInOverHttp.ReplayAsync(server, copied, "administration/users"));

        await owner.SignOutAsync();

        Assert.StartsWith(SignInPage, await SignInOverHttp.ReplayAsync(server, copied, "setup"));
        Assert.StartsWith(SignInPage, await SignInOverHttp.ReplayAsync(server, copied, "administration/users"));
        Assert.StartsWith("401", await SignInOverHttp.ReplayAsync(server, copied, "account/keep-alive")); // an API endpoint: no redirect
    }

    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenWrongPasswordsLockTheAccount()
    {
        using var owner = new SignInOverHttp(server);
        var copied = await owner.SignInAsync("demo.fr.architects", DemoNetwork.Password, DemoNetwork.SecurityCode);
        Assert.Equal("200", await SignInOverHttp.ReplayAsync(server, copied, "setup"));

        using var guesser = new SignInOverHttp(server);
        for (var i = 0; i < 5; i++)
            await guesser.PostPasswordAsync("demo.fr.architects", "Guess-Number-" + i);

        Assert.StartsWith(SignInPage, await SignInOverHttp.ReplayAsync(server, copied, "setup"));
    }

    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenALocalDataAdministratorResetsThePassword()
    {
        using var owner = new SignInOverHttp(server);
        var copied = await owner.SignInAsync("demo.de.handler2", DemoNetwork.Password, DemoNetwork.SecurityCode);
        Assert.Equal("200", await SignInOverHttp.ReplayAsync(server, copied, ""));

        var (admin, target) = await IdsAsync("demo.de.localadmin", "demo.de.handler2");
        await RunAsync(admin, new ResetPassword(target));

        Assert.StartsWith(SignInPage, await SignInOverHttp.ReplayAsync(server, copied, ""));
    }

    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenTheRolesChange()
    {
        using var owner = new SignInOverHttp(server);
        var copied = await owner.SignInAsync("demo.de.allocator", DemoNetwork.Password, DemoNetwork.SecurityCode);
        Assert.Equal("200", await SignInOverHttp.ReplayAsync(server, copied, ""));

        var (admin, target) = await IdsAsync("demo.de.localadmin", "demo.de.allocator");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ImiDbContext>();
            var user = await db.ImiUsers.SingleAsync(u => u.Id == target);
            await RunAsync(admin, new SetUserRoles(user.Id, user.Revision, false, [.. user.AreaRoles.Skip(1)]));
        }

        Assert.StartsWith(SignInPage, await SignInOverHttp.ReplayAsync(server, copied, ""));
    }

    [Fact]
    public async Task ManySignInPosts_ForOneUsername_AreRefusedForAWhile()
    {
        using var guesser = new SignInOverHttp(server);
        var statuses = new List<int>();
        for (var i = 0; i < 11; i++)
            statuses.Add((int)(await guesser.PostPasswordAsync("demo.es.coordinator", "Guess-Number-" + i)).StatusCode);

        Assert.DoesNotContain(429, statuses.Take(10));
        Assert.Equal(429, statuses[10]);
    }

    private async Task<(Guid Admin, Guid Target)> IdsAsync(string admin, string target)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImiDbContext>();
        return ((await db.ImiUsers.SingleAsync(u => u.Username == admin)).Id, (await db.ImiUsers.SingleAsync(u => u.Username == target)).Id);
    }

    private async Task RunAsync(Guid actor, SetupCommand command)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SetupService>().ExecuteAsync(actor, command);
    }
}

public class ShortSessionServer : PortalServer
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:SessionLifetime"] = "00:00:03" };
}

public class SignInSessionLifetimeTests(ShortSessionServer server) : IClassFixture<ShortSessionServer>
{
    [Fact]
    public async Task AKeepAlive_CannotRenewASessionPastItsLifetime()
    {
        using var owner = new SignInOverHttp(server);
        var copied = await owner.SignInAsync("demo.ie.nursing", DemoNetwork.Password, DemoNetwork.SecurityCode);
        Assert.StartsWith("204", await SignInOverHttp.ReplayAsync(server, copied, "account/keep-alive"));

        // Kept alive all along, it still ends once its lifetime is over.
        var ended = await Eventually.ReturnsAsync(async () =>
        {
            var answer = await SignInOverHttp.ReplayAsync(server, copied, "account/keep-alive");
            return answer.StartsWith("204") ? null : answer;
        }, TimeSpan.FromSeconds(20), "the session to end");
        Assert.StartsWith("401", ended);
        Assert.StartsWith("302 /account/sign-in", await SignInOverHttp.ReplayAsync(server, copied, ""));
    }
}
