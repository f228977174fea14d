using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Requests;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>Allocation on at the Bavarian chamber (its own portal and database): the allocator drags a new request to a colleague.</summary>
[Collection(BrowserCollection.Name)]
public class AllocationBoardTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task TheAllocator_SeesANewRequestArrive_AndDragsItToAColleague_WhoseListShowsItAtOnce()
    {
        await using (var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName)))
        await using (var db = await services.DbAsync())
        {
            var chamber = await db.Authorities.SingleAsync(a => a.Id == DemoSeeder.IdOf("de-architects-by"));
            var staff = await db.ImiUsers.Where(u => u.AuthorityId == chamber.Id).ToListAsync();
            chamber.SetAllocation(new Imi.Domain.Access.Actor(Guid.Empty, chamber.Id, true, false, []), "PQ", true, staff);
            await db.SaveChangesAsync();
        }
        var tobias = DemoSeeder.IdOf("user:demo.de.handler2");
        var german = UserTexts.In("de"); // Sabine Koch and Tobias Fischer read the portal in German

        var allocator = await RequestSteps.SignedInAsync(server, "demo.de.allocator");
        await allocator.GotoAsync("requests/allocation");
        await allocator.WaitForCircuitAsync();
        await Assertions.Expect(allocator.Locator($"[data-testid=column-{tobias}]")).ToContainTextAsync("Tobias Fischer (0)");

        var colleague = await RequestSteps.SignedInAsync(server, "demo.de.handler2");
        await colleague.GotoAsync("requests");
        await colleague.WaitForCircuitAsync();
        await Assertions.Expect(colleague.Locator("[data-testid=action-list]")).ToContainTextAsync(german["Requests.List.NothingWaits"]);

        var french = await RequestSteps.SignedInAsync(server, "demo.fr.handler");
        var reference = await RequestJourneyTests.SendFromFranceAsync(french, "Marc Aubert");

        // The new request arrives on the board, not allocated; the colleague has nothing yet.
        var card = allocator.Locator("[data-testid=column-unallocated] [data-testid=board-card]", new() { HasText = reference });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await allocator.AssertAccessibleAsync();

        await card.DragToAsync(allocator.Locator($"[data-testid=column-{tobias}]"));

        await Assertions.Expect(allocator.Locator("[data-testid=board-message]")).ToHaveTextAsync(german["Requests.Board.Allocated", ("name", "Tobias Fischer")]);
        await Assertions.Expect(allocator.Locator($"[data-testid=column-{tobias}] [data-testid=board-card]", new() { HasText = reference })).ToBeVisibleAsync();
        await Assertions.Expect(allocator.Locator("[data-testid=column-unallocated]")).Not.ToContainTextAsync(reference);
        await Assertions.Expect(colleague.Locator("[data-testid=action-item]", new() { HasText = reference })).ToContainTextAsync(german.Name(WaitingKind.ToAccept));

        // The allocation e-mail reached him.
        await Eventually.ReturnsAsync(() => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("tobias.fischer@byak.demo.de") && m.Subject.Contains(reference)),
            what: "the allocation alert");
    }
}
