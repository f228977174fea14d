using Imi.Domain.Common;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Coordination;

/// <summary>What a coordinator does to an authority it coordinates (decision 010).</summary>
public abstract record CoordinationCommand(Guid AuthorityId);

public sealed record DeactivateAuthority(Guid AuthorityId) : CoordinationCommand(AuthorityId);

public sealed record ReactivateAuthority(Guid AuthorityId) : CoordinationCommand(AuthorityId);

/// <summary>
/// Runs a coordinator's command as one use case: loads the authority and its country's coordinators, lets the
/// domain decide (rights included), writes the audit entry, and saves in one transaction.
/// </summary>
public sealed class CoordinationService(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock)
{
    public async Task<Notice> ExecuteAsync(Guid actorUserId, CoordinationCommand command, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorUserId, ct);
        var target = await db.Authorities.SingleOrDefaultAsync(a => a.Id == command.AuthorityId, ct)
            ?? throw new DomainException(Refusals.Coordination.NoSuchAuthority);
        var coordinators = await CoordinatorTrees.OfCountryAsync(db, target.CountryCode, ct);

        AuditKind kind;
        string notice;
        switch (command)
        {
            case DeactivateAuthority:
                target.Deactivate(actor, coordinators);
                await EndSessionsOfAsync(db, target.Id, ct);
                (kind, notice) = (AuditKind.AuthorityDeactivated, Notices.Coordination.AuthorityDeactivated);
                break;
            case ReactivateAuthority:
                target.Reactivate(actor, coordinators);
                (kind, notice) = (AuditKind.AuthorityReactivated, Notices.Coordination.AuthorityReactivated);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Kind = kind, UserId = actor.UserId, AuthorityId = target.Id, Detail = target.OfficialTitle,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ChangedBySomeoneElseException();
        }
        return new Notice(notice, ("authority", target.InformalTitle));
    }

    /// <summary>Every user of the authority: their open sessions end at once, on every instance.</summary>
    private static async Task EndSessionsOfAsync(ImiDbContext db, Guid authorityId, CancellationToken ct)
    {
        var users = await db.ImiUsers.Where(u => u.AuthorityId == authorityId).Select(u => u.Id).ToListAsync(ct);
        foreach (var account in await db.Accounts.Where(a => users.Contains(a.Id)).ToListAsync(ct))
            account.EndSessions();
    }
}
