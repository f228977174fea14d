using System.Security.Claims;
using Imi.Domain.Common;
using Imi.Infrastructure.Requests;

namespace Imi.Portal.Account;

/// <summary>
/// Downloads of exchange attachments: the same rule as the exchange page (the two authorities' handlers), logged.
/// Blocked files need a justification given on the exchange page shortly before; the URL never carries it.
/// </summary>
public static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/requests/{requestId:guid}/attachments/{attachmentId:guid}", async (Guid requestId, Guid attachmentId, ClaimsPrincipal user, RequestQueries queries, CancellationToken ct) =>
        {
            if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                return Results.Unauthorized();
            try
            {
                var (fileName, contentType, content) = await queries.AttachmentAsync(userId, requestId, attachmentId, ct);
                return Results.File(content, contentType, fileName);
            }
            catch (NotPermittedException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
}
