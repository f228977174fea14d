using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Imi.Domain.Setup;
using Imi.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Imi.Infrastructure.Data.Configurations;

internal sealed class KeywordRequestConfiguration : IEntityTypeConfiguration<KeywordRequest>
{
    public void Configure(EntityTypeBuilder<KeywordRequest> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.HasOne<Authority>().WithMany().HasForeignKey(r => r.AuthorityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.AskedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeywordList>().WithMany().HasForeignKey(r => r.ListCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.ListCode).HasMaxLength(40);
        b.Property(r => r.Proposal).HasMaxLength(KeywordProposal.MaxLength);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DeclineReason).HasMaxLength(KeywordRequest.ReasonMaxLength);
        b.Property(r => r.KeywordCode).HasMaxLength(Keyword.CodeMaxLength);
        b.HasIndex(r => new { r.State, r.AuthorityId });
    }
}
