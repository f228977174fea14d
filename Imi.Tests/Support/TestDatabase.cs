using Imi.Infrastructure;
using Npgsql;

namespace Imi.Tests.Support;

/// <summary>
/// Databases on the test PostgreSQL cluster that `./imi test` starts (IMI_TEST_DATABASE). A
/// template is migrated (and loaded with reference and demo data) once per test run; each test
/// class clones its own database from it and drops it when done.
/// </summary>
public static class TestDatabase
{
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("IMI_TEST_DATABASE") ?? "Host=127.0.0.1;Port=55433;Username=postgres";

    /// <summary>The same key for every test: tests may compare hashes across services.</summary>
    public const string SecurityCodeKey = "dGVzdC1rZXktb2YtdGhpcnR5LXR3by1ieXRlcy1sb25nIQ==";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _templateName;
    private static readonly string RunId = $"{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    /// <summary>An empty database (no schema): for the migration tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"imi_test_{RunId}_{Guid.NewGuid():N}"[..50];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>A fresh database with the schema, reference data and the demo network.</summary>
    public static async Task<string> CreateFromTemplateAsync()
    {
        var template = await TemplateAsync();
        var name = $"imi_test_{RunId}_{Guid.NewGuid():N}"[..50];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_templateName is not null)
                return _templateName;
            await DropLeftoversAsync();
            var name = $"imi_template_{RunId}";
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            await using (var services = TestServices.Build(ConnectionStringFor(name) + ";Pooling=false", seedDemo: true))
                await services.InitializeDatabaseAsync();
            _templateName = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>
    /// Databases left by an earlier, interrupted run. Without FORCE: a database still in use
    /// belongs to a run going on beside this one, and stays.
    /// </summary>
    private static async Task DropLeftoversAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'imi_t%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        foreach (var name in names.Where(n => !n.Contains(RunId)))
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
            {
            }
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
