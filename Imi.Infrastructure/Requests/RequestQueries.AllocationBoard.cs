using Imi.Infrastructure.UseCases;
using Imi.Domain.Allocation;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Allocation;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Requests;

/// <summary>
/// One open request on the allocation board. A board of 500 is kept in every allocator's live circuit: the reference is
/// made from the number when shown, and a card allocated to no one shares the empty list.
/// </summary>
public sealed record BoardCard(Guid Id, long Number, int Revision, RequestStatus Status, PartyInfo Requester,
    DateOnly? AnswerDate, IReadOnlyList<Guid> AllocatedTo)
{
    public string Reference => InformationRequest.ReferenceOf(Number);
}

/// <summary>
/// A column of the board: a request handler of the area with their open load (all areas), capacity,
/// recorded absence and deputy, and whether they are away today.
/// </summary>
public sealed record BoardHandler(Guid UserId, string Name, int OpenLoad, int? Capacity, Absence? Absence, string? DeputyName, bool AwayToday)
{
    public HandlerOption Option => new(UserId, Name);
}

/// <summary>The allocation board of one area: the open requests received, the handlers they can go to, and how new ones arrive.</summary>
public sealed record AllocationBoard(string AreaCode, string AreaName, AllocationMode Mode, IReadOnlyList<BoardHandler> Handlers, IReadOnlyList<BoardCard> Cards);

/// <summary>What the board proposes for a request, with the handler's name (the reasons are in <see cref="Suggestion"/>).</summary>
public sealed record BoardSuggestion(Guid RequestId, string HandlerName, AllocationSuggestion Suggestion);

/// <summary>
/// One request changed (here or on another instance): its card as a board shows it now (null: on no board of the
/// allocator any more — closed, answered, not theirs), and the open load of the board's handlers.
/// </summary>
public sealed record BoardUpdate(Guid RequestId, string? AreaCode, BoardCard? Card, IReadOnlyDictionary<Guid, int> Loads);

/// <summary>Who changed an exchange's allocation last, and whom it is with now (told to an allocator whose move came too late).</summary>
public sealed record AllocationNow(string Reference, int Revision, string? ChangedBy, IReadOnlyList<string> HandlerNames);

// The allocation board of an allocator.
public sealed partial class RequestQueries
{
    /// <summary>The most cards a board shows (the oldest answer dates first); filters narrow within them.</summary>
    public const int BoardCardLimit = 500;

    /// <summary>
    /// For an allocator: per area where it allocates and its authority has allocation on, the open
    /// requests received and the request handlers of the area, with their load and absences.
    /// </summary>
    public async Task<IReadOnlyList<AllocationBoard>> AllocationBoardsAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var me = actor.AuthorityId;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var allocatorAreas = actor.AreaRoles.Where(r => r.Role == AreaRole.Allocator).Select(r => r.LegislativeAreaCode).ToList();
        var areas = await db.Authorities.AsNoTracking().Where(a => a.Id == me)
            .SelectMany(a => a.Areas.Where(x => x.AllocationEnabled && allocatorAreas.Contains(x.LegislativeAreaCode))
                .Select(x => new { x.LegislativeAreaCode, x.AutomaticAllocation }))
            .ToListAsync(ct);
        if (areas.Count == 0)
            return [];
        var codes = areas.Select(a => a.LegislativeAreaCode).ToList();
        // On the board: what can still be allocated (the workflow says in which states).
        var open = RequestWorkflow.StatesAllowing(RequestAction.Allocate).ToArray();
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.RespondingAuthorityId == me && codes.Contains(r.LegislativeAreaCode) && open.Contains(r.Status))
            .OrderBy(r => r.AgreedAnswerDate).ThenBy(r => r.Number).Take(BoardCardLimit)
            .Select(r => new { r.Id, r.Number, r.Revision, r.Status, r.LegislativeAreaCode, r.RequestingAuthorityId, r.AgreedAnswerDate,
                Allocated = EF.Property<List<Guid>>(r, "_allocatedHandlerIds") })
            .ToListAsync(ct);
        var requesterIds = rows.Select(r => r.RequestingAuthorityId).Distinct().ToList();
        var requesters = await db.Authorities.AsNoTracking().Where(a => requesterIds.Contains(a.Id))
            .Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct);
        var staff = await db.ImiUsers.AsNoTracking().Where(u => u.AuthorityId == me)
            .Select(u => new { u.Id, u.GivenName, u.FamilyName, u.Capacity, u.Absence,
                Areas = u.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler && codes.Contains(r.LegislativeAreaCode)).Select(r => r.LegislativeAreaCode).ToList() })
            .ToListAsync(ct);
        var names = staff.ToDictionary(u => u.Id, u => $"{u.GivenName} {u.FamilyName}");
        var handlerIds = staff.Where(u => u.Areas.Count > 0).Select(u => u.Id).ToArray();
        var loads = await HandlerPools.LoadsAsync(db, me, handlerIds, null, now, ct);
        var areaNames = await db.LegislativeAreas.AsNoTracking().Where(a => codes.Contains(a.Code)).ToListAsync(ct);
        return areaNames.OrderBy(a => a.Code).Select(area => new AllocationBoard(area.Code, area.NameIn(user.PreferredLanguageCode),
                areas.Single(a => a.LegislativeAreaCode == area.Code).AutomaticAllocation,
                staff.Where(u => u.Areas.Contains(area.Code))
                    .Select(u => new BoardHandler(u.Id, names[u.Id], loads.GetValueOrDefault(u.Id)?.open_load ?? 0, u.Capacity, u.Absence,
                        u.Absence?.DeputyId is { } deputy ? names.GetValueOrDefault(deputy) : null, u.Absence?.Covers(today) == true))
                    .OrderBy(h => h.Name).ToList(),
                rows.Where(r => r.LegislativeAreaCode == area.Code).Select(r => new BoardCard(r.Id, r.Number, r.Revision, r.Status,
                    requesters.GetValueOrDefault(r.RequestingAuthorityId) ?? new PartyInfo(r.RequestingAuthorityId, "", ""),
                    r.AgreedAnswerDate, r.Allocated.ToArray())).ToList()))
            .ToList();
    }

    /// <summary>
    /// What one changed request means for an open board (<see cref="AllocationBoardsAsync"/> read once): its card, and the
    /// open load of <paramref name="handlerIds"/> (the board's handlers) — a few rows instead of the whole board, for
    /// every change the change feed announces while the board is open.
    /// </summary>
    public async Task<BoardUpdate> AllocationCardAsync(Guid userId, Guid requestId, IReadOnlyCollection<Guid> handlerIds, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var me = actor.AuthorityId;
        var open = RequestWorkflow.StatesAllowing(RequestAction.Allocate).ToArray();
        var row = await db.Requests.AsNoTracking()
            .Where(r => r.Id == requestId && r.RespondingAuthorityId == me && open.Contains(r.Status))
            .Select(r => new { r.Id, r.Number, r.Revision, r.Status, r.LegislativeAreaCode, r.AgreedAnswerDate,
                Allocated = EF.Property<List<Guid>>(r, "_allocatedHandlerIds"),
                Requester = db.Authorities.Where(a => a.Id == r.RequestingAuthorityId).Select(a => new PartyInfo(a.Id, a.InformalTitle, a.CountryCode)).First(),
                AllocationOn = db.Authorities.Where(a => a.Id == me).SelectMany(a => a.Areas).Any(x => x.LegislativeAreaCode == r.LegislativeAreaCode && x.AllocationEnabled) })
            .SingleOrDefaultAsync(ct);
        // Only what the allocator's own board would show: an area they allocate in, with allocation on.
        var card = row is not null && row.AllocationOn && actor.Has(AreaRole.Allocator, row.LegislativeAreaCode)
            ? new BoardCard(row.Id, row.Number, row.Revision, row.Status, row.Requester, row.AgreedAnswerDate, row.Allocated.ToArray())
            : null;
        var loads = await HandlerPools.LoadsAsync(db, me, [.. handlerIds], null, clock.GetUtcNow(), ct);
        return new BoardUpdate(requestId, card is null ? null : row!.LegislativeAreaCode, card,
            handlerIds.ToDictionary(id => id, id => loads.GetValueOrDefault(id)?.open_load ?? 0));
    }

    /// <summary>
    /// The board's "suggest": for each of <paramref name="requestIds"/> (in that order) the handler
    /// <see cref="AllocationRules.SuggestMany"/> proposes, from the area's handlers now and their experience.
    /// Only for an allocator of the area at the responding authority.
    /// </summary>
    public async Task<IReadOnlyList<BoardSuggestion>> SuggestAsync(Guid userId, string areaCode, IReadOnlyList<Guid> requestIds, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        if (!actor.Has(AreaRole.Allocator, areaCode))
            throw new Domain.Common.NotPermittedException(Domain.Common.Refusals.Allocation.AllocatorsOnly);
        var now = clock.GetUtcNow();
        var requests = await db.Requests.AsNoTracking()
            .Where(r => requestIds.Contains(r.Id) && r.RespondingAuthorityId == actor.AuthorityId && r.LegislativeAreaCode == areaCode)
            .Select(r => new { r.Id, Questions = EF.Property<List<RequestQuestion>>(r, "_questions") })
            .ToListAsync(ct);
        var pool = await HandlerPools.OfAsync(db, actor.AuthorityId, areaCode, now, ct);
        var experience = await HandlerPools.ExperienceAsync(db, actor.AuthorityId, areaCode, now, ct);
        var input = requestIds.Select(id => requests.FirstOrDefault(r => r.Id == id)).Where(r => r is not null)
            .Select(r => (r!.Id, (IReadOnlyCollection<string>)r.Questions.Select(q => q.Code).OfType<string>().ToList())).ToList();
        var suggestions = AllocationRules.SuggestMany(pool, input, experience, DateOnly.FromDateTime(now.UtcDateTime));
        var ids = suggestions.Values.OfType<AllocationSuggestion>().Select(s => s.HandlerId).Distinct().ToList();
        var names = await db.ImiUsers.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.GivenName + " " + u.FamilyName, ct);
        return input.Where(i => suggestions[i.Item1] is not null)
            .Select(i => new BoardSuggestion(i.Item1, names[suggestions[i.Item1]!.HandlerId], suggestions[i.Item1]!)).ToList();
    }

    /// <summary>Whom an exchange of the user's authority is allocated to now, and who changed that last.</summary>
    public async Task<AllocationNow?> AllocationNowAsync(Guid userId, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, actor) = await ActorLoader.LoadAsync(db, userId, ct);
        var r = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId && x.RespondingAuthorityId == actor.AuthorityId, ct);
        if (r is null)
            return null;
        var last = r.Timeline.LastOrDefault(t => t.AuthorityId == actor.AuthorityId && t.UserId != Guid.Empty);
        var ids = r.AllocatedHandlerIds.Append(last?.UserId ?? Guid.Empty).ToList();
        var names = await db.ImiUsers.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.GivenName + " " + u.FamilyName, ct);
        return new AllocationNow(r.Reference, r.Revision, last is null ? null : names.GetValueOrDefault(last.UserId),
            r.AllocatedHandlerIds.Select(id => names.GetValueOrDefault(id) ?? "").ToList());
    }
}
