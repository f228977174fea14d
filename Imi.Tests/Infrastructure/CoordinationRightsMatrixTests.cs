using Imi.Domain.Common;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Setup;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Infrastructure;

/// <summary>
/// Issue 11's rights matrix on real PostgreSQL, through the services a page calls: coordinators of each kind (and users
/// who are not a coordinator's data administrators) × every coordination action × an authority coordinated by them, by
/// one below them, by one beside them, and in another country. "Allowed" means the domain did not refuse for rights (it
/// may still refuse for a rule: the last area).
/// </summary>
public class CoordinationRightsMatrixTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Chamber = "demo.de.architects"; // Bayerische Architektenkammer, coordinated by the Bavarian SDIMIC (PQ)
    private const string Berlin = "demo.de.lageso";      // LAGeSo Berlin, coordinated by the DIMIC ZAB (PQ)

    // Actor: the German NIMIC's data administrator, its referral handler (no data administrator role), the DIMIC ZAB
    // (PQ only), the Bavarian SDIMIC, the French NIMIC, the chamber's own first user.
    private static readonly string[] Actors = ["demo.de.dataadmin", "demo.de.referrals", "demo.de.zab", "demo.de.bavaria", "demo.fr.coordinator", Chamber];

    // Per action and authority: the actors allowed (in the order of Actors: 1 allowed, 0 refused).
    private static readonly (string Action, string Target, string Allowed)[] Expected =
    [
        ("read the audit trail", Chamber, "100100"),
        ("read the audit trail", Berlin, "101000"),
        ("edit the official title", Chamber, "100100"),
        ("edit the official title", Berlin, "101000"),
        ("withdraw PQ", Chamber, "100100"),
        ("withdraw PQ", Berlin, "101000"),
        ("grant and withdraw services", Chamber, "100100"),
        ("grant and withdraw services", Berlin, "100000"), // the DIMIC administers PQ only
        ("reset the first user's password", Chamber, "100101"), // an authority's own local data administrator may too
        ("reset the first user's password", Berlin, "101000"),
        ("deactivate and reactivate", Chamber, "100100"),
        ("deactivate and reactivate", Berlin, "101000"),
    ];

    [Fact]
    public async Task EveryCoordinationAction_IsAllowedToTheAuthoritysCoordinatorAndThoseAboveIt_Only()
    {
        await using var services = database.Services();
        var wrong = new List<string>();
        foreach (var (action, target, allowed) in Expected)
        {
            for (var i = 0; i < Actors.Length; i++)
            {
                var refusedForRights = await RefusedForRightsAsync(services, Actors[i], action, target);
                if (refusedForRights == (allowed[i] == '1'))
                    wrong.Add($"{Actors[i]} {action} of {target}: {(refusedForRights ? "refused" : "allowed")}");
            }
        }
        Assert.True(wrong.Count == 0, "Not as expected:\n" + string.Join("\n", wrong));
    }

    private static async Task<bool> RefusedForRightsAsync(TestServices services, string actorName, string action, string targetUser)
    {
        Guid actor, authority, firstUser;
        string officialTitle;
        await using (var db = await services.DbAsync())
        {
            actor = await db.ImiUsers.Where(u => u.Username == actorName).Select(u => u.Id).SingleAsync();
            var target = await db.ImiUsers.SingleAsync(u => u.Username == targetUser);
            (authority, firstUser) = (target.AuthorityId, target.Id);
            officialTitle = await db.Authorities.Where(a => a.Id == authority).Select(a => a.OfficialTitle).SingleAsync();
        }
        var coordination = services.Get<CoordinationService>();
        try
        {
            switch (action)
            {
                case "read the audit trail":
                    await services.Get<CoordinationQueries>().AuthorityAsync(actor, authority);
                    break;
                case "edit the official title":
                    await coordination.ExecuteAsync(actor, new EditOfficialTitle(authority, officialTitle));
                    break;
                case "withdraw PQ":
                    await coordination.ExecuteAsync(actor, new WithdrawArea(authority, "PQ"));
                    break;
                case "grant and withdraw services":
                    await coordination.ExecuteAsync(actor, new GrantArea(authority, "SERVICES", await OwnAuthorityAsync(services, actor)));
                    await coordination.ExecuteAsync(actor, new WithdrawArea(authority, "SERVICES")); // as it was, for the next actor
                    break;
                case "reset the first user's password":
                    await services.InScopeAsync(sp => sp.GetRequiredService<SetupService>().ExecuteAsync(actor, new ResetPassword(firstUser)));
                    break;
                case "deactivate and reactivate":
                    await coordination.ExecuteAsync(actor, new DeactivateAuthority(authority));
                    await coordination.ExecuteAsync(actor, new ReactivateAuthority(authority));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action);
            }
            return false;
        }
        catch (NotPermittedException)
        {
            return true;
        }
        catch (DomainException e) when (e.Code is Refusals.Coordination.LastArea)
        {
            return false; // allowed, refused by a rule
        }
    }

    private static async Task<Guid> OwnAuthorityAsync(TestServices services, Guid user)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Id == user).Select(u => u.AuthorityId).SingleAsync();
    }
}
