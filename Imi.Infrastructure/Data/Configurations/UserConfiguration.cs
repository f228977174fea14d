using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Users;
using Imi.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Imi.Infrastructure.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.HasKey(u => u.Id);
        b.Property(u => u.Revision).IsConcurrencyToken();
        b.HasOne<Authority>().WithMany().HasForeignKey(u => u.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithOne().HasForeignKey<Account>(a => a.Id).OnDelete(DeleteBehavior.Cascade);
        b.Property(u => u.Username).HasMaxLength(User.UsernameMaxLength);
        // citext: unique regardless of case, as the guide requires a different personal address per user.
        b.Property(u => u.Email).HasMaxLength(EmailAddress.MaxLength).HasColumnType("citext");
        b.Property(u => u.GivenName).HasMaxLength(User.NameMaxLength);
        b.Property(u => u.FamilyName).HasMaxLength(User.NameMaxLength);
        b.Property(u => u.Phone).HasMaxLength(User.PhoneMaxLength);
        b.Property(u => u.PreferredLanguageCode).HasMaxLength(2);
        b.HasOne<Language>().WithMany().HasForeignKey(u => u.PreferredLanguageCode);
        b.Ignore(u => u.DisplayName);
        b.HasIndex(u => u.Email).IsUnique();
        b.HasIndex(u => u.Username).IsUnique();
        b.HasIndex(u => u.AuthorityId);
        b.OwnsOne(u => u.Absence, a =>
        {
            a.Property(x => x.From).HasColumnName("absence_from");
            a.Property(x => x.To).HasColumnName("absence_to");
            a.Property(x => x.DeputyId).HasColumnName("absence_deputy_id");
        });

        b.OwnsMany(u => u.AreaRoles, r =>
        {
            r.ToTable("user_area_roles");
            r.WithOwner().HasForeignKey("UserId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.LegislativeAreaCode).HasMaxLength(40);
            r.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
            r.HasIndex("UserId", nameof(AreaRoleAssignment.LegislativeAreaCode), nameof(AreaRoleAssignment.Role)).IsUnique();
            r.HasOne<LegislativeArea>().WithMany().HasForeignKey(x => x.LegislativeAreaCode);
        });
        b.Navigation(u => u.AreaRoles).HasField("_areaRoles");
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.SecurityCodeHashes).HasColumnType("bytea");
    }
}
