using Imi.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Imi.Infrastructure.Data.Configurations;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(2);
        b.Property(c => c.EnglishName).HasMaxLength(100);
        b.Property(c => c.NativeName).HasMaxLength(100);
        b.Property(c => c.Names).HasJsonConversion();
    }
}

internal sealed class LanguageConfiguration : IEntityTypeConfiguration<Language>
{
    public void Configure(EntityTypeBuilder<Language> b)
    {
        b.HasKey(l => l.Code);
        b.Property(l => l.Code).HasMaxLength(2);
        b.Property(l => l.EnglishName).HasMaxLength(100);
        b.Property(l => l.NativeName).HasMaxLength(100);
        b.Property(l => l.Names).HasJsonConversion();
    }
}

internal sealed class LegislativeAreaConfiguration : IEntityTypeConfiguration<LegislativeArea>
{
    public void Configure(EntityTypeBuilder<LegislativeArea> b)
    {
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasMaxLength(40);
        b.Property(a => a.Instrument).HasMaxLength(100);
        b.Property(a => a.Names).HasJsonConversion();
        b.Property(a => a.PersonalDataRule).HasConversion<string>().HasMaxLength(40).HasDefaultValue(PersonalDataRule.DeleteAfterSixMonths).HasSentinel((PersonalDataRule)(-1));
    }
}

internal sealed class KeywordListConfiguration : IEntityTypeConfiguration<KeywordList>
{
    public void Configure(EntityTypeBuilder<KeywordList> b)
    {
        b.HasKey(l => l.Code);
        b.Property(l => l.Code).HasMaxLength(40);
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.Names).HasJsonConversion();
        b.HasOne<LegislativeArea>().WithMany().HasForeignKey(l => l.LegislativeAreaCode);
        b.HasMany(l => l.Keywords).WithOne().HasForeignKey(k => k.ListCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeywordConfiguration : IEntityTypeConfiguration<Keyword>
{
    public void Configure(EntityTypeBuilder<Keyword> b)
    {
        b.HasKey(k => new { k.ListCode, k.Code });
        b.Property(k => k.Code).HasMaxLength(Keyword.CodeMaxLength);
        b.Property(k => k.ParentCode).HasMaxLength(Keyword.CodeMaxLength);
        b.Property(k => k.Labels).HasJsonConversion();
    }
}

internal sealed class QuestionSetConfiguration : IEntityTypeConfiguration<QuestionSet>
{
    public void Configure(EntityTypeBuilder<QuestionSet> b)
    {
        b.HasKey(q => new { q.Code, q.Version });
        b.Property(q => q.Code).HasMaxLength(40);
        b.Property(q => q.Titles).HasJsonConversion();
        // Questions are read and replaced as a whole with their set: one jsonb document.
        b.Property(q => q.Questions).HasJsonConversion();
        b.HasOne<LegislativeArea>().WithMany().HasForeignKey(q => q.LegislativeAreaCode);
    }
}
