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

/// <summary>An authority as an exchange names it: its informal title in the original, and its country.</summary>
public sealed record PartyInfo(Guid Id, string Title, string CountryCode);

public sealed record HandlerOption(Guid UserId, string Name);

public sealed record AttachmentView(Guid Id, string FileName, long Size, AttachmentSide Side);

/// <summary>
/// The read side of exchanges. Who sees what is decided by <see cref="ExchangeAccess"/> and enforced
/// here, on the server: personal data is only read for a full view, and every such read is logged.
/// </summary>
public sealed partial class RequestQueries(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock)
{
    private static async Task<ViewerRelations> RelationsAsync(ImiDbContext db, Actor actor, InformationRequest r, CancellationToken ct)
    {
        // The responder's links and coordinators count only once the request has reached the responder:
        // a request still waiting for the requester's coordinator is none of their business.
        var partyIds = new[] { r.RequestingAuthorityId, RequestWorkflow.HasReachedResponder(r.Status) ? r.RespondingAuthorityId ?? Guid.Empty : Guid.Empty };
        var parties = await db.Authorities.AsNoTracking().Where(a => partyIds.Contains(a.Id)).ToListAsync(ct);
        var linked = parties.Any(p => p.LinkedAuthorities.Any(l => l.LinkedAuthorityId == actor.AuthorityId));
        var coordinatorLinks = parties.SelectMany(p => p.RequestCoordinators)
            .Where(c => c.CoordinatorId == actor.AuthorityId && c.LegislativeAreaCode == r.LegislativeAreaCode).ToList();
        var scope = await Performance.PerformanceScopes.OfAsync(db, actor.AuthorityId, ct);
        var coordinates = scope.IsCoordinator && parties.Any(p => p.Id != actor.AuthorityId && scope.Covers(p.Id, p.CountryCode, r.LegislativeAreaCode));
        return new ViewerRelations(linked, coordinatorLinks.Count > 0, coordinatorLinks.Any(c => c.FullView), coordinates);
    }

    private static string Clip(string detail) => detail.Length <= 1000 ? detail : detail[..1000];

    private static string Pick(Dictionary<string, string> texts, string language) =>
        texts.GetValueOrDefault(language) ?? texts.GetValueOrDefault("en") ?? texts.Values.FirstOrDefault() ?? "";
}
