using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.Setup;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Requests;

// Attachment downloads: the bytes, for the two authorities' handlers only.
public sealed partial class RequestQueries
{
    /// <summary>
    /// How long a justified look at blocked personal data lets its reader download the files: the
    /// justification is given once on the exchange page (logged there) and is never put in a URL.
    /// </summary>
    public static readonly TimeSpan BlockedDataGrantLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The bytes of an attachment, for the two authorities' handlers only; the read is logged. Blocked
    /// data needs a grant: the reader retrieved it with a justification in the last <see cref="BlockedDataGrantLifetime"/>.
    /// </summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> AttachmentAsync(Guid userId, Guid requestId, Guid attachmentId,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadHandlerAsync(db, userId, clock.GetUtcNow(), ct);
        var r = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        if (r is null || ExchangeAccess.ViewFor(actor, r, ViewerRelations.None) != ExchangeView.Full
            || r.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment)
            throw new NotPermittedException(Refusals.Attachments.NotVisible);
        var now = clock.GetUtcNow();
        string? justification = null;
        if (r.PersonalDataBlockedAt is not null)
        {
            var since = now - BlockedDataGrantLifetime;
            var grant = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Kind == AuditKind.BlockedPersonalDataRetrieved && e.UserId == userId && e.RequestId == requestId && e.At >= since)
                .OrderByDescending(e => e.At).Select(e => e.Detail).FirstOrDefaultAsync(ct)
                ?? throw new NotPermittedException(Refusals.Attachments.NotVisible);
            justification = grant.StartsWith(r.Reference + ": ", StringComparison.Ordinal) ? grant[(r.Reference.Length + 2)..] : grant;
        }
        var content = await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Content).SingleAsync(ct);
        db.AuditEntries.Add(new AuditEntry { At = now, Kind = AuditKind.AttachmentRead, UserId = userId, RequestId = r.Id,
            Detail = Clip(justification is null ? attachment.FileName : $"{attachment.FileName} (blocked data: {justification})") });
        await db.SaveChangesAsync(ct);
        return (attachment.FileName, attachment.ContentType, content);
    }
}
