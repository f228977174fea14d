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

public sealed record OverviewItem(Guid Id, string Reference, string AreaCode, RequestStatus Status, bool Outgoing, PartyInfo Other,
    DateTimeOffset? SentAt, DateOnly? AnswerDate, DateTimeOffset LastActivityAt);

// The overview of the authority's own exchanges.
public sealed partial class RequestQueries
{
    /// <summary>How many exchanges the overview shows at a time.</summary>
    public const int OverviewPageSize = 50;

    /// <summary>Every exchange of the user's authority (any user of it: basic users included), newest first, without any content.</summary>
    public async Task<(IReadOnlyList<OverviewItem> Items, int Total)> OverviewAsync(Guid userId, string? areaCode, RequestStatus? status, int page = 1, int pageSize = OverviewPageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadHandlerAsync(db, userId, clock.GetUtcNow(), ct);
        var me = actor.AuthorityId;
        var shared = RequestWorkflow.Shared.ToArray();
        var reachedResponder = RequestWorkflow.VisibleToResponder.ToArray();
        var query = db.Requests.AsNoTracking().Where(r => (r.RequestingAuthorityId == me && shared.Contains(r.Status))
            || (r.RespondingAuthorityId == me && reachedResponder.Contains(r.Status)));
        if (areaCode is not null)
            query = query.Where(r => r.LegislativeAreaCode == areaCode);
        if (status is not null)
            query = query.Where(r => r.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.LastActivityAt).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.Id, r.Number, r.LegislativeAreaCode, r.Status, r.RequestingAuthorityId, r.RespondingAuthorityId, r.SentAt, r.AgreedAnswerDate, r.RequestedAnswerDate, r.LastActivityAt })
            .ToListAsync(ct);
        var otherIds = rows.Select(r => r.RequestingAuthorityId == me ? r.RespondingAuthorityId ?? Guid.Empty : r.RequestingAuthorityId).Distinct().ToList();
        var others = await db.Authorities.AsNoTracking().Where(a => otherIds.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        return (rows.Select(r =>
        {
            var outgoing = r.RequestingAuthorityId == me;
            var other = outgoing ? r.RespondingAuthorityId ?? Guid.Empty : r.RequestingAuthorityId;
            return new OverviewItem(r.Id, $"IMI-{r.Number:000000}", r.LegislativeAreaCode, r.Status, outgoing,
                others.GetValueOrDefault(other) ?? new PartyInfo(other, "", ""), r.SentAt, r.AgreedAnswerDate ?? r.RequestedAnswerDate, r.LastActivityAt);
        }).ToList(), total);
    }

    /// <summary>
}
