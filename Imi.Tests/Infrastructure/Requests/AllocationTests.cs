using Imi.Domain.Common;
using Imi.Infrastructure.Requests;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Requests;

/// <summary>Allocation switched on at the Bavarian chamber (its own database: the setting changes the chamber for every later test).</summary>
public class AllocationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task WithAllocationOn_OnlyAllocatorsAreAlerted_AndTheAllocatedHandlerGetsIt()
    {
        await using var services = database.Services();
        await AllocationOn.SwitchOnAsync(services);
        var id = await SentRequestAsync(services);
        await using (var db = await services.DbAsync())
        {
            var to = await db.Outbox.Where(m => m.Kind == "request.NewRequest" && m.TextBody.Contains(id.ToString())).Select(m => m.ToAddress).ToListAsync();
            // The chamber's allocators: the appointed one and the first user (who holds every role).
            Assert.Equal([BavarianArchitectsMail, "maximilian.bauer@byak.demo.de", "sabine.koch@byak.demo.de"], to.Order());
        }
        var queries = services.Get<RequestQueries>();
        var allocatorList = await queries.ActionListAsync(await UserAsync(services, GermanAllocator), new ActionListFilter());
        Assert.Equal(WaitingKind.ToAllocate, Assert.Single(allocatorList.Items, i => i.Id == id).Kind);
        Assert.DoesNotContain((await queries.ActionListAsync(await UserAsync(services, GermanHandler2), new ActionListFilter())).Items, i => i.Id == id);

        var handler2 = await UserAsync(services, GermanHandler2);
        await ActAsync(services, GermanAllocator, id, (request, revision) => new AllocateRequest(request, revision, [handler2]));
        Assert.Equal(WaitingKind.ToAccept, Assert.Single((await queries.ActionListAsync(handler2, new ActionListFilter())).Items, i => i.Id == id).Kind);
        await using (var db = await services.DbAsync())
            Assert.Equal("tobias.fischer@byak.demo.de", (await db.Outbox.SingleAsync(m => m.Kind == "request.Allocated" && m.TextBody.Contains(id.ToString()))).ToAddress);
        await Assert.ThrowsAsync<NotPermittedException>(() => ActAsync(services, GermanHandler, id, (request, revision) => new AcceptRequest(request, revision, null, null)));
    }
}
