using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Imi.Infrastructure.Data.Configurations;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.Property(a => a.CountryCode).HasMaxLength(2);
        b.HasOne<Country>().WithMany().HasForeignKey(a => a.CountryCode);
        b.Property(a => a.OfficialTitle).HasMaxLength(OfficialTitle.MaxLength);
        b.Property(a => a.OriginalLanguageCode).HasMaxLength(2);
        b.HasOne<Language>().WithMany().HasForeignKey(a => a.OriginalLanguageCode);
        b.Property(a => a.InformalTitle).HasMaxLength(InformalTitle.MaxLength);
        b.Property(a => a.ShortProfile).HasMaxLength(ShortProfile.MaxLength);
        b.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.CoordinatorType).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.CoordinationRegion).HasMaxLength(Authority.RegionMaxLength);
        b.Property(a => a.Applicant).HasJsonConversion();
        b.Property(a => a.ApplicationReason).HasMaxLength(Authority.ReasonMaxLength);
        b.Property(a => a.RejectionReason).HasMaxLength(Authority.ReasonMaxLength);
        b.Property(a => a.Email).HasMaxLength(Imi.Domain.Common.EmailAddress.MaxLength);
        b.HasOne<Authority>().WithMany().HasForeignKey(a => a.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
        b.Property<List<string>>("_languagesUnderstood").HasColumnName("languages_understood");
        b.Ignore(a => a.LanguagesUnderstood);
        b.HasIndex(a => a.CountryCode);

        b.ComplexProperty(a => a.Contact, c =>
        {
            c.Property(x => x.Street).HasMaxLength(ContactDetails.LineMaxLength);
            c.Property(x => x.PostalCode).HasMaxLength(ContactDetails.LineMaxLength);
            c.Property(x => x.City).HasMaxLength(ContactDetails.LineMaxLength);
            c.Property(x => x.Region).HasMaxLength(ContactDetails.LineMaxLength);
            c.Property(x => x.Phone).HasMaxLength(ContactDetails.PhoneMaxLength);
            c.Property(x => x.Website).HasMaxLength(ContactDetails.WebsiteMaxLength);
        });

        b.OwnsMany(a => a.Translations, t =>
        {
            t.ToTable("authority_translations");
            t.WithOwner().HasForeignKey("AuthorityId");
            t.HasKey("AuthorityId", nameof(AuthorityTranslation.LanguageCode));
            t.Property(x => x.LanguageCode).HasMaxLength(2);
            t.Property(x => x.InformalTitle).HasMaxLength(InformalTitle.MaxLength);
            t.Property(x => x.ShortProfile).HasMaxLength(ShortProfile.MaxLength);
            t.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(a => a.Translations).HasField("_translations");

        b.OwnsMany(a => a.Areas, t =>
        {
            t.ToTable("authority_areas");
            t.WithOwner().HasForeignKey("AuthorityId");
            t.HasKey("AuthorityId", nameof(AreaAccess.LegislativeAreaCode));
            t.Property(x => x.LegislativeAreaCode).HasMaxLength(40);
            t.Property(x => x.Department).HasMaxLength(AreaAccess.DepartmentMaxLength);
            t.Property(x => x.Referral).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.AutomaticAllocation).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Imi.Domain.Allocation.AllocationMode.Manual);
            t.Property(x => x.CoordinatorId); // null: the authority's own coordinator (decision 010)
            t.HasOne<LegislativeArea>().WithMany().HasForeignKey(x => x.LegislativeAreaCode);
        });
        b.Navigation(a => a.Areas).HasField("_areas");

        b.OwnsMany(a => a.Keywords, t =>
        {
            t.ToTable("authority_keywords");
            t.WithOwner().HasForeignKey("AuthorityId");
            t.HasKey("AuthorityId", nameof(AuthorityKeyword.ListCode), nameof(AuthorityKeyword.KeywordCode));
            t.Property(x => x.ListCode).HasMaxLength(40);
            t.Property(x => x.KeywordCode).HasMaxLength(Keyword.CodeMaxLength);
            t.HasOne<Keyword>().WithMany().HasForeignKey(x => new { x.ListCode, x.KeywordCode }).OnDelete(DeleteBehavior.Restrict);
            // Search by keyword (issue 4): which authorities chose this keyword.
            t.HasIndex(x => new { x.ListCode, x.KeywordCode });
        });
        b.Navigation(a => a.Keywords).HasField("_keywords");

        b.OwnsMany(a => a.CompletedSteps, t =>
        {
            t.ToTable("authority_setup_steps");
            t.WithOwner().HasForeignKey("AuthorityId");
            t.HasKey("AuthorityId", nameof(CompletedSetupStep.Step));
        });
        b.Navigation(a => a.CompletedSteps).HasField("_completedSteps");

        b.OwnsMany(a => a.LinkedAuthorities, t =>
        {
            t.ToTable("authority_links");
            t.WithOwner().HasForeignKey("AuthorityId");
            t.HasKey("AuthorityId", nameof(LinkedAuthority.LinkedAuthorityId));
            t.HasOne<Authority>().WithMany().HasForeignKey(x => x.LinkedAuthorityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Navigation(a => a.LinkedAuthorities).HasField("_linkedAuthorities");

        b.OwnsMany(a => a.RequestCoordinators, t =>
        {
            t.ToTable("authority_request_coordinators");
            t.WithOwner().HasForeignKey("AuthorityId");
            t.HasKey("AuthorityId", nameof(RequestCoordinatorLink.LegislativeAreaCode), nameof(RequestCoordinatorLink.CoordinatorId));
            t.Property(x => x.LegislativeAreaCode).HasMaxLength(40);
            t.HasOne<Authority>().WithMany().HasForeignKey(x => x.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Navigation(a => a.RequestCoordinators).HasField("_requestCoordinators");
    }
}
