using Bunit;
using Imi.Portal.Store;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Imi.Tests.Portal;

/// <summary>One shared setup for component tests: MudBlazor, the store, loose JS, an interactive renderer.</summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    // Conditions, not sleeps; but a component whose effect hashes a password or queries the database
    // can take more than bUnit's default second when the whole suite runs on two cores.
    static PortalComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    /// <param name="configure">More services; they must all be added before the first render.</param>
    /// <param name="interactive">False for the static server-rendered sign-in pages.</param>
    /// <param name="signedInUserId">The user the authentication state names (pages read their id from it).</param>
    protected PortalComponentTest(Action<IServiceCollection>? configure = null, bool interactive = true, Guid? signedInUserId = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Imi.Portal.Localization.LanguageSelection.AddImiLocalization(Services); // T, in every component
        Services.AddImiStore(typeof(Imi.Portal.PortalSetup).Assembly);
        Services.AddScoped<Imi.Portal.Store.Requests.RequestsLiveUpdates>();
        configure?.Invoke(Services);
        if (signedInUserId is { } userId)
            this.AddAuthorization().SetAuthorized("user").SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId.ToString()));
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", isInteractive: interactive));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable: dispose the context that way
    // (xunit then calls Dispose too, which finds nothing left to do).
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    /// <summary>The real infrastructure services on a test database, for components whose effects use them.</summary>
    protected static Action<IServiceCollection> Infrastructure(Imi.Tests.Support.DatabaseFixture database, bool runLocalInbox = false) =>
        services => Imi.Infrastructure.DependencyInjection.AddImiInfrastructure(services,
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Imi"] = database.ConnectionString,
                ["Security:SecurityCodeKey"] = Imi.Tests.Support.TestDatabase.SecurityCodeKey,
                ["Mail:SendOutbox"] = "false",
                ["Mail:RunLocalInbox"] = runLocalInbox.ToString(),
            }).Build());

    protected IDispatcher Dispatcher => Services.GetRequiredService<IDispatcher>();

    /// <summary>The id of a (demo) user, for tests with <see cref="Infrastructure"/>.</summary>
    protected async Task<Guid> UserIdAsync(string username)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<Imi.Infrastructure.Data.ImiDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }
}
