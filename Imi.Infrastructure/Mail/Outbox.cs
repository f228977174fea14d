using Imi.Infrastructure.Data;

namespace Imi.Infrastructure.Mail;

/// <summary>
/// Puts e-mails into the outbox of the given context: they are saved (or not) with the change
/// that causes them, by the same SaveChanges, in the same transaction.
/// </summary>
public sealed class Outbox(TimeProvider clock)
{
    public void Enqueue(ImiDbContext db, MailMessageContent content, string toAddress, string? toName, string kind)
    {
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            ToAddress = toAddress,
            ToName = toName,
            Subject = content.Subject,
            TextBody = content.TextBody,
            Kind = kind,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = OutboxStatus.Pending,
        });
    }
}

/// <summary>A rendered e-mail in the recipient's language.</summary>
public sealed record MailMessageContent(string Subject, string TextBody);
