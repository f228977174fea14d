using Imi.Infrastructure.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Imi.Infrastructure.Data.Configurations;

internal sealed class ExchangeFactConfiguration : IEntityTypeConfiguration<ExchangeFact>
{
    public void Configure(EntityTypeBuilder<ExchangeFact> b)
    {
        b.ToTable("exchange_facts");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasOne<Imi.Domain.Requests.InformationRequest>().WithOne().HasForeignKey<ExchangeFact>(f => f.Id).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.AreaCode).HasMaxLength(40);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(f => f.RequesterCountry).HasMaxLength(2);
        b.Property(f => f.ResponderCountry).HasMaxLength(2);
        // The urgency list: the open exchanges (urgent_from is null once closed) of a scope, those urgent first; each side of a
        // scope (responder, requester; by country or by authority and area) read in order from its own index, id included so
        // that choosing the page needs no table rows.
        b.HasIndex(f => new { f.ResponderCountry, f.UrgentFrom }).IncludeProperties(f => new { f.Id, f.AreaCode, f.ResponderId })
            .HasFilter("urgent_from IS NOT NULL").HasDatabaseName("ix_exchange_facts_urgent_responder_country");
        b.HasIndex(f => new { f.RequesterCountry, f.UrgentFrom }).IncludeProperties(f => new { f.Id, f.AreaCode, f.RequesterId })
            .HasFilter("urgent_from IS NOT NULL").HasDatabaseName("ix_exchange_facts_urgent_requester_country");
        b.HasIndex(f => new { f.ResponderId, f.AreaCode, f.UrgentFrom }).IncludeProperties(f => f.Id)
            .HasFilter("urgent_from IS NOT NULL").HasDatabaseName("ix_exchange_facts_urgent_responder");
        b.HasIndex(f => new { f.RequesterId, f.AreaCode, f.UrgentFrom }).IncludeProperties(f => f.Id)
            .HasFilter("urgent_from IS NOT NULL").HasDatabaseName("ix_exchange_facts_urgent_requester");
        b.HasIndex(f => f.UrgentFrom).IncludeProperties(f => new { f.Id, f.AreaCode })
            .HasFilter("urgent_from IS NOT NULL").HasDatabaseName("ix_exchange_facts_urgent");
        // Requests not yet accepted and within their days: not yet decided for the acceptance indicator.
        b.HasIndex(f => f.AcceptBy).HasFilter("accepted_at IS NULL AND received_at IS NOT NULL").HasDatabaseName("ix_exchange_facts_awaiting_acceptance");
        // The oversight list: an authority's exchanges, latest step first.
        b.HasIndex(f => new { f.RequesterId, f.LastActivityAt }).HasDatabaseName("ix_exchange_facts_requester_activity");
        b.HasIndex(f => new { f.ResponderId, f.LastActivityAt }).HasDatabaseName("ix_exchange_facts_responder_activity");
    }
}

internal sealed class PerformanceByAuthorityConfiguration : IEntityTypeConfiguration<PerformanceByAuthority>
{
    public void Configure(EntityTypeBuilder<PerformanceByAuthority> b)
    {
        b.ToTable("performance_by_authority");
        b.HasKey(p => new { p.AuthorityId, p.AreaCode, p.Month });
        b.Property(p => p.AreaCode).HasMaxLength(40);
        b.Property(p => p.CountryCode).HasMaxLength(2);
        b.HasIndex(p => new { p.CountryCode, p.Month });
    }
}

internal sealed class PerformanceByCountryConfiguration : IEntityTypeConfiguration<PerformanceByCountry>
{
    public void Configure(EntityTypeBuilder<PerformanceByCountry> b)
    {
        b.ToTable("performance_by_country");
        b.HasKey(p => new { p.CountryCode, p.AreaCode, p.Month });
        b.Property(p => p.AreaCode).HasMaxLength(40);
        b.Property(p => p.CountryCode).HasMaxLength(2);
        b.HasIndex(p => p.Month);
    }
}

internal sealed class WeeklyDigestConfiguration : IEntityTypeConfiguration<WeeklyDigest>
{
    public void Configure(EntityTypeBuilder<WeeklyDigest> b)
    {
        b.ToTable("weekly_digests");
        b.HasKey(d => new { d.UserId, d.Week });
        b.HasOne<Imi.Domain.Users.User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
