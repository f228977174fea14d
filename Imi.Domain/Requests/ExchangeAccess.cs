using Imi.Domain.Access;
using Imi.Domain.Users;

namespace Imi.Domain.Requests;

/// <summary>How much of an exchange a user may see.</summary>
public enum ExchangeView
{
    /// <summary>Nothing: the exchange is not shown at all.</summary>
    None,
    /// <summary>Reference, area, authorities, state, dates and the steps of the timeline (without their texts).</summary>
    Overview,
    /// <summary>Everything except the personal data and the attachments.</summary>
    Details,
    /// <summary>Everything, personal data included: only the two authorities' handlers.</summary>
    Full,
}

/// <summary>
/// What the viewer's authority is to the two authorities of the exchange: linked (step 4), request coordinator (step 5), or a
/// coordinator whose scope covers one of them in the exchange's area (<see cref="Performance.PerformanceScope"/>, the urgency list).
/// </summary>
public sealed record ViewerRelations(bool LinkedToAParty, bool RequestCoordinatorOfAParty, bool RequestCoordinatorWithFullView,
    bool CoordinatesAParty = false)
{
    public static readonly ViewerRelations None = new(false, false, false);
}

/// <summary>
/// Who sees what of an exchange (DOMAIN.md, "Data protection"): only the authorities directly involved
/// see personal data; coordinators with a duty see what the duty needs; linked authorities and
/// request coordinators see an overview, or details with full view.
/// </summary>
public static class ExchangeAccess
{
    public static ExchangeView ViewFor(Actor actor, InformationRequest r, ViewerRelations relations)
    {
        var area = r.LegislativeAreaCode;
        var reachedResponder = RequestWorkflow.HasReachedResponder(r.Status);
        var party = actor.AuthorityId == r.RequestingAuthorityId || (reachedResponder && actor.AuthorityId == r.RespondingAuthorityId);
        if (party && (actor.Has(AreaRole.RequestHandler, area) || actor.Has(AreaRole.Allocator, area)))
            return ExchangeView.Full;
        var roles = r.RolesOf(actor);
        if (roles.Contains(ExchangeRole.RequestApprover) || roles.Contains(ExchangeRole.ReplyApprover)
            || (roles.Contains(ExchangeRole.Referee) && r.Referral is not null))
            return ExchangeView.Details;
        if (!RequestWorkflow.Shared.Contains(r.Status))
            return ExchangeView.None;
        if (relations.RequestCoordinatorOfAParty && relations.RequestCoordinatorWithFullView)
            return ExchangeView.Details;
        if (party || relations.LinkedToAParty || relations.RequestCoordinatorOfAParty || relations.CoordinatesAParty)
            return ExchangeView.Overview;
        return ExchangeView.None;
    }
}
