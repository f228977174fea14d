using Imi.Domain.Access;
using Imi.Domain.Allocation;
using Imi.Domain.Common;
using Imi.Infrastructure.Allocation;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Requests;

/// <summary>The Bavarian chamber with allocation on in PQ (for the service and browser tests): Maximilian Bauer, Lena Hoffmann and Tobias Fischer handle, Sabine Koch allocates.</summary>
internal static class AllocationOn
{
    public const string Maximilian = GermanChamberAdmin, Lena = GermanHandler, Tobias = GermanHandler2, Sabine = GermanAllocator;

    public static async Task SwitchOnAsync(TestServices services)
    {
        await using var db = await services.DbAsync();
        var chamber = await db.Authorities.SingleAsync(a => a.Email == BavarianArchitectsMail);
        var staff = await db.ImiUsers.Where(u => u.AuthorityId == chamber.Id).ToListAsync();
        chamber.SetAllocation(new Actor(Guid.Empty, chamber.Id, true, false, []), "PQ", true, staff);
        await db.SaveChangesAsync();
    }

    public static async Task<List<string>> AlertedAsync(TestServices services, string kind, Guid requestId)
    {
        await using var db = await services.DbAsync();
        return (await db.Outbox.Where(m => m.Kind == kind && m.TextBody.Contains(requestId.ToString())).Select(m => m.ToAddress).ToListAsync()).Order().ToList();
    }

    public static async Task<bool> OnListAsync(TestServices services, string username, Guid requestId) =>
        (await services.Get<RequestQueries>().ActionListAsync(await UserAsync(services, username), new ActionListFilter())).Items.Any(i => i.Id == requestId);
}

/// <summary>Absence and deputy, through the real services on PostgreSQL, with a fake clock.</summary>
public class AbsenceAndDeputyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task DuringTheAbsence_TheDeputyGetsTheAlert_SeesTheRequest_AndMayAcceptIt_Afterwards_NoLonger()
    {
        await using var services = database.Services();
        await AllocationOn.SwitchOnAsync(services);
        var today = DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime);
        var tobias = await UserAsync(services, AllocationOn.Tobias);
        var lena = await UserAsync(services, AllocationOn.Lena);
        var allocation = services.Get<AllocationService>();

        // Tobias records his absence himself, Lena as deputy; a deputy who does not handle PQ is refused next to the field.
        var sabine = await UserAsync(services, AllocationOn.Sabine);
        var notHandler = await Assert.ThrowsAsync<DomainException>(() => allocation.ExecuteAsync(tobias, new RecordAbsence(tobias, today, today.AddDays(4), sabine)));
        Assert.Equal((Refusals.Allocation.DeputyNotHandler, "deputy"), (notHandler.Code, notHandler.Field));
        await allocation.ExecuteAsync(tobias, new RecordAbsence(tobias, today, today.AddDays(4), lena));
        await using (var db = await services.DbAsync())
            Assert.Equal(new Absence(today, today.AddDays(4), lena), (await db.ImiUsers.SingleAsync(u => u.Id == tobias)).Absence);

        var id = await SentRequestAsync(services);
        await ActAsync(services, AllocationOn.Sabine, id, (r, revision) => new AllocateRequest(r, revision, [tobias]));

        Assert.Equal(["lena.hoffmann@byak.demo.de", "tobias.fischer@byak.demo.de"], await AllocationOn.AlertedAsync(services, "request.Allocated", id));
        Assert.True(await AllocationOn.OnListAsync(services, AllocationOn.Lena, id));
        var board = Assert.Single(await services.Get<RequestQueries>().AllocationBoardsAsync(sabine));
        var tobiasColumn = board.Handlers.Single(h => h.UserId == tobias);
        Assert.True(tobiasColumn.AwayToday);
        Assert.Equal("Lena Hoffmann", tobiasColumn.DeputyName);
        // The deputy accepts it in Tobias's place.
        await ActAsync(services, AllocationOn.Lena, id, (r, revision) => new AcceptRequest(r, revision, null, null));

        // Back at work: a new request allocated to Tobias reaches him alone, and Lena no longer sees it.
        services.Clock.Advance(TimeSpan.FromDays(5));
        var later = await SentRequestAsync(services);
        await ActAsync(services, AllocationOn.Sabine, later, (r, revision) => new AllocateRequest(r, revision, [tobias]));
        Assert.Equal(["tobias.fischer@byak.demo.de"], await AllocationOn.AlertedAsync(services, "request.Allocated", later));
        Assert.False(await AllocationOn.OnListAsync(services, AllocationOn.Lena, later));
        await Assert.ThrowsAsync<NotPermittedException>(() => ActAsync(services, AllocationOn.Lena, later, (r, revision) => new AcceptRequest(r, revision, null, null)));
    }

    [Fact]
    public async Task OnlyTheUserOrAnAllocatorOfTheirAuthority_RecordsAnAbsence_AndOnlyAnAllocatorSetsACapacity()
    {
        await using var services = database.Services();
        var allocation = services.Get<AllocationService>();
        var tobias = await UserAsync(services, AllocationOn.Tobias);
        var today = DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime);

        var (lena, french) = (await UserAsync(services, AllocationOn.Lena), await UserAsync(services, FrenchHandler));
        await Assert.ThrowsAsync<NotPermittedException>(() => allocation.ExecuteAsync(lena, new RecordAbsence(tobias, today, today, null)));
        await Assert.ThrowsAsync<NotPermittedException>(() => allocation.ExecuteAsync(french, new EndAbsence(tobias)));
        await Assert.ThrowsAsync<NotPermittedException>(() => allocation.ExecuteAsync(tobias, new SetCapacity(tobias, 50)));
        await allocation.ExecuteAsync(await UserAsync(services, AllocationOn.Sabine), new SetCapacity(tobias, 8));
        await allocation.ExecuteAsync(await UserAsync(services, AllocationOn.Sabine), new RecordAbsence(tobias, today.AddDays(7), today.AddDays(9), null));

        await using var db = await services.DbAsync();
        var saved = await db.ImiUsers.SingleAsync(u => u.Id == tobias);
        Assert.Equal((8, new Absence(today.AddDays(7), today.AddDays(9), null)), (saved.Capacity, saved.Absence));
    }
}

/// <summary>Several handlers, back to "not allocated", a late move, suggestions: the board's use cases on PostgreSQL.</summary>
public class AllocationBoardServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ARequest_GoesToTwoHandlers_OneComesOff_ThenBackToNotAllocated_AndTheBoardShowsLoadAndCapacity()
    {
        await using var services = database.Services();
        await AllocationOn.SwitchOnAsync(services);
        var (lena, tobias, sabine) = (await UserAsync(services, AllocationOn.Lena), await UserAsync(services, AllocationOn.Tobias), await UserAsync(services, AllocationOn.Sabine));
        await services.Get<AllocationService>().ExecuteAsync(sabine, new SetCapacity(tobias, 3));
        var id = await SentRequestAsync(services);

        await ActAsync(services, AllocationOn.Sabine, id, (r, revision) => new AllocateRequest(r, revision, [lena, tobias]));
        Assert.True(await AllocationOn.OnListAsync(services, AllocationOn.Lena, id));
        Assert.True(await AllocationOn.OnListAsync(services, AllocationOn.Tobias, id));
        var board = Assert.Single(await services.Get<RequestQueries>().AllocationBoardsAsync(sabine));
        Assert.Equal([lena, tobias], board.Cards.Single(c => c.Id == id).AllocatedTo);
        Assert.Equal((1, (int?)3), board.Handlers.Where(h => h.UserId == tobias).Select(h => (h.OpenLoad, h.Capacity)).Single());

        await ActAsync(services, AllocationOn.Sabine, id, (r, revision) => new AllocateRequest(r, revision, [tobias]));
        Assert.False(await AllocationOn.OnListAsync(services, AllocationOn.Lena, id));

        await ActAsync(services, AllocationOn.Sabine, id, (r, revision) => new UnallocateRequest(r, revision));
        await using (var db = await services.DbAsync())
            Assert.Empty((await db.Requests.SingleAsync(r => r.Id == id)).AllocatedHandlerIds);
        Assert.False(await AllocationOn.OnListAsync(services, AllocationOn.Tobias, id));
        Assert.Equal(WaitingKind.ToAllocate, (await services.Get<RequestQueries>().ActionListAsync(sabine, new ActionListFilter())).Items.Single(i => i.Id == id).Kind);

        // Sabine Koch allocates, but does not handle requests: she cannot be given one.
        var refused = await Assert.ThrowsAsync<DomainException>(() => ActAsync(services, AllocationOn.Sabine, id, (r, revision) => new AllocateRequest(r, revision, [sabine])));
        Assert.Equal(Refusals.Allocation.NotAHandler, refused.Code);
    }

    [Fact]
    public async Task AMoveOnAStaleBoard_IsRefused_AndTheAllocatorLearnsWhoChangedItAndWhomItIsWithNow()
    {
        await using var services = database.Services();
        await AllocationOn.SwitchOnAsync(services);
        var (lena, tobias) = (await UserAsync(services, AllocationOn.Lena), await UserAsync(services, AllocationOn.Tobias));
        var maximilian = await UserAsync(services, AllocationOn.Maximilian);
        var id = await SentRequestAsync(services);
        var seen = await RevisionAsync(services, id);

        // Maximilian Bauer (also an allocator) moves it first; Sabine's move, made on what she saw, comes too late.
        await services.Get<RequestService>().ExecuteAsync(maximilian, new AllocateRequest(id, seen, [lena]));
        var sabine = await UserAsync(services, AllocationOn.Sabine);
        await Assert.ThrowsAsync<ChangedBySomeoneElseException>(() => services.Get<RequestService>().ExecuteAsync(sabine, new AllocateRequest(id, seen, [tobias])));

        var now = await services.Get<RequestQueries>().AllocationNowAsync(sabine, id);
        Assert.Equal("Maximilian Bauer", now!.ChangedBy);
        Assert.Equal(["Lena Hoffmann"], now.HandlerNames);
        await using var db = await services.DbAsync();
        Assert.Equal([lena], (await db.Requests.SingleAsync(r => r.Id == id)).AllocatedHandlerIds);
    }

    [Fact]
    public async Task Suggest_SkipsTheAbsent_AndProposesTheHandlerWhoHadTheseQuestions_WithTheReasons()
    {
        await using var services = database.Services();
        await AllocationOn.SwitchOnAsync(services);
        var (lena, tobias, sabine) = (await UserAsync(services, AllocationOn.Lena), await UserAsync(services, AllocationOn.Tobias), await UserAsync(services, AllocationOn.Sabine));
        var maximilian = await UserAsync(services, AllocationOn.Maximilian);
        // Lena handled one such request already (still open: her load is 1); Maximilian is away.
        var earlier = await SentRequestAsync(services);
        await ActAsync(services, AllocationOn.Sabine, earlier, (r, revision) => new AllocateRequest(r, revision, [lena]));
        var today = DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime);
        await services.Get<AllocationService>().ExecuteAsync(maximilian, new RecordAbsence(maximilian, today, today.AddDays(3), null));
        var fresh = await SentRequestAsync(services);

        var suggestion = Assert.Single(await services.Get<RequestQueries>().SuggestAsync(sabine, "PQ", [fresh]));

        // Lena: 1 open of the assumed 20 (5 %) − 0.25 × 2/2 beats Tobias's 0 %; both questions before, in one exchange.
        Assert.Equal(("Lena Hoffmann", new AllocationSuggestion(lena, 1, null, 2, 2, 1)), (suggestion.HandlerName, suggestion.Suggestion));
        Assert.Equal(Refusals.Allocation.AllocatorsOnly,
            (await Assert.ThrowsAsync<NotPermittedException>(() => services.Get<RequestQueries>().SuggestAsync(tobias, "PQ", [fresh]))).Code);
    }
}

/// <summary>Automatic allocation on arrival (round robin), through sending on PostgreSQL.</summary>
public class AutomaticAllocationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task RoundRobin_GivesEachNewRequestToTheNextPresentHandler_WhoIsAlerted_AndAnAllocatorCanStillMoveIt()
    {
        await using var services = database.Services();
        await AllocationOn.SwitchOnAsync(services);
        var sabine = await UserAsync(services, AllocationOn.Sabine);
        var maximilian = await UserAsync(services, AllocationOn.Maximilian);
        var handlers = new[] { maximilian, await UserAsync(services, AllocationOn.Lena), await UserAsync(services, AllocationOn.Tobias) };
        var today = DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime);
        await services.Get<AllocationService>().ExecuteAsync(sabine, new SetAutomaticAllocation("PQ", AllocationMode.RoundRobin));
        await services.Get<AllocationService>().ExecuteAsync(maximilian, new RecordAbsence(maximilian, today, today, null));

        var given = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            services.Clock.Advance(TimeSpan.FromMinutes(1));
            var id = await SentRequestAsync(services);
            await using var db = await services.DbAsync();
            var request = await db.Requests.SingleAsync(r => r.Id == id);
            given.Add(Assert.Single(request.AllocatedHandlerIds));
            Assert.Equal(Imi.Domain.Requests.RequestAction.AllocateAutomatically, request.Timeline[^1].Action);
            Assert.Single(await AllocationOn.AlertedAsync(services, "request.Allocated", id));
        }

        // Lena and Tobias in turn; Maximilian, away, gets none.
        Assert.DoesNotContain(maximilian, given);
        Assert.Equal(2, given.Count(g => g == handlers[1]));
        Assert.Equal(2, given.Count(g => g == handlers[2]));
        Assert.NotEqual(given[0], given[1]);
        Assert.Equal(given[0], given[2]);

        var last = await SentRequestAsync(services);
        await ActAsync(services, AllocationOn.Sabine, last, (r, revision) => new AllocateRequest(r, revision, [maximilian]));
        await using (var db = await services.DbAsync())
            Assert.Equal([maximilian], (await db.Requests.SingleAsync(r => r.Id == last)).AllocatedHandlerIds);
        // A handler may not switch it.
        await Assert.ThrowsAsync<NotPermittedException>(() => services.Get<AllocationService>().ExecuteAsync(handlers[1], new SetAutomaticAllocation("PQ", AllocationMode.Manual)));
    }
}

/// <summary>An open board follows one changed request by reading that card and the loads (its own database: it moves loads).</summary>
public class BoardUpdateTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task AnOpenBoard_ReadsOneChangedRequest_ItsCardAndTheLoads_AndNothingOfAnotherAuthority()
    {
        await using var services = database.Services();
        await AllocationOn.SwitchOnAsync(services);
        var (lena, tobias, sabine) = (await UserAsync(services, AllocationOn.Lena), await UserAsync(services, AllocationOn.Tobias), await UserAsync(services, AllocationOn.Sabine));
        var id = await SentRequestAsync(services);
        var queries = services.Get<RequestQueries>();

        var fresh = await queries.AllocationCardAsync(sabine, id, [lena, tobias]);
        Assert.Equal(("PQ", 0), (fresh.AreaCode, fresh.Card!.AllocatedTo.Count));

        await ActAsync(services, AllocationOn.Sabine, id, (r, revision) => new AllocateRequest(r, revision, [tobias]));
        var moved = await queries.AllocationCardAsync(sabine, id, [lena, tobias]);
        Assert.Equal([tobias], moved.Card!.AllocatedTo);
        Assert.Equal(fresh.Card.Revision + 1, moved.Card.Revision);
        Assert.Equal(1, moved.Loads[tobias] - fresh.Loads[tobias]);
        var onBoard = Assert.Single(await queries.AllocationBoardsAsync(sabine)).Cards.Single(c => c.Id == id);
        Assert.Equal((onBoard.Revision, onBoard.Reference, onBoard.AnswerDate, onBoard.Requester), (moved.Card.Revision, moved.Card.Reference, moved.Card.AnswerDate, moved.Card.Requester));

        // Lena handles requests but allocates none: the request is on no board of hers.
        Assert.Null((await queries.AllocationCardAsync(lena, id, [tobias])).Card);
    }

}
