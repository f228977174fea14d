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
    public DbSet<User> DomainUsers => Set<User>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("citext");
        builder.Entity<Account>().ToTable("accounts");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("account_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(ImiDbContext).Assembly);
    }
}
