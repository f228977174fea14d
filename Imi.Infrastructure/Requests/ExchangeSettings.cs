using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Requests;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Requests;

/// <summary>
/// What the request handlers read besides the exchange: the question set, whether an authority can
/// receive requests in the area, and the oversight settings of both sides (fixed when a request is sent).
/// </summary>
internal static class ExchangeSettings
{
    internal static async Task<QuestionSet> QuestionSetOfAsync(ImiDbContext db, InformationRequest r, CancellationToken ct) =>
        await db.QuestionSets.AsNoTracking().SingleAsync(q => q.Code == r.QuestionSetCode && q.Version == r.QuestionSetVersion, ct);

    internal static async Task CheckResponderAsync(ImiDbContext db, Guid authorityId, string areaCode, CancellationToken ct, string field = "responder")
    {
        var ok = await db.Authorities.AsNoTracking().AnyAsync(a => a.Id == authorityId && a.Status == RegistrationStatus.Validated
                                                                   && a.Areas.Any(x => x.LegislativeAreaCode == areaCode), ct);
        if (!ok)
            throw new DomainException(Refusals.Request.ResponderNotInArea, field);
    }

    /// <summary>The requester's side: its request coordinators in the area, which may approve requests and take part in referrals.</summary>
    internal static async Task<RequesterOversight> RequesterOversightAsync(ImiDbContext db, Guid requesterId, string area, CancellationToken ct)
    {
        var (approver, referee) = await CoordinatorDutiesAsync(db, requesterId, area, replies: false, ct);
        return new RequesterOversight(approver, referee);
    }

    internal static async Task<ResponderSettings> ResponderSettingsAsync(ImiDbContext db, Guid responderId, string area, CancellationToken ct)
    {
        var allocation = await db.Authorities.AsNoTracking().Where(a => a.Id == responderId)
            .SelectMany(a => a.Areas.Where(x => x.LegislativeAreaCode == area).Select(x => x.AllocationEnabled)).FirstOrDefaultAsync(ct);
        var (approver, referee) = await CoordinatorDutiesAsync(db, responderId, area, replies: true, ct);
        return new ResponderSettings(allocation, approver, referee);
    }

    // Reads only the settings it needs (a few rows), not the whole coordinator aggregates: this is on every send.
    private static async Task<(Guid? Approver, RefereeAuthority? Referee)> CoordinatorDutiesAsync(
        ImiDbContext db, Guid authorityId, string area, bool replies, CancellationToken ct)
    {
        var coordinatorIds = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId)
            .SelectMany(a => a.RequestCoordinators.Where(c => c.LegislativeAreaCode == area).Select(c => c.CoordinatorId)).ToListAsync(ct);
        if (coordinatorIds.Count == 0)
            return (null, null);
        var settings = await db.Authorities.AsNoTracking().Where(a => coordinatorIds.Contains(a.Id))
            .SelectMany(a => a.Areas.Where(x => x.LegislativeAreaCode == area)
                .Select(x => new { a.Id, x.ApprovesRequests, x.ApprovesReplies, x.Referral }))
            .ToListAsync(ct);
        Guid? approver = null;
        RefereeAuthority? referee = null;
        foreach (var coordinator in settings.OrderBy(c => coordinatorIds.IndexOf(c.Id)))
        {
            if (approver is null && (replies ? coordinator.ApprovesReplies : coordinator.ApprovesRequests))
                approver = coordinator.Id;
            if (referee is null && coordinator.Referral != ReferralParticipation.No)
                referee = new RefereeAuthority(coordinator.Id, coordinator.Referral == ReferralParticipation.ReferralHandlers);
        }
        return (approver, referee);
    }
}
