using Imi.Domain.Authorities;
using Imi.Domain.Users;
using Imi.Infrastructure.Users;
using Imi.Portal.Store;
using Imi.Portal.Store.Navigation;
using Imi.Portal.Store.Notifications;
using Imi.Portal.Store.Session;

namespace Imi.Tests.Portal;

public class PortalFeatureReducerTests
{
    public static SessionInfo Aoife(params AreaRole[] pqRoles) => new(
        Guid.NewGuid(), "demo.ie.kingsinns", "Aoife Byrne", "en", Guid.NewGuid(),
        "Professional body for admission of barristers", "IE", "Ireland", CoordinatorType.None, false, true, false,
        [new AreaRolesInfo("PQ", "Professional qualifications", pqRoles)]);

    [Fact]
    public void Session_Loaded_KeepsTheUser_AndClearsLoading()
    {
        var loading = SessionReducers.Reduce(new SessionState(), new LoadSessionAction(Guid.NewGuid()));
        var loaded = SessionReducers.Reduce(loading, new SessionLoadedAction(Aoife()));

        Assert.True(loading.IsLoading);
        Assert.False(loaded.IsLoading);
        Assert.Equal("Aoife Byrne", loaded.User!.DisplayName);
    }

    [Fact]
    public void Navigation_ShowsTheLocalInboxOnlyWhenItRuns()
    {
        var without = NavigationReducers.Reduce(new NavigationState(), new ConfigureNavigationAction(false));
        var with = NavigationReducers.Reduce(new NavigationState(), new ConfigureNavigationAction(true));

        Assert.DoesNotContain(without.Items, i => i.Href == "dev/inbox");
        Assert.Contains(with.Items, i => i.Href == "dev/inbox");
        Assert.Equal("", with.Items[0].Href);
    }

    [Fact]
    public void Notifications_KeepTheLatestFive_AndDismissOne()
    {
        var state = new NotificationsState();
        for (var i = 1; i <= 6; i++)
            state = NotificationsReducers.Reduce(state, new NotifyAction(NotificationLevel.Info, $"Message {i}"));

        Assert.Equal(5, state.Items.Count);
        Assert.Equal("Message 2", state.Items[0].Message);

        state = NotificationsReducers.Reduce(state, new DismissNotificationAction(state.Items[0].Id));
        Assert.DoesNotContain(state.Items, n => n.Message == "Message 2");
    }

    [Fact]
    public void Notifications_AFailedEffectIsShownAsAnError()
    {
        var state = NotificationsReducers.Reduce(new NotificationsState(), new EffectFailedAction(new object(), "timeout"));

        Assert.Equal(NotificationLevel.Error, Assert.Single(state.Items).Level);
    }
}
