using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Users;

namespace Imi.Portal.Store.Session;

/// <summary>Who is signed in, for the shell and every page. Loaded once per circuit.</summary>
[FeatureState]
public sealed record SessionState
{
    public bool IsLoading { get; init; }
    public SessionInfo? User { get; init; }
    public string? Error { get; init; }
}

public sealed record LoadSessionAction(Guid UserId);
public sealed record SessionLoadedAction(SessionInfo User);
public sealed record SessionLoadFailedAction(string Message);

public static class SessionReducers
{
    [ReducerMethod]
    public static SessionState Reduce(SessionState state, LoadSessionAction _) => state with { IsLoading = true, Error = null };

    [ReducerMethod]
    public static SessionState Reduce(SessionState state, SessionLoadedAction action) =>
        state with { IsLoading = false, User = action.User, Error = null };

    [ReducerMethod]
    public static SessionState Reduce(SessionState state, SessionLoadFailedAction action) =>
        state with { IsLoading = false, Error = action.Message };
}

public sealed class SessionEffects(SessionQueries sessions, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadSessionAction action, IDispatcher dispatcher)
    {
        var user = await sessions.GetAsync(action.UserId);
        dispatcher.Dispatch(user is null
            ? new SessionLoadFailedAction(texts["Shell.Session.AccountGone"])
            : new SessionLoadedAction(user));
    }
}
