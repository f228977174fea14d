using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;

namespace Imi.Domain.Setup;

public enum KeywordRequestState
{
    /// <summary>With the asking authority's coordinator.</summary>
    Asked,
    /// <summary>The coordinator forwarded it to the Commission, which keeps the keyword lists.</summary>
    Forwarded,
    /// <summary>The Commission added the keyword (a new version of the list, labelled in every language).</summary>
    Added,
    /// <summary>Declined, with a reason (by the coordinator or by the Commission).</summary>
    Declined,
}

/// <summary>
/// An authority misses a keyword in a list (setup steps 2 and 3) and asks its coordinator to have it added (issue 11): the
/// coordinator forwards it to the Commission or declines it; the Commission adds the keyword or declines it. The
/// authority's user who asked is told either way.
/// </summary>
public sealed class KeywordRequest : AggregateRoot
{
    public const int ReasonMaxLength = 2000;

    private KeywordRequest() { }

    public Guid AuthorityId { get; private set; }
    public Guid AskedBy { get; private set; }
    public string ListCode { get; private set; } = "";
    /// <summary>The keyword as the authority proposed it, in its own words and language.</summary>
    public string Proposal { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public KeywordRequestState State { get; private set; }
    public string? DeclineReason { get; private set; }
    /// <summary>The keyword added (its code in the list).</summary>
    public string? KeywordCode { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>A local data administrator asks the authority's coordinator (for an area list: the area's coordinator).</summary>
    public static KeywordRequest Ask(Actor actor, Authority authority, KeywordList list, string proposal, DateTimeOffset at)
    {
        Permissions.RequireLocalDataAdministrator(actor, authority);
        if (list.LegislativeAreaCode is { } area && !authority.HasAccessTo(area))
            throw new DomainException(Refusals.Authority.NoAccessToArea, null, ("area", area));
        if (authority.CoordinatorId is null)
            throw new DomainException(Refusals.Setup.NoCoordinatorToAsk);
        return new KeywordRequest
        {
            Id = Guid.NewGuid(),
            AuthorityId = authority.Id,
            AskedBy = actor.UserId,
            ListCode = list.Code,
            Proposal = KeywordProposal.From(proposal),
            AskedAt = at,
            State = KeywordRequestState.Asked,
        };
    }

    /// <summary>The asking authority's coordinator (or one above it) passes the request on to the Commission.</summary>
    public void Forward(Actor actor, Authority asking, CoordinatorTree tree)
    {
        RequireAsking(asking);
        Coordination.RequireCanAdministerAuthority(actor, asking, tree);
        RequireState(KeywordRequestState.Asked);
        State = KeywordRequestState.Forwarded;
        Touch();
    }

    /// <summary>Declined with a reason: while asked, by the coordinator (or one above); once forwarded, by the Commission.</summary>
    public void Decline(Actor actor, Authority actorAuthority, Authority asking, CoordinatorTree tree, string reason, DateTimeOffset at)
    {
        RequireAsking(asking);
        if (State == KeywordRequestState.Asked)
            Coordination.RequireCanAdministerAuthority(actor, asking, tree);
        else if (State == KeywordRequestState.Forwarded)
            Coordination.RequireCommission(actor, actorAuthority);
        else
            throw new DomainException(Refusals.Keywords.AlreadyDecided);
        DeclineReason = Guard.Required(reason, nameof(DeclineReason), ReasonMaxLength, multiline: true);
        State = KeywordRequestState.Declined;
        DecidedAt = at;
        Touch();
    }

    /// <summary>
    /// The Commission adds the keyword to the list, with its label in every language of <paramref name="languages"/> (a new
    /// version of the list). Its code is made from the English label.
    /// </summary>
    public Keyword Add(Actor actor, Authority actorAuthority, KeywordList list, IReadOnlyDictionary<string, string> labels,
        IReadOnlyCollection<string> languages, DateTimeOffset at)
    {
        Coordination.RequireCommission(actor, actorAuthority);
        RequireState(KeywordRequestState.Forwarded);
        if (list.Code != ListCode)
            throw new DomainException(Refusals.Setup.NoSuchKeywordList);
        var checkedLabels = languages.ToDictionary(l => l,
            l => Guard.Required(labels.GetValueOrDefault(l), $"Labels.{l}", Keyword.LabelMaxLength));
        var keyword = list.Add(checkedLabels);
        State = KeywordRequestState.Added;
        KeywordCode = keyword.Code;
        DecidedAt = at;
        Touch();
        return keyword;
    }

    private void RequireAsking(Authority asking)
    {
        if (asking.Id != AuthorityId)
            throw new ArgumentException("Not the authority that asked.", nameof(asking));
    }

    private void RequireState(KeywordRequestState state)
    {
        if (State != state)
            throw new DomainException(Refusals.Keywords.AlreadyDecided);
    }
}
