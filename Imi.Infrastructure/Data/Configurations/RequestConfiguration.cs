using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Imi.Domain.Requests;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Imi.Infrastructure.Data.Configurations;

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.ToTable("information_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.Property(r => r.Number).HasDefaultValueSql("nextval('information_request_numbers')").ValueGeneratedOnAdd();
        b.HasIndex(r => r.Number).IsUnique();
        b.Ignore(r => r.Reference);
        b.Property(r => r.LegislativeAreaCode).HasMaxLength(40);
        b.HasOne<LegislativeArea>().WithMany().HasForeignKey(r => r.LegislativeAreaCode);
        b.Property(r => r.QuestionSetCode).HasMaxLength(40);
        b.HasOne<QuestionSet>().WithMany().HasForeignKey(r => new { r.QuestionSetCode, r.QuestionSetVersion }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Authority>().WithMany().HasForeignKey(r => r.RequestingAuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Authority>().WithMany().HasForeignKey(r => r.RespondingAuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.ResumeStatus).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Comment).HasJsonConversion();
        // Personal data of the subject: read only by queries that checked the reader is a party.
        b.Property(r => r.Subject).HasJsonConversion();
        b.Property(r => r.RequesterOversight).HasJsonConversion();
        b.Property(r => r.ResponderSettings).HasJsonConversion();
        b.Property(r => r.Referral).HasJsonConversion();
        b.Property(r => r.Rating).HasJsonConversion();
        b.Property<List<RequestQuestion>>("_questions").HasColumnName("questions").HasJsonConversion();
        b.Ignore(r => r.Questions);
        b.Property<List<TimelineEntry>>("_timeline").HasColumnName("timeline").HasJsonConversion();
        b.Ignore(r => r.Timeline);
        b.Property<List<Guid>>("_allocatedHandlerIds").HasColumnName("allocated_handler_ids");
        b.Ignore(r => r.AllocatedHandlerIds);

        // The oversight, flattened by the database for the action lists' indexes.
        b.Property<Guid?>("RequestApproverId").HasComputedColumnSql("(requester_oversight ->> 'approverAuthorityId')::uuid", stored: true);
        b.Property<Guid?>("ReplyApproverId").HasComputedColumnSql("(responder_settings ->> 'replyApproverAuthorityId')::uuid", stored: true);
        b.Property<Guid?>("RequesterRefereeId").HasComputedColumnSql("(requester_oversight -> 'referee' ->> 'authorityId')::uuid", stored: true);
        b.Property<Guid?>("ResponderRefereeId").HasComputedColumnSql("(responder_settings -> 'referee' ->> 'authorityId')::uuid", stored: true);

        // Reminders sent (infrastructure only: the domain does not care).
        b.Property<DateOnly?>("NearReminderFor");
        b.Property<DateOnly?>("OverdueReminderFor");

        b.OwnsMany(r => r.Attachments, a =>
        {
            a.ToTable("request_attachments");
            a.WithOwner().HasForeignKey("RequestId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.FileName).HasMaxLength(255);
            a.Property(x => x.ContentType).HasMaxLength(100);
            a.Property(x => x.Side).HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(r => r.Attachments).HasField("_attachments");

        // The action lists: what waits for each side, newest activity first.
        b.HasIndex(r => new { r.RespondingAuthorityId, r.Status, r.LastActivityAt });
        b.HasIndex(r => new { r.RequestingAuthorityId, r.Status, r.LastActivityAt });
        b.HasIndex("RequestApproverId", nameof(InformationRequest.Status)).HasFilter("status = 'AwaitingApproval'");
        b.HasIndex("ReplyApproverId", nameof(InformationRequest.Status)).HasFilter("status = 'ReplyAwaitingApproval'");
        b.HasIndex("RequesterRefereeId").HasFilter("status = 'InReferral'");
        b.HasIndex("ResponderRefereeId").HasFilter("status = 'InReferral'");
        // Retention: closed exchanges whose personal data is still there.
        b.HasIndex(r => r.ClosedAt).HasFilter("personal_data_erased_at IS NULL AND status = 'Closed'");
        // Reminders: open exchanges by answer date.
        b.HasIndex(r => r.AgreedAnswerDate).HasFilter("status IN ('Sent', 'Accepted', 'AdditionalInformationRequested')");
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.ToTable("attachment_contents");
        b.HasKey(c => c.AttachmentId);
        b.HasOne<InformationRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.Detail).HasMaxLength(1000);
        b.HasIndex(e => new { e.RequestId, e.At });
        b.HasIndex(e => new { e.UserId, e.At });
        b.HasIndex(e => new { e.AuthorityId, e.At });
    }
}
