using Imi.Infrastructure.Demo;
using Imi.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Imi.Infrastructure.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start (under an advisory lock, safe with several instances).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Write the figures' facts of exchanges that have none, at start (after an upgrade). Off only for a bulk load that writes its
    /// own (the benchmark's generated exchanges).
    /// </summary>
    public bool BackfillFactsOnStart { get; set; } = true;

    /// <summary>Load the demo network into an empty database. Development and tests only.</summary>
    public bool SeedDemoData { get; set; }
}

/// <summary>Brings the database to the state the code expects: migrations, reference data, demo data.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<ImiDbContext> contexts,
    ReferenceDataLoader referenceData,
    DemoSeeder demo,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    private const long MigrationLock = 7310000;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (options.Value.MigrateOnStart)
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync(cancellationToken);
                await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken);
                try
                {
                    // On an empty database, EF finds the history table missing by running a query
                    // that fails, and logs it as "fail:": a newcomer's first start read like an error.
                    // Created first (IF NOT EXISTS), the table is there to read.
                    await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                    var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                    if (pending.Count > 0)
                    {
                        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                        await db.Database.MigrateAsync(cancellationToken);
                        // Types created by migrations (citext) must be known to this connection pool.
                        await connection.ReloadTypesAsync(cancellationToken);
                    }
                    // Exchanges saved before the figures existed get their facts (under the lock: one instance does it).
                    if (options.Value.BackfillFactsOnStart)
                        await Performance.ExchangeFacts.BackfillAsync(contexts, logger, cancellationToken);
                }
                finally
                {
                    await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
                    await unlock.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        await referenceData.LoadAsync(cancellationToken);
        if (options.Value.SeedDemoData)
            await demo.SeedAsync(cancellationToken);
    }
}
