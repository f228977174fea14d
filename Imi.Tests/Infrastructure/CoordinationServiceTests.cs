using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.UseCases;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Imi.Tests.Infrastructure;

/// <summary>Deactivating and reactivating an authority (decision 010), on real PostgreSQL with the demo network.</summary>
public class CoordinationServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static async Task<Guid> UserIdAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Guid> AuthorityOfAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.AuthorityId).SingleAsync();
    }

    [Fact]
    public async Task TheNimicAboveItsCoordinator_DeactivatesTheChamber_ItsSessionsEnd_SearchNoLongerFindsIt_ThenReactivates()
    {
        await using var services = database.Services();
        var coordination = services.Get<CoordinationService>();
        var chamber = await AuthorityOfAsync(services, "demo.de.architects"); // coordinated by the Bavarian SDIMIC
        string stampBefore;
        await using (var db = await services.DbAsync())
            stampBefore = (await db.Accounts.SingleAsync(a => a.Id == db.ImiUsers.Single(u => u.Username == "demo.de.handler").Id)).SecurityStamp!;
        var search = services.Get<AuthoritySearch>();
        Assert.Contains((await search.SearchAsync(new SearchQuery("Architektenkammer", "de"))).Hits, h => h.AuthorityId == chamber);

        var dimicBeside = await UserIdAsync(services, "demo.de.zab"); // the DIMIC beside the SDIMIC
        var refused = await Assert.ThrowsAsync<NotPermittedException>(() => coordination.ExecuteAsync(dimicBeside, new DeactivateAuthority(chamber)));
        Assert.Equal(Refusals.Coordination.NotItsCoordinator, refused.Code);

        var nimic = await UserIdAsync(services, "demo.de.dataadmin");
        var notice = await coordination.ExecuteAsync(nimic, new DeactivateAuthority(chamber));

        Assert.Equal(Notices.Coordination.AuthorityDeactivated, notice.Code);
        await using (var db = await services.DbAsync())
        {
            Assert.Equal(RegistrationStatus.Deactivated, (await db.Authorities.SingleAsync(a => a.Id == chamber)).Status);
            var handler = await db.ImiUsers.SingleAsync(u => u.Username == "demo.de.handler");
            Assert.NotEqual(stampBefore, (await db.Accounts.SingleAsync(a => a.Id == handler.Id)).SecurityStamp); // its open sessions end
            var audit = await db.AuditEntries.SingleAsync(e => e.AuthorityId == chamber && e.Kind == AuditKind.AuthorityDeactivated);
            Assert.Equal(nimic, audit.UserId);
        }
        Assert.DoesNotContain((await search.SearchAsync(new SearchQuery("Architektenkammer", "de"))).Hits, h => h.AuthorityId == chamber);
        var again = await Assert.ThrowsAsync<DomainException>(() => coordination.ExecuteAsync(nimic, new DeactivateAuthority(chamber)));
        Assert.Equal(Refusals.Coordination.NotActive, again.Code);

        await coordination.ExecuteAsync(await UserIdAsync(services, "demo.de.bavaria"), new ReactivateAuthority(chamber)); // its own coordinator
        Assert.Contains((await search.SearchAsync(new SearchQuery("Architektenkammer", "de"))).Hits, h => h.AuthorityId == chamber);
    }

    /// <summary>The page lists what the coordinator may administer: its own authorities and those of the coordinators below it.</summary>
    [Fact]
    public async Task TheNimicsList_HasTheAuthoritiesOfTheCoordinatorsBelowIt_TheSdimicsOnlyItsOwn()
    {
        await using var services = database.Services();
        var queries = services.Get<Imi.Infrastructure.Setup.CoordinationQueries>();
        var chamber = await AuthorityOfAsync(services, "demo.de.architects"); // coordinated by the Bavarian SDIMIC
        var berlin = await AuthorityOfAsync(services, "demo.de.lageso"); // coordinated by the DIMIC for PQ
        var bavaria = await AuthorityOfAsync(services, "demo.de.bavaria");

        var nimicList = (await queries.GetAsync(await UserIdAsync(services, "demo.de.dataadmin"))).Select(a => a.Id).ToList();
        var sdimicList = (await queries.GetAsync(await UserIdAsync(services, "demo.de.bavaria"))).Select(a => a.Id).ToList();

        Assert.Superset(new HashSet<Guid> { chamber, berlin, bavaria }, nimicList.ToHashSet());
        Assert.Contains(chamber, sdimicList);
        Assert.DoesNotContain(berlin, sdimicList);
    }

    [Fact]
    public async Task ACoordinator_StaysActive()
    {
        await using var services = database.Services();
        var nimic = await UserIdAsync(services, "demo.de.dataadmin");
        var bavarianSdimic = await AuthorityOfAsync(services, "demo.de.bavaria");
        var refused = await Assert.ThrowsAsync<DomainException>(() => services.Get<CoordinationService>().ExecuteAsync(nimic, new DeactivateAuthority(bavarianSdimic)));
        Assert.Equal(Refusals.Coordination.CoordinatorStaysActive, refused.Code);
    }
}
