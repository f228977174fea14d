using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Data;

/// <summary>
/// The one database. Use it short-lived, from <see cref="IDbContextFactory{TContext}"/>: a Blazor
/// circuit lives long, a context must not.
/// </summary>
public sealed class ImiDbContext(DbContextOptions<ImiDbContext> options)
    : IdentityUserContext<Account, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Language> Languages => Set<Language>();
    public DbSet<LegislativeArea> LegislativeAreas => Set<LegislativeArea>();
    public DbSet<KeywordList> KeywordLists => Set<KeywordList>();
    public DbSet<Keyword> Keywords => Set<Keyword>();
    public DbSet<QuestionSet> QuestionSets => Set<QuestionSet>();

    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<Imi.Domain.Requests.InformationRequest> Requests => Set<Imi.Domain.Requests.InformationRequest>();
    public DbSet<Imi.Infrastructure.Requests.AttachmentContent> AttachmentContents => Set<Imi.Infrastructure.Requests.AttachmentContent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Imi.Domain.Setup.KeywordRequest> KeywordRequests => Set<Imi.Domain.Setup.KeywordRequest>();
    /// <summary>IMI users: the person, their authority, roles and preferred language (the domain's <see cref="User"/>).</summary>
    public DbSet<User> ImiUsers => Set<User>();
    /// <summary>Sign-in accounts of the same users (same id): password hash, security code, lockout. Identity's own set.</summary>
    public DbSet<Account> Accounts => Users;

    public DbSet<Imi.Infrastructure.Performance.ExchangeFact> ExchangeFacts => Set<Imi.Infrastructure.Performance.ExchangeFact>();
    public DbSet<Imi.Infrastructure.Performance.PerformanceByAuthority> PerformanceByAuthority => Set<Imi.Infrastructure.Performance.PerformanceByAuthority>();
    public DbSet<Imi.Infrastructure.Performance.PerformanceByCountry> PerformanceByCountry => Set<Imi.Infrastructure.Performance.PerformanceByCountry>();

    public DbSet<Imi.Infrastructure.Performance.WeeklyDigest> WeeklyDigests => Set<Imi.Infrastructure.Performance.WeeklyDigest>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves, and reports "changed by someone else" as a <see cref="DbUpdateConcurrencyException"/>
    /// even when the other writer's change surfaces first as a clash on a child row (say both added
    /// the same translation): the aggregate's revision is the judge.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Every save of an exchange keeps its row of the figures in the same save (one transaction): no path can forget it.
        await Imi.Infrastructure.Performance.ExchangeFacts.TrackAsync(this, cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && Database.CurrentTransaction is null)
        {
            var stale = 0;
            foreach (var entry in ChangeTracker.Entries<Imi.Domain.Common.AggregateRoot>().Where(x => x.State == EntityState.Modified))
            {
                var current = await entry.GetDatabaseValuesAsync(cancellationToken);
                if (current is null || !Equals(current[nameof(Imi.Domain.Common.AggregateRoot.Revision)],
                        entry.OriginalValues[nameof(Imi.Domain.Common.AggregateRoot.Revision)]))
                    stale++;
            }
            if (stale > 0)
                throw new DbUpdateConcurrencyException("The data was changed by someone else since it was read.", e);
            throw;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("citext");
        builder.HasSequence<long>("information_request_numbers");
        builder.Entity<Account>().ToTable("accounts");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("account_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(ImiDbContext).Assembly);
    }
}
