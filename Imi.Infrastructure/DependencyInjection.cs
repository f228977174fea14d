using Imi.Infrastructure.Data;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Health;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Mail;
using Imi.Infrastructure.ReferenceData;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Imi.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Imi";

    // Stateless apart from a weak table per context: one for all contexts.
    private static readonly AccountChangeNotifier AccountChangeNotifier = new();

    /// <summary>Everything Imi.Infrastructure offers, configured from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddImiInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No database configured. Set the connection string '{ConnectionStringName}' (environment: ConnectionStrings__{ConnectionStringName}).");

        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<ImiDbContext>(o => o
            .UseNpgsql(connectionString, npgsql => npgsql
                // An authority owns several collections (translations, areas, keywords, steps...):
                // one query each, not one join multiplying them all.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(AccountChangeNotifier));
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<ImiDbContext>>().CreateDbContext());

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        services.AddSingleton<IReferenceDataSource, EmbeddedReferenceDataSource>();
        services.AddSingleton<ReferenceDataLoader>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DatabaseInitializer>();

        services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = false; // uniqueness is a domain rule on users.email
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_";
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                // Lockouts and the block are SignInLockout's: Identity's own counter is not used.
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddEntityFrameworkStores<ImiDbContext>()
            .AddDefaultTokenProviders();
        services.AddDataProtection()
            .SetApplicationName("imi-portal")
            .PersistKeysToDbContext<ImiDbContext>();

        services.AddSingleton<SecurityCodeHasher>();
        services.AddSingleton<UnknownUsernameHasher>();
        services.AddSingleton<AccountChanges>();
        services.AddSingleton<Outbox>();
        services.TryAddSingleton(Localization.TextCatalog.Shipped);
        services.TryAddSingleton<Localization.Texts>();
        services.AddSingleton<MailWriter>();
        services.AddScoped<AccountCredentials>();
        services.AddScoped<SignInService>();
        services.AddSingleton<Setup.SetupViewBuilder>();
        services.AddScoped<Setup.SetupService>();
        services.AddScoped<Coordination.CoordinationService>();
        services.AddScoped<Coordination.CommissionBootstrap>();
        services.AddSingleton<Setup.CoordinationQueries>();
        services.AddSingleton<Search.AuthoritySearch>();
        services.AddSingleton<Search.AuthorityDirectory>();
        services.AddSingleton<Translation.TranslationService>();
        services.AddSingleton<Users.SessionQueries>();
        services.AddSingleton<Users.ProfileService>();
        services.AddSingleton<OutboxSender>();

        services.TryAddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<Requests.ChangeFeed>();
        services.AddSingleton<Requests.ChangeFeedListener>();
        services.AddHostedService(sp => sp.GetRequiredService<Requests.ChangeFeedListener>());
        services.AddSingleton<Requests.RequestAlerts>();
        services.AddSingleton<Requests.RequestService>();
        services.AddSingleton<Allocation.AllocationService>();
        services.AddSingleton<Requests.RequestQueries>();
        services.AddSingleton<Performance.CountryCoordinationCache>();
        services.AddSingleton<Performance.PerformanceQueries>();
        services.AddSingleton<Performance.WeeklyDigestJob>();
        services.AddSingleton<Requests.RetentionJob>();
        services.AddSingleton<Requests.AnswerDateReminderJob>();
        if (configuration.GetValue("Requests:RunJobs", true))
            services.AddHostedService<Requests.RequestJobsHost>();

        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        if (mail.RunLocalInbox)
            services.AddHostedService<LocalInboxHost>();
        if (configuration.GetValue("Mail:SendOutbox", true))
            services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());

        services.Configure<Translation.MachineTranslationOptions>(configuration.GetSection(Translation.MachineTranslationOptions.Section));
        services.AddHttpClient<Imi.Domain.Translation.IMachineTranslator, Translation.HttpMachineTranslator>();
        services.AddSingleton<Translation.MachineTranslationJob>();
        if (configuration.GetValue("MachineTranslation:Enabled", false))
            services.AddHostedService(sp => sp.GetRequiredService<Translation.MachineTranslationJob>());

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
