using System.Net.Sockets;
using Imi.Infrastructure;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Imi.Portal.Account;
using Imi.Portal.Localization;
using Imi.Portal.Components;
using Imi.Portal.Hosting;
using Imi.Portal.Store;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Npgsql;

namespace Imi.Portal;

public static class PortalSetup
{
    public static WebApplicationBuilder AddImiPortal(this WebApplicationBuilder builder)
    {
        // The repository-root appsettings.Development.json holds the development defaults.
        if (builder.Environment.IsDevelopment())
        {
            var root = FindRepositoryFile(builder.Environment.ContentRootPath, "appsettings.Development.json");
            if (root is not null)
                builder.Configuration.AddJsonFile(root, optional: true, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
        }
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Hardening: no Server header; forwarded scheme from trusted proxies; HSTS outside development.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddForwardedHeadersFrom(builder.Configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // The antiforgery cookie is Secure whenever the request was HTTPS (its default is never).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddMudServices();
        services.AddImiLocalization();
        services.AddImiInfrastructure(builder.Configuration);
        services.AddImiStore(typeof(PortalSetup).Assembly);
        services.AddScoped<Store.Requests.RequestsLiveUpdates>();
        services.AddScoped<Store.Performance.PerformanceLiveUpdates>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddSingleton<SessionRenewal>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<Imi.Infrastructure.Identity.Account>().AddSignInManager();
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var idle = security.IdleTimeout;
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/sign-in";
            // The idle timer in the page signs out at `idle`; the cookie outlives it a little so
            // that sign-out still carries the user (and its antiforgery token matches).
            o.ExpireTimeSpan = idle + TimeSpan.FromMinutes(1);
            o.SlidingExpiration = true;
            o.Cookie.Name = "imi.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Checked on every request (stamp and absolute lifetime), not every 30 minutes.
            o.Events.OnSigningIn = SessionValidation.OnSigningIn;
            o.Events.OnValidatePrincipal = SessionValidation.OnValidatePrincipal;
        });
        services.AddSignInRateLimit(security);
        services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// Checks the configuration, then migrations, reference data and (Development) demo data; a
    /// clear message, not a stack trace, when something is missing or the database is unreachable.
    /// </summary>
    public static async Task<bool> InitializeDatabaseAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.KeyBytes();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            app.Logger.LogCritical("Configuration incomplete: {Reason}", e.Message);
            return false;
        }
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException || e.InnerException is NpgsqlException or SocketException)
        {
            var connection = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName));
            app.Logger.LogCritical(
                "Cannot reach the database at {Host}:{Port} (database {Database}): {Reason}. Check that PostgreSQL is running and that ConnectionStrings__Imi is right.",
                connection.Host, connection.Port, connection.Database, (e.InnerException ?? e).Message);
            return false;
        }
    }

    public static WebApplication UseImiPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSignInRateLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapAccountEndpoints();
        app.MapLanguageEndpoints();
        SessionRenewal.MapSessionRenewal(app);
        app.MapAttachmentEndpoints();
        app.MapFiguresEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static string? FindRepositoryFile(string start, string name)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Imi.Portal.sln")))
                return candidate;
        }
        return null;
    }
}
