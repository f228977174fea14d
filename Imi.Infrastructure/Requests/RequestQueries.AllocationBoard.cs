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

/// <summary>One open request on the allocation board.</summary>
public sealed record BoardCard(Guid Id, string Reference, int Revision, RequestStatus Status, PartyInfo Requester,
    DateOnly? AnswerDate, IReadOnlyList<Guid> AllocatedTo);

/// <summary>The allocation board of one area: the open requests received, and the handlers they can go to.</summary>
public sealed record AllocationBoard(string AreaCode, string AreaName, IReadOnlyList<HandlerOption> Handlers, IReadOnlyList<BoardCard> Cards);

// The allocation board of an allocator.
public sealed partial class RequestQueries
{
    /// <summary>
    /// For an allocator: per area where it allocates and its authority has allocation on, the open
    /// requests received and the request handlers of the area.
    /// </summary>
    public async Task<IReadOnlyList<AllocationBoard>> AllocationBoardsAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var me = actor.AuthorityId;
        var allocatorAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.Allocator).Select(r => r.LegislativeAreaCode).ToList();
        var areas = await db.Authorities.AsNoTracking().Where(a => a.Id == me)
            .SelectMany(a => a.Areas.Where(x => x.AllocationEnabled && allocatorAreas.Contains(x.LegislativeAreaCode)).Select(x => x.LegislativeAreaCode))
            .ToListAsync(ct);
        if (areas.Count == 0)
            return [];
        // On the board: what can still be allocated (the workflow says in which states).
        var open = RequestWorkflow.StatesAllowing(RequestAction.Allocate).ToArray();
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.RespondingAuthorityId == me && areas.Contains(r.LegislativeAreaCode) && open.Contains(r.Status))
            .OrderBy(r => r.AgreedAnswerDate).Take(500)
            .Select(r => new { r.Id, r.Number, r.Revision, r.Status, r.LegislativeAreaCode, r.RequestingAuthorityId, r.AgreedAnswerDate,
                Allocated = EF.Property<List<Guid>>(r, "_allocatedHandlerIds") })
            .ToListAsync(ct);
        var requesterIds = rows.Select(r => r.RequestingAuthorityId).Distinct().ToList();
        var requesters = await db.Authorities.AsNoTracking().Where(a => requesterIds.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        var handlers = await db.ImiUsers.AsNoTracking().Where(u => u.AuthorityId == me)
            .SelectMany(u => u.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler && areas.Contains(r.LegislativeAreaCode))
                .Select(r => new { r.LegislativeAreaCode, u.Id, u.GivenName, u.FamilyName }))
            .ToListAsync(ct);
        var names = await db.LegislativeAreas.AsNoTracking().Where(a => areas.Contains(a.Code)).ToListAsync(ct);
        return names.OrderBy(a => a.Code).Select(area => new AllocationBoard(area.Code, area.NameIn(user.PreferredLanguageCode),
                handlers.Where(h => h.LegislativeAreaCode == area.Code).Select(h => new HandlerOption(h.Id, $"{h.GivenName} {h.FamilyName}")).OrderBy(h => h.Name).ToList(),
                rows.Where(r => r.LegislativeAreaCode == area.Code).Select(r => new BoardCard(r.Id, $"IMI-{r.Number:000000}", r.Revision, r.Status,
                    requesters.GetValueOrDefault(r.RequestingAuthorityId) ?? new PartyInfo(r.RequestingAuthorityId, "", ""),
                    r.AgreedAnswerDate, r.Allocated)).ToList()))
            .ToList();
    }
}
