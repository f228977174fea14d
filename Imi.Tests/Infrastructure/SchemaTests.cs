using Imi.Domain.Authorities;
using Imi.Infrastructure.Data;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Imi.Tests.Infrastructure;

public class SchemaTests
{
    [Fact]
    public async Task Migrations_ApplyOnAnEmptyDatabase_AndTheHealthCheckSeesThemApplied()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(name));
            await services.InitializeDatabaseAsync();

            await using var db = await services.DbAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(30, await db.Countries.CountAsync());
            Assert.Equal(0, await db.Authorities.CountAsync()); // no demo data unless asked for

            var health = await new Imi.Infrastructure.Health.DatabaseHealthCheck(services.Get<IDbContextFactory<ImiDbContext>>())
                .CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status);
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_LogsNoErrors()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        var log = new ErrorLog();
        try
        {
            await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(name),
                configure: s => s.AddLogging(b => b.AddProvider(log)));
            await services.InitializeDatabaseAsync();

            // A newcomer reads a "fail:" line as a failure: the migration-history probe must not print one.
            Assert.Empty(log.Errors);
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    private sealed class ErrorLog : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Error;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Errors.Enqueue(formatter(state, exception));
        }
        public void Dispose() { }
    }

    [Fact]
    public async Task HealthCheck_OnAnUnmigratedDatabase_IsUnhealthy_AndSaysWhy()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(name));
            var health = await new Imi.Infrastructure.Health.DatabaseHealthCheck(services.Get<IDbContextFactory<ImiDbContext>>())
                .CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
            Assert.Contains("not applied", health.Description);
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task HealthCheck_WhenTheDatabaseIsUnreachable_IsUnhealthy_WithAClearMessage()
    {
        var connection = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=none;Timeout=2";
        await using var services = TestServices.Build(connection);
        var health = await new Imi.Infrastructure.Health.DatabaseHealthCheck(services.Get<IDbContextFactory<ImiDbContext>>())
            .CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("Database unreachable", health.Description);
    }
}

public class PersistenceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Authority_RoundTripsEveryStep1Field_AndItsLinks()
    {
        await using var services = database.Services();
        Guid id;
        await using (var db = await services.DbAsync())
        {
            var nimic = await db.Authorities.FirstAsync(a => a.CoordinatorType == CoordinatorType.Nimic && a.CountryCode == "IE");
            var authority = Authority.Register("IE", "Teaching Council", "en", "Registration body for teachers", AuthorityLevel.National,
                "imi@teachingcouncil.example", services.Clock.GetUtcNow(), CoordinatorType.None, nimic.Id);
            authority.GrantAreaAccess("PQ");
            var actor = new Imi.Domain.Access.Actor(Guid.NewGuid(), authority.Id, true, false, []);
            authority.UpdateGeneralInformation(actor, new GeneralInformation("Registration body for teachers", "Registers teachers.",
                AuthorityLevel.National, ["en", "ga"], new ContactDetails("Block A", "W23", "Maynooth", "Kildare", "+353 1", "https://tc.example"),
                "imi@teachingcouncil.example"), needsNewTranslation: true);
            authority.SetTranslation("de", "Registrierungsstelle für Lehrkräfte", "Registriert Lehrkräfte.", TranslationSource.Machine);
            authority.AddRequestCoordinator("PQ", nimic, fullView: true);
            authority.Link(actor, nimic);
            db.Authorities.Add(authority);
            await db.SaveChangesAsync();
            id = authority.Id;
        }

        await using (var db = await services.DbAsync())
        {
            var loaded = await db.Authorities.SingleAsync(a => a.Id == id);
            Assert.Equal(["en", "ga"], loaded.LanguagesUnderstood);
            Assert.Equal("Maynooth", loaded.Contact.City);
            Assert.Equal("https://tc.example", loaded.Contact.Website);
            Assert.True(loaded.NeedsTranslation);
            Assert.Equal(TranslationSource.Machine, Assert.Single(loaded.Translations).Source);
            Assert.True(Assert.Single(loaded.RequestCoordinators).FullView);
            Assert.Single(loaded.LinkedAuthorities);
            Assert.Equal("PQ", Assert.Single(loaded.Areas).LegislativeAreaCode);
        }
    }

    [Fact]
    public async Task ConcurrentEdits_TheSecondWriterGetsAConflict_NotASilentOverwrite()
    {
        await using var services = database.Services();
        await using var first = await services.DbAsync();
        await using var second = await services.DbAsync();
        var a = await first.Authorities.SingleAsync(x => x.InformalTitle == "Registration body for nurses and midwives");
        var b = await second.Authorities.SingleAsync(x => x.Id == a.Id);

        a.SetTranslation("fr", "Organisme d'enregistrement des infirmiers", null, TranslationSource.Human);
        await first.SaveChangesAsync();
        // Only a child row changes here; the revision on the root still catches it.
        b.SetTranslation("fr", "Ordre des infirmiers", null, TranslationSource.Human);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task UserEmail_IsUniqueRegardlessOfCase()
    {
        await using var services = database.Services();
        await using var db = await services.DbAsync();
        var existing = await db.ImiUsers.FirstAsync();
        var authority = await db.Authorities.FirstAsync();
        db.ImiUsers.Add(Imi.Domain.Users.User.Register(authority.Id, "someone.new", existing.Email.ToUpperInvariant(),
            "Some", "One", "en", services.Clock.GetUtcNow()));

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("ix_users_email", e.InnerException!.Message);
    }
}
