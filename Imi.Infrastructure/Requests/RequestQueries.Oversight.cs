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

/// <summary>An exchange of an authority the user's authority oversees (linked to it, or its request coordinator), without content.</summary>
public sealed record OversightItem(Guid Id, string Reference, string AreaCode, RequestStatus Status, PartyInfo Requester, PartyInfo? Responder,
    DateOnly? AnswerDate, DateTimeOffset LastActivityAt);

// The exchanges of the authorities this one oversees.
public sealed partial class RequestQueries
{
    /// The exchanges of the authorities the user's authority oversees: those that linked it (step 4)
    /// and those it is request coordinator of, in that area (step 5). An overview only; the rows
    /// are the ones <see cref="ExchangeAccess"/> lets it open.
    /// </summary>
    public async Task<IReadOnlyList<OversightItem>> OversightAsync(Guid userId, int take = 100, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var me = actor.AuthorityId;
        var linkedBy = await db.Authorities.AsNoTracking().Where(a => a.LinkedAuthorities.Any(l => l.LinkedAuthorityId == me)).Select(a => a.Id).ToListAsync(ct);
        var coordinated = await db.Authorities.AsNoTracking()
            .SelectMany(a => a.RequestCoordinators.Where(c => c.CoordinatorId == me).Select(c => new { a.Id, c.LegislativeAreaCode }))
            .ToListAsync(ct);
        var overseen = linkedBy.Concat(coordinated.Select(c => c.Id)).Distinct().ToList();
        if (overseen.Count == 0)
            return [];
        bool Oversees(Guid? authority, string area) => authority is { } id
            && (linkedBy.Contains(id) || coordinated.Any(c => c.Id == id && c.LegislativeAreaCode == area));
        var shared = RequestWorkflow.Shared.ToArray();
        var reachedResponder = RequestWorkflow.VisibleToResponder.ToArray();
        var rows = await db.Requests.AsNoTracking()
            .Where(r => shared.Contains(r.Status) && r.RequestingAuthorityId != me && r.RespondingAuthorityId != me
                        && (overseen.Contains(r.RequestingAuthorityId)
                            || (overseen.Contains(r.RespondingAuthorityId!.Value) && reachedResponder.Contains(r.Status))))
            .OrderByDescending(r => r.LastActivityAt).Take(take * 2)
            .Select(r => new { r.Id, r.Number, r.LegislativeAreaCode, r.Status, r.RequestingAuthorityId, r.RespondingAuthorityId, r.AgreedAnswerDate, r.RequestedAnswerDate, r.LastActivityAt })
            .ToListAsync(ct);
        rows = rows.Where(r => Oversees(r.RequestingAuthorityId, r.LegislativeAreaCode)
                               || (RequestWorkflow.HasReachedResponder(r.Status) && Oversees(r.RespondingAuthorityId, r.LegislativeAreaCode)))
            .Take(take).ToList();
        var ids = rows.SelectMany(r => new[] { r.RequestingAuthorityId, r.RespondingAuthorityId ?? Guid.Empty }).Distinct().ToList();
        var parties = await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        return rows.Select(r => new OversightItem(r.Id, $"IMI-{r.Number:000000}", r.LegislativeAreaCode, r.Status,
            parties.GetValueOrDefault(r.RequestingAuthorityId) ?? new PartyInfo(r.RequestingAuthorityId, "", ""),
            r.RespondingAuthorityId is { } rid ? parties.GetValueOrDefault(rid) : null,
            r.AgreedAnswerDate ?? r.RequestedAnswerDate, r.LastActivityAt)).ToList();
    }
}
