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
    /// <summary>
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
        if (linkedBy.Count == 0 && coordinated.Count == 0)
            return [];
        // On the exchanges' facts (one row per exchange that left its draft; the responder only once it has the request), by
        // index, newest step first: right at any size. An area-bound relation matches authority and area together.
        var coordinatedIds = coordinated.Select(c => c.Id).Distinct().ToList();
        var pairs = coordinated.Select(c => c.Id + "|" + c.LegislativeAreaCode).ToList();
        var rows = await db.ExchangeFacts.AsNoTracking()
            .Where(f => f.RequesterId != me && f.ResponderId != me
                        && (linkedBy.Contains(f.RequesterId) || linkedBy.Contains(f.ResponderId!.Value)
                            || (coordinatedIds.Contains(f.RequesterId) && pairs.Contains(f.RequesterId.ToString() + "|" + f.AreaCode))
                            || (coordinatedIds.Contains(f.ResponderId!.Value) && pairs.Contains(f.ResponderId.Value.ToString() + "|" + f.AreaCode))))
            .OrderByDescending(f => f.LastActivityAt).Take(take)
            .Join(db.Requests, f => f.Id, r => r.Id, (f, r) => new { f.Id, r.Number, f.AreaCode, f.Status, f.RequesterId, f.ResponderId, f.AgreedAnswerDate, f.LastActivityAt })
            .ToListAsync(ct);
        var ids = rows.SelectMany(r => new[] { r.RequesterId, r.ResponderId ?? Guid.Empty }).Distinct().ToList();
        var parties = await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        return rows.Select(r => new OversightItem(r.Id, InformationRequest.ReferenceOf(r.Number), r.AreaCode, r.Status,
            parties.GetValueOrDefault(r.RequesterId) ?? new PartyInfo(r.RequesterId, "", ""),
            r.ResponderId is { } rid ? parties.GetValueOrDefault(rid) : null,
            r.AgreedAnswerDate, r.LastActivityAt)).ToList();
    }
}
