using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Requests;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>Two portal instances on one PostgreSQL behind Debian's nginx with sticky sessions (README, "Many instances").</summary>
[Collection(BrowserCollection.Name)]
public class LoadBalancerTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static async Task<IPage> OnInstanceAsync(LoadBalancer balancer, string instance)
    {
        var page = await Browser.NewPageAsync(balancer.Address);
        await PinAsync(page, balancer, instance);
        return page;
    }

    /// <summary>What the balancer's cookie says: the next page load goes to that instance.</summary>
    private static Task PinAsync(IPage page, LoadBalancer balancer, string instance) =>
        page.Context.AddCookiesAsync([new Cookie { Name = LoadBalancer.InstanceCookie, Value = instance, Domain = balancer.Address.Host, Path = "/" }]);

    private static async Task<string> ServedByAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        return response!.Headers.GetValueOrDefault("x-imi-instance") ?? "?";
    }

    [Fact]
    public async Task ASignedInUser_StaysSignedInOnTheOtherInstance_AndAMoveOnOneInstanceReachesTheirListOnTheOther()
    {
        await using var second = await PortalServer.SecondInstanceAsync(server);
        await using var balancer = await LoadBalancer.StartAsync(server, second);
        await using (var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName)))
            await Imi.Tests.Infrastructure.Requests.AllocationOn.SwitchOnAsync(services);
        var german = UserTexts.In("de");

        // Tobias Fischer signs in through the balancer, on instance a.
        var tobias = await OnInstanceAsync(balancer, "a");
        await SignInJourney.SignInAsync(tobias, "demo.de.handler2", DemoNetwork.Password, DemoNetwork.SecurityCode);
        Assert.Equal("a", await ServedByAsync(tobias, "requests"));
        await tobias.WaitForCircuitAsync();

        // His next page load lands on instance b: still signed in (the session cookie is valid on every instance).
        await PinAsync(tobias, balancer, "b");
        Assert.Equal("b", await ServedByAsync(tobias, "requests"));
        await tobias.WaitForCircuitAsync();
        await Assertions.Expect(tobias.Locator("[data-testid=action-list]")).ToContainTextAsync(german["Requests.List.NothingWaits"]);
        await Assertions.Expect(tobias.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();

        // A French request arrives; Sabine Koch, on instance a, drags it to Tobias.
        await using (var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName)))
            await Imi.Tests.Infrastructure.Requests.RequestFixtures.SentRequestAsync(services);
        var sabine = await OnInstanceAsync(balancer, "a");
        await SignInJourney.SignInAsync(sabine, "demo.de.allocator", DemoNetwork.Password, DemoNetwork.SecurityCode);
        Assert.Equal("a", await ServedByAsync(sabine, "requests/allocation"));
        await sabine.WaitForCircuitAsync();
        var card = sabine.Locator("[data-testid=column-unallocated] [data-testid=board-card]").First;
        var reference = await card.GetAttributeAsync("data-reference");
        await card.DragToAsync(sabine.Locator($"[data-column='{DemoSeeder.IdOf("user:demo.de.handler2")}']"));
        await Assertions.Expect(sabine.GetByTestId("board-message")).ToContainTextAsync(reference!);

        // Tobias's list, served by instance b, shows it without a reload.
        await Assertions.Expect(tobias.Locator("[data-testid=action-item]", new() { HasText = reference })).ToContainTextAsync(german.Name(WaitingKind.ToAccept));
    }
}
