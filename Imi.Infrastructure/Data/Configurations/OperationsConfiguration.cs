using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Imi.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.ToAddress).HasMaxLength(254);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Kind).HasMaxLength(60);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.Secret).HasMaxLength(200);
        // The sender's query: what is due, oldest first.
        b.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'Pending'");
    }
}

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> b)
    {
        b.ToTable("sign_in_attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.UnknownUsernameHash).HasMaxLength(64);
        b.Property(a => a.RemoteAddress).HasMaxLength(64);
        b.HasIndex(a => new { a.UserId, a.At });
    }
}

internal sealed class ReferenceDataFileConfiguration : IEntityTypeConfiguration<Imi.Infrastructure.ReferenceData.ReferenceDataFile>
{
    public void Configure(EntityTypeBuilder<Imi.Infrastructure.ReferenceData.ReferenceDataFile> b)
    {
        b.ToTable("reference_data_files");
        b.HasKey(f => f.FileName);
        b.Property(f => f.FileName).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
    }
}
