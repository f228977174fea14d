using Imi.Infrastructure.Localization;
using Imi.Domain.Common;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Setup;
using Imi.Infrastructure.UseCases;

namespace Imi.Portal.Store.Coordination;

/// <summary>A coordinator's view of the authorities it coordinates.</summary>
[FeatureState]
public sealed record CoordinationState
{
    public IReadOnlyList<CoordinatedAuthority>? Authorities { get; init; }
    /// <summary>Applications waiting for the coordinator or one below it (self-registration).</summary>
    public IReadOnlyList<ApplicationToValidate> Applications { get; init; } = [];
    public string? Message { get; init; }
    public string? Error { get; init; }
}

public sealed record LoadCoordinatedAuthoritiesAction(Guid UserId);
public sealed record CoordinatedAuthoritiesLoadedAction(IReadOnlyList<CoordinatedAuthority> Authorities, IReadOnlyList<ApplicationToValidate> Applications,
    string? Message = null);
/// <summary>Validate an application, or (with a reason) reject it.</summary>
public sealed record DecideApplicationAction(Guid UserId, Guid AuthorityId, int Revision, string? RejectionReason);
public sealed record ResetCoordinatedAdministratorAction(Guid UserId, Guid AdministratorId);
/// <summary>Deactivate (or, with <c>Deactivate: false</c>, reactivate) an authority the user's coordinator coordinates.</summary>
public sealed record SetCoordinatedAuthorityActiveAction(Guid UserId, Guid AuthorityId, bool Deactivate);
public sealed record CoordinationFailedAction(string Message);

public static class CoordinationReducers
{
    [ReducerMethod]
    public static CoordinationState Reduce(CoordinationState state, CoordinatedAuthoritiesLoadedAction action) =>
        state with { Authorities = action.Authorities, Applications = action.Applications, Message = action.Message, Error = null };

    [ReducerMethod]
    public static CoordinationState Reduce(CoordinationState state, CoordinationFailedAction action) =>
        state with { Error = action.Message, Message = null };
}

public sealed class CoordinationEffects(CoordinationQueries queries, SetupService setup, CoordinationService coordination, Texts texts)
{
    private async Task<CoordinatedAuthoritiesLoadedAction> LoadedAsync(Guid userId, string? message = null) =>
        new(await queries.GetAsync(userId), await queries.ApplicationsAsync(userId), message);

    [EffectMethod]
    public async Task Handle(LoadCoordinatedAuthoritiesAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(await LoadedAsync(action.UserId));

    [EffectMethod]
    public async Task Handle(DecideApplicationAction action, IDispatcher dispatcher)
    {
        try
        {
            CoordinationCommand command = action.RejectionReason is { } reason
                ? new RejectApplication(action.AuthorityId, reason)
                : new ValidateApplication(action.AuthorityId);
            var notice = await coordination.ExecuteAsync(action.UserId, command with { ExpectedRevision = action.Revision });
            dispatcher.Dispatch(await LoadedAsync(action.UserId, texts.Notice(notice)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new CoordinationFailedAction(texts.Refusal(e)));
        }
    }

    [EffectMethod]
    public async Task Handle(ResetCoordinatedAdministratorAction action, IDispatcher dispatcher)
    {
        try
        {
            var result = await setup.ExecuteAsync(action.UserId, new ResetPassword(action.AdministratorId));
            dispatcher.Dispatch(await LoadedAsync(action.UserId, texts.Notice(result.Notice)));
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
            dispatcher.Dispatch(await LoadedAsync(action.UserId, texts.Notice(notice)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new CoordinationFailedAction(texts.Refusal(e)));
        }
    }
}

/// <summary>One authority a coordinator administers: its official title, coordinator, areas, and the audit trail.</summary>
[FeatureState]
public sealed record AdministrationState
{
    public AdministeredAuthority? Authority { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    /// <summary>The field the <see cref="Error"/> concerns (the domain's name), if any.</summary>
    public string? ErrorField { get; init; }
}

public sealed record LoadAdministeredAuthorityAction(Guid UserId, Guid AuthorityId);
public sealed record AdministeredAuthorityLoadedAction(AdministeredAuthority Authority, string? Message = null, string? Error = null);
/// <summary>Grant or withdraw an area, edit the official title, change the coordinator (the command carries the revision the page showed).</summary>
public sealed record AdministerAuthorityAction(Guid UserId, CoordinationCommand Command);
public sealed record AdministrationRefusedAction(string Message, string? Field);

public static class AdministrationReducers
{
    [ReducerMethod]
    public static AdministrationState Reduce(AdministrationState state, LoadAdministeredAuthorityAction action) => new();

    [ReducerMethod]
    public static AdministrationState Reduce(AdministrationState state, AdministeredAuthorityLoadedAction action) =>
        new() { Authority = action.Authority, Message = action.Message, Error = action.Error };

    [ReducerMethod]
    public static AdministrationState Reduce(AdministrationState state, AdministrationRefusedAction action) =>
        state with { Message = null, Error = action.Message, ErrorField = action.Field };
}

public sealed class AdministrationEffects(CoordinationQueries queries, CoordinationService coordination, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadAdministeredAuthorityAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new AdministeredAuthorityLoadedAction(await queries.AuthorityAsync(action.UserId, action.AuthorityId)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new AdministrationRefusedAction(texts.Refusal(e), null));
        }
    }

    [EffectMethod]
    public async Task Handle(AdministerAuthorityAction action, IDispatcher dispatcher)
    {
        try
        {
            var notice = await coordination.ExecuteAsync(action.UserId, action.Command);
            dispatcher.Dispatch(new AdministeredAuthorityLoadedAction(await queries.AuthorityAsync(action.UserId, action.Command.AuthorityId), texts.Notice(notice)));
        }
        catch (ChangedBySomeoneElseException e)
        {
            // Someone else changed it: show their change, and say so.
            dispatcher.Dispatch(new AdministeredAuthorityLoadedAction(await queries.AuthorityAsync(action.UserId, action.Command.AuthorityId), Error: texts.Refusal(e)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new AdministrationRefusedAction(texts.Refusal(e), e.Field));
        }
    }
}
