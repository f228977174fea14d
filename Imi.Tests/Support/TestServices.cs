using Imi.Infrastructure;
using Imi.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Imi.Tests.Support;

/// <summary>The infrastructure's real services on a test database, with a fake clock.</summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private TestServices(ServiceProvider provider, FakeTimeProvider clock)
    {
        _provider = provider;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Provider => _provider;

    public static TestServices Build(string connectionString, bool seedDemo = false, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Imi"] = connectionString,
            ["Database:SeedDemoData"] = seedDemo.ToString(),
            ["Security:SecurityCodeKey"] = TestDatabase.SecurityCodeKey,
            ["Security:PublicBaseUrl"] = "http://127.0.0.1:5080",
            ["Mail:SendOutbox"] = "false",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Security"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddImiInfrastructure(configuration);
        configure?.Invoke(services);
        return new TestServices(services.BuildServiceProvider(), clock);
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public async Task InitializeDatabaseAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Runs <paramref name="work"/> in a fresh DI scope (a request, in the portal).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<ImiDbContext> DbAsync() =>
        await _provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ImiDbContext>>().CreateDbContextAsync();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
