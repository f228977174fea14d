using System.Text.Json;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Imi.Infrastructure.Requests;

/// <summary>An exchange changed; the authorities whose users may see the change.</summary>
public sealed record RequestChange(Guid RequestId, IReadOnlyList<Guid> AuthorityIds);

/// <summary>
/// The change feed of ARCHITECTURE.md: a change is announced with <c>pg_notify</c> in the transaction
/// that makes it (delivered on commit, to every portal instance), and every instance republishes
/// what it hears in-process, where circuits subscribe.
/// </summary>
public sealed class ChangeFeed(ILogger<ChangeFeed> logger)
{
    public const string Channel = "imi_changes";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public event Action<RequestChange>? Changed;

    /// <summary>Announces a change; call inside the transaction that makes it.</summary>
    public static Task NotifyAsync(ImiDbContext db, RequestChange change, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, JsonSerializer.Serialize(change, Json)], ct);

    internal void Publish(string payload)
    {
        RequestChange? change;
        try
        {
            change = JsonSerializer.Deserialize<RequestChange>(payload, Json);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored a malformed change notification");
            return;
        }
        if (change is not null)
            Subscribers.InvokeEach(Changed, change, logger);
    }
}

/// <summary>
/// Listens on the change channel and on the account channel (<see cref="Identity.AccountChanges"/>)
/// with its own connection, reconnecting after a failure.
/// </summary>
public sealed class ChangeFeedListener(NpgsqlDataSource dataSource, ChangeFeed feed, Identity.AccountChanges accounts,
    ILogger<ChangeFeedListener> logger) : BackgroundService
{
    /// <summary>Completes once the listener is listening (tests wait for it before acting).</summary>
    public Task Listening => _listening.Task;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == Identity.AccountChanges.Channel)
                        accounts.Publish(e.Payload);
                    else
                        feed.Publish(e.Payload);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeFeed.Channel}; LISTEN {Identity.AccountChanges.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The change feed lost its connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
