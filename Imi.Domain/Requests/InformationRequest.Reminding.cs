using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.Performance;

namespace Imi.Domain.Requests;

// Reminding: a coordinator nudges the authority whose turn it is, from the urgency list.
public sealed partial class InformationRequest
{
    /// <summary>A coordinator may remind an authority of an exchange at most once in this time.</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(1);

    /// <summary>
    /// A coordinator reminds the authority whose turn it is: an entry "reminder from the coordinator" on the timeline (the
    /// alert follows from it). It is no step of the exchange: the state stays, and the idle clock keeps running. Only a user of a
    /// coordinator with a role in the exchange's area, whose <paramref name="scope"/> covers the authority reminded; once a day.
    /// Returns the authority reminded.
    /// </summary>
    public Guid RemindFromCoordinator(Actor actor, PerformanceScope scope, string remindedCountryCode, DateTimeOffset now)
    {
        if (!scope.IsCoordinator || scope.AuthorityId != actor.AuthorityId || actor.AreaRoles.All(r => r.LegislativeAreaCode != LegislativeAreaCode))
            throw new NotPermittedException(Refusals.Performance.CoordinatorsRemind);
        var reminded = ExchangeMeasures.Of(this)?.WaitingAuthorityId;
        if (reminded is not { } authority || authority == actor.AuthorityId)
            throw new DomainException(Refusals.Performance.NobodyToRemind);
        if (!scope.MayRemind(authority, remindedCountryCode, LegislativeAreaCode))
            throw new NotPermittedException(Refusals.Performance.NotInScope);
        if (_timeline.Any(t => t.Action == RequestAction.RemindFromCoordinator && t.At > now - ReminderInterval))
            throw new DomainException(Refusals.Performance.RemindedToday);
        _timeline.Add(new TimelineEntry(now, RequestAction.RemindFromCoordinator, actor.UserId, actor.AuthorityId, OtherAuthorityId: authority));
        Touch();
        return authority;
    }
}
