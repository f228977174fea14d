using Imi.Domain.Common;
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
            ToAddress = TextInput.Line(toAddress),
            ToName = string.IsNullOrWhiteSpace(toName) ? null : TextInput.Line(toName),
            Subject = TextInput.Line(content.Subject),
            TextBody = TextInput.Block(content.TextBody),
            Secret = content.Secret,
            Kind = kind,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = OutboxStatus.Pending,
        });
    }
}

/// <summary>
/// A rendered e-mail in the recipient's language. <paramref name="Secret"/>: a text in the body the
/// outbox must not keep once the mail has gone (a temporary password).
/// </summary>
public sealed record MailMessageContent(string Subject, string TextBody, string? Secret = null);
