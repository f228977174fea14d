using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Requests;

namespace Imi.Portal.Store.Requests;

/// <summary>Someone (here or on another instance) changed an exchange this user may see; each request page's feature refreshes what it shows.</summary>
public sealed record RequestsChangedAction(RequestChange Change, Guid UserId);

/// <summary>What the request features tell the user in the same words, in the reader's language.</summary>
public static class RequestMessages
{
    /// <summary>The key of "someone else changed this exchange meanwhile".</summary>
    public const string ChangedMeanwhile = "Requests.Messages.ChangedMeanwhile";

    /// <summary>The upload broke off (the browser's reason is not for the user: it may name paths or limits of the server).</summary>
    public static string CouldNotRead(Texts texts, string fileName) => texts["Requests.Messages.CouldNotRead", ("file", fileName)];
}

/// <summary>
/// Connects one circuit to the change feed: changes that concern the user's authority become
/// <see cref="RequestsChangedAction"/>s in this circuit's store. Disposed with the circuit.
/// </summary>
public sealed class RequestsLiveUpdates(ChangeFeed feed, IDispatcher dispatcher) : IDisposable
{
    private Guid _userId;
    private Guid _authorityId;
    private bool _subscribed;

    public void Start(Guid userId, Guid authorityId)
    {
        _userId = userId;
        _authorityId = authorityId;
        if (_subscribed)
            return;
        feed.Changed += OnChanged;
        _subscribed = true;
    }

    private void OnChanged(RequestChange change)
    {
        if (change.AuthorityIds.Contains(_authorityId))
            dispatcher.Dispatch(new RequestsChangedAction(change, _userId));
    }

    public void Dispose()
    {
        if (_subscribed)
            feed.Changed -= OnChanged;
    }
}
