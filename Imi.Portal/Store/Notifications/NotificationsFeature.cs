using System.Collections.Immutable;

namespace Imi.Portal.Store.Notifications;

public enum NotificationLevel
{
    Info,
    Success,
    Warning,
    Error,
}

public sealed record Notification(Guid Id, NotificationLevel Level, string Message);

/// <summary>Messages the shell shows to the user (and announces to screen readers) until dismissed.</summary>
[FeatureState]
public sealed record NotificationsState
{
    public ImmutableList<Notification> Items { get; init; } = [];
}

public sealed record NotifyAction(NotificationLevel Level, string Message);
public sealed record DismissNotificationAction(Guid Id);

public static class NotificationsReducers
{
    private const int MaxShown = 5;

    [ReducerMethod]
    public static NotificationsState Reduce(NotificationsState state, NotifyAction action)
    {
        var items = state.Items.Add(new Notification(Guid.NewGuid(), action.Level, action.Message));
        return state with { Items = items.Count > MaxShown ? items.RemoveAt(0) : items };
    }

    [ReducerMethod]
    public static NotificationsState Reduce(NotificationsState state, DismissNotificationAction action) =>
        state with { Items = state.Items.RemoveAll(n => n.Id == action.Id) };

    /// <summary>A failed effect is something the user should hear about.</summary>
    [ReducerMethod]
    public static NotificationsState Reduce(NotificationsState state, EffectFailedAction action) =>
        Reduce(state, new NotifyAction(NotificationLevel.Error, action.Message));
}
