using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.Identity;

/// <summary>
/// Account changes that end sessions (a new security stamp: sign-out, lockout, reset, new
/// password or code, new roles or username), announced to every portal instance: each open
/// circuit of that user re-checks its sign-in at once instead of at its next periodic check.
/// The <see cref="Requests.ChangeFeedListener"/> listens on <see cref="Channel"/> too.
/// </summary>
public sealed class AccountChanges(ILogger<AccountChanges> logger)
{
    public const string Channel = "imi_accounts";

    /// <summary>Raised with the id of an account whose security stamp changed (on any instance).</summary>
    public event Action<Guid>? Changed;

    internal void Publish(string payload)
    {
        if (!Guid.TryParse(payload, out var accountId))
        {
            logger.LogWarning("Ignored a malformed account-change notification");
            return;
        }
        Requests.Subscribers.InvokeEach(Changed, accountId, logger);
    }
}

/// <summary>
/// Announces every saved change of an account's security stamp on <see cref="AccountChanges.Channel"/>,
/// in the same transaction when there is one (delivered on commit): no code path that ends
/// sessions can forget to tell the open circuits.
/// </summary>
public sealed class AccountChangeNotifier : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<Guid>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var ids))
        {
            _pending.Remove(db);
            foreach (var id in ids)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [AccountChanges.Channel, id.ToString()], cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var ids))
        {
            _pending.Remove(db);
            foreach (var id in ids)
                db.Database.ExecuteSqlRaw("SELECT pg_notify({0}, {1})", [AccountChanges.Channel, id.ToString()]);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db)
            _pending.Remove(db);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? db)
    {
        if (db is null)
            return;
        var changed = db.ChangeTracker.Entries<Account>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.SecurityStamp).IsModified)
            .Select(e => e.Entity.Id)
            .ToList();
        if (changed.Count > 0)
            _pending.AddOrUpdate(db, changed);
    }
}
