using Imi.Domain.Allocation;
using Imi.Domain.Common;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Allocation;

/// <summary>A use case of cover and capacity, as data (the portal builds it; the domain decides).</summary>
public abstract record AllocationCommand;

/// <summary>An absence of <paramref name="UserId"/> (themselves, or a colleague for an allocator), both days included, with an optional deputy.</summary>
public sealed record RecordAbsence(Guid UserId, DateOnly From, DateOnly To, Guid? DeputyId) : AllocationCommand;
public sealed record EndAbsence(Guid UserId) : AllocationCommand;
/// <summary>A handler's capacity (null: none).</summary>
public sealed record SetCapacity(Guid UserId, int? Capacity) : AllocationCommand;
/// <summary>How new requests of an area reach the actor's authority's handlers.</summary>
public sealed record SetAutomaticAllocation(string AreaCode, AllocationMode Mode) : AllocationCommand;

/// <summary>
/// Cover and capacity: load the user (or the authority), let the domain decide, save in one
/// transaction with a change notification, so that open boards follow.
/// </summary>
public sealed class AllocationService(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid actorId, AllocationCommand command, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, actorId, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        switch (command)
        {
            case RecordAbsence c:
            {
                var user = await UserAsync(db, c.UserId, ct);
                var deputy = c.DeputyId is { } id ? await UserAsync(db, id, ct) : null;
                user.RecordAbsence(actor, c.From, c.To, deputy, today);
                break;
            }
            case EndAbsence c:
                (await UserAsync(db, c.UserId, ct)).EndAbsence(actor);
                break;
            case SetCapacity c:
                (await UserAsync(db, c.UserId, ct)).SetCapacity(actor, c.Capacity);
                break;
            case SetAutomaticAllocation c:
            {
                var authority = await db.Authorities.SingleAsync(a => a.Id == actor.AuthorityId, ct);
                authority.SetAutomaticAllocation(actor, c.AreaCode, c.Mode);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UnitOfWork.SaveAsync(db, Refusals.Concurrency.AuthorityChanged, ct);
        // The boards of the authority follow (load, capacity, absences): the same feed as an exchange's change.
        await Requests.ChangeFeed.NotifyAsync(db, new Requests.RequestChange(Guid.Empty, [actor.AuthorityId]), ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<Domain.Users.User> UserAsync(ImiDbContext db, Guid id, CancellationToken ct) =>
        await db.ImiUsers.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new DomainException(Refusals.Users.NoSuchUser);
}
