using Imi.Infrastructure.Mail;
using Imi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// The portal on real Kestrel (a loopback port), on its own database cloned from the demo
/// template, sending its e-mail over SMTP to a <see cref="LocalInbox"/> on loopback.
/// </summary>
public class PortalServer : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private string? _sharedDatabase;
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "imi-e2e-mail-" + Guid.NewGuid().ToString("N"));

    public string DatabaseName { get; private set; } = "";
    public LocalInbox Inbox { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The database it runs on: a copy of the demo template unless a test class needs another.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabase.CreateFromTemplateAsync();

    /// <summary>Settings a test class needs changed (e.g. a short idle timeout).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// Another portal instance on <paramref name="first"/>'s database (its own Kestrel, circuits and inbox): what a second
    /// machine behind the load balancer is. The caller disposes it; the database stays with the first.
    /// </summary>
    public static async Task<PortalServer> SecondInstanceAsync(PortalServer first)
    {
        var second = new PortalServer { _sharedDatabase = first.DatabaseName };
        await second.InitializeAsync();
        return second;
    }

    public async Task InitializeAsync()
    {
        DatabaseName = _sharedDatabase ?? await CreateDatabaseAsync();
        Inbox = new LocalInbox(_mailFolder, FreePort.Next());
        await Inbox.StartAsync();

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Imi"] = TestDatabase.ConnectionStringFor(DatabaseName),
            ["Database:SeedDemoData"] = "true",
            ["Security:SecurityCodeKey"] = TestDatabase.SecurityCodeKey,
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = Inbox.Port.ToString(),
            ["Mail:Security"] = "None",
            ["Mail:PollInterval"] = "00:00:00.200",
            ["Mail:FirstRetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in Settings)
            settings[key] = value;

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        });
        var port = FreePort.Next();
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        // Ready before the first test: the first request creates the Data Protection key ring
        // (cookies, antiforgery) and compiles the pages; a browser test should not race that.
        using var client = CreateClient();
        (await client.GetAsync("account/sign-in")).EnsureSuccessStatusCode();
        (await client.GetAsync("health")).EnsureSuccessStatusCode();
    }

    /// <summary>The running portal's services (to do what an administrator would, from a test).</summary>
    public IServiceProvider Services => _factory!.Services;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        await Inbox.DisposeAsync();
        if (Directory.Exists(_mailFolder))
            Directory.Delete(_mailFolder, recursive: true);
        if (_sharedDatabase is null)
            await TestDatabase.DropAsync(DatabaseName);
    }
}
