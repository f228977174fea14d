using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.UseCases;
using Imi.Infrastructure.Users;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Coordination;

/// <summary>
/// How an empty network starts (decision 010): the operator creates a user of the Commission's IMI team, with every right
/// in every legislative area; that user registers each country's NIMIC. The Commission's authority is created the first
/// time. Run from the command line (<c>create-commission-user</c>), not from a page: no one is signed in yet.
/// </summary>
public sealed class CommissionBootstrap(IDbContextFactory<ImiDbContext> contexts, AccountCredentials credentials, TimeProvider clock)
{
    /// <summary>The Commission sits in Brussels; its authority belongs to every country's coordination tree.</summary>
    public const string CountryCode = "BE";
    public const string OfficialTitle = "European Commission – IMI team";

    /// <summary>Creates the user (and the Commission's authority if missing); returns the username. The temporary password goes by e-mail.</summary>
    public async Task<string> CreateUserAsync(NewUser person, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var commission = await db.Authorities.SingleOrDefaultAsync(a => a.CoordinatorType == CoordinatorType.Commission, ct);
        if (commission is null)
        {
            commission = Authority.Register(CountryCode, OfficialTitle, "en", "European Commission: IMI team", AuthorityLevel.National,
                person.Email, now, CoordinatorType.Commission);
            foreach (var area in await db.LegislativeAreas.Select(a => a.Code).ToListAsync(ct))
                commission.GrantAreaAccess(area);
            commission.Validate();
            db.Authorities.Add(commission);
        }
        var email = TextInput.Line(person.Email);
        if (await db.ImiUsers.AnyAsync(u => u.Email == email, ct))
            throw new DomainException(Refusals.Users.EmailTaken, nameof(User.Email));
        var user = User.Register(commission.Id, await Usernames.NewAsync(db, "EU", person.GivenName, person.FamilyName, ct),
            person.Email, person.GivenName, person.FamilyName, person.PreferredLanguageCode, now, person.Phone);
        user.GrantFirstUserRights(commission.Areas.Select(a => a.LegislativeAreaCode), authorityIsCoordinator: true);
        db.ImiUsers.Add(user);
        credentials.CreateWithTemporaryPassword(db, user);
        await UnitOfWork.SaveAsync(db, Refusals.Concurrency.AuthorityChanged, ct);
        return user.Username;
    }
}
