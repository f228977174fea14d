using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Setup;
using Imi.Infrastructure.UseCases;

namespace Imi.Portal.Store.Coordination;

/// <summary>A coordinator's data administrator registering an authority with its first user (decision 010).</summary>
[FeatureState]
public sealed record RegistrationState
{
    public RegistrationOptions? Options { get; init; }
    /// <summary>The last registration that went through: what to tell the administrator, and the username to pass on.</summary>
    public RegistrationDone? Done { get; init; }
    public string? Error { get; init; }
    /// <summary>The form field the <see cref="Error"/> concerns (the domain's field name), if any.</summary>
    public string? ErrorField { get; init; }
}

public sealed record RegistrationDone(Guid AuthorityId, string Message, string FirstUserName, string Username);

/// <summary>The coordinators of the user's country, as a tree.</summary>
[FeatureState]
public sealed record NetworkState
{
    public CoordinationNetwork? Network { get; init; }
    public string? Error { get; init; }
}

public sealed record LoadRegistrationOptionsAction(Guid UserId);
public sealed record RegistrationOptionsLoadedAction(RegistrationOptions Options);
public sealed record RegisterAuthorityAction(Guid UserId, NewAuthority Input);
public sealed record AuthorityRegisteredAction(RegistrationDone Done);
public sealed record RegistrationRefusedAction(string Message, string? Field);
public sealed record LoadNetworkAction(Guid UserId);
public sealed record NetworkLoadedAction(CoordinationNetwork Network);
public sealed record NetworkRefusedAction(string Message);

public static class RegistrationReducers
{
    [ReducerMethod]
    public static RegistrationState Reduce(RegistrationState state, RegistrationOptionsLoadedAction action) =>
        new() { Options = action.Options };

    [ReducerMethod]
    public static RegistrationState Reduce(RegistrationState state, AuthorityRegisteredAction action) =>
        state with { Done = action.Done, Error = null, ErrorField = null };

    [ReducerMethod]
    public static RegistrationState Reduce(RegistrationState state, RegistrationRefusedAction action) =>
        state with { Error = action.Message, ErrorField = action.Field };

    [ReducerMethod]
    public static NetworkState Reduce(NetworkState state, NetworkLoadedAction action) => new() { Network = action.Network };

    [ReducerMethod]
    public static NetworkState Reduce(NetworkState state, NetworkRefusedAction action) => state with { Error = action.Message };
}

public sealed class RegistrationEffects(CoordinationQueries queries, CoordinationService coordination, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadRegistrationOptionsAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new RegistrationOptionsLoadedAction(await queries.RegistrationOptionsAsync(action.UserId)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RegistrationRefusedAction(texts.Refusal(e), null));
        }
    }

    [EffectMethod]
    public async Task Handle(RegisterAuthorityAction action, IDispatcher dispatcher)
    {
        try
        {
            var registered = await coordination.RegisterAsync(action.UserId, action.Input);
            var name = $"{action.Input.FirstUser.GivenName} {action.Input.FirstUser.FamilyName}".Trim();
            dispatcher.Dispatch(new AuthorityRegisteredAction(new RegistrationDone(registered.AuthorityId, texts.Notice(registered.Notice), name, registered.FirstUsername)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new RegistrationRefusedAction(texts.Refusal(e), e.Field));
        }
    }

    [EffectMethod]
    public async Task Handle(LoadNetworkAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new NetworkLoadedAction(await queries.NetworkAsync(action.UserId)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new NetworkRefusedAction(texts.Refusal(e)));
        }
    }
}

/// <summary>Keyword requests waiting for the user: a coordinator's (asked) or the Commission's (forwarded).</summary>
[FeatureState]
public sealed record KeywordRequestsState
{
    public KeywordRequestsView? View { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
}

public sealed record LoadKeywordRequestsAction(Guid UserId);
public sealed record KeywordRequestsLoadedAction(KeywordRequestsView View, string? Message = null);
public sealed record DecideKeywordRequestAction(Guid UserId, KeywordRequestCommand Command);
public sealed record KeywordRequestRefusedAction(string Message);

public static class KeywordRequestReducers
{
    [ReducerMethod]
    public static KeywordRequestsState Reduce(KeywordRequestsState state, KeywordRequestsLoadedAction action) =>
        new() { View = action.View, Message = action.Message };

    [ReducerMethod]
    public static KeywordRequestsState Reduce(KeywordRequestsState state, KeywordRequestRefusedAction action) =>
        state with { Message = null, Error = action.Message };
}

public sealed class KeywordRequestEffects(CoordinationQueries queries, CoordinationService coordination, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadKeywordRequestsAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new KeywordRequestsLoadedAction(await queries.KeywordRequestsAsync(action.UserId)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new KeywordRequestRefusedAction(texts.Refusal(e)));
        }
    }

    [EffectMethod]
    public async Task Handle(DecideKeywordRequestAction action, IDispatcher dispatcher)
    {
        try
        {
            var notice = await coordination.ExecuteAsync(action.UserId, action.Command);
            dispatcher.Dispatch(new KeywordRequestsLoadedAction(await queries.KeywordRequestsAsync(action.UserId), texts.Notice(notice)));
        }
        catch (ChangedBySomeoneElseException e)
        {
            // Someone else dealt with it: show the list as it is now, and say so.
            dispatcher.Dispatch(new KeywordRequestsLoadedAction(await queries.KeywordRequestsAsync(action.UserId)));
            dispatcher.Dispatch(new KeywordRequestRefusedAction(texts.Refusal(e)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new KeywordRequestRefusedAction(texts.Refusal(e)));
        }
    }
}
