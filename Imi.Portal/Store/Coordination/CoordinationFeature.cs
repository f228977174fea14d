using Imi.Infrastructure.Localization;
using Imi.Domain.Common;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Setup;

namespace Imi.Portal.Store.Coordination;

/// <summary>A coordinator's view of the authorities it coordinates.</summary>
[FeatureState]
public sealed record CoordinationState
{
    public IReadOnlyList<CoordinatedAuthority>? Authorities { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
}

public sealed record LoadCoordinatedAuthoritiesAction(Guid UserId);
public sealed record CoordinatedAuthoritiesLoadedAction(IReadOnlyList<CoordinatedAuthority> Authorities, string? Message = null);
public sealed record ResetCoordinatedAdministratorAction(Guid UserId, Guid AdministratorId);
/// <summary>Deactivate (or, with <c>Deactivate: false</c>, reactivate) an authority the user's coordinator coordinates.</summary>
public sealed record SetCoordinatedAuthorityActiveAction(Guid UserId, Guid AuthorityId, bool Deactivate);
public sealed record CoordinationFailedAction(string Message);

public static class CoordinationReducers
{
    [ReducerMethod]
    public static CoordinationState Reduce(CoordinationState state, CoordinatedAuthoritiesLoadedAction action) =>
        state with { Authorities = action.Authorities, Message = action.Message, Error = null };

    [ReducerMethod]
    public static CoordinationState Reduce(CoordinationState state, CoordinationFailedAction action) =>
        state with { Error = action.Message, Message = null };
}

public sealed class CoordinationEffects(CoordinationQueries queries, SetupService setup, CoordinationService coordination, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadCoordinatedAuthoritiesAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new CoordinatedAuthoritiesLoadedAction(await queries.GetAsync(action.UserId)));

    [EffectMethod]
    public async Task Handle(ResetCoordinatedAdministratorAction action, IDispatcher dispatcher)
    {
        try
        {
            var result = await setup.ExecuteAsync(action.UserId, new ResetPassword(action.AdministratorId));
            dispatcher.Dispatch(new CoordinatedAuthoritiesLoadedAction(await queries.GetAsync(action.UserId), texts.Notice(result.Notice)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new CoordinationFailedAction(texts.Refusal(e)));
        }
    }

    [EffectMethod]
    public async Task Handle(SetCoordinatedAuthorityActiveAction action, IDispatcher dispatcher)
    {
        try
        {
            var notice = await coordination.ExecuteAsync(action.UserId, action.Deactivate
                ? new DeactivateAuthority(action.AuthorityId)
                : new ReactivateAuthority(action.AuthorityId));
            dispatcher.Dispatch(new CoordinatedAuthoritiesLoadedAction(await queries.GetAsync(action.UserId), texts.Notice(notice)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new CoordinationFailedAction(texts.Refusal(e)));
        }
    }
}
