using Imi.Infrastructure.Localization;
using Imi.Infrastructure.UseCases;
using Imi.Domain.Common;
using Imi.Infrastructure.Setup;

namespace Imi.Portal.Store.Setup;

/// <summary>The setup wizard's state: the authority as the wizard shows it, and what the last command did.</summary>
[FeatureState]
public sealed record SetupState
{
    public SetupView? View { get; init; }
    public bool IsLoading { get; init; }
    public bool IsSaving { get; init; }
    /// <summary>What the last successful command did, for the user to read (written in the reader's language by the page).</summary>
    public Notice? Message { get; init; }
    /// <summary>A username to show the administrator (and only them), to pass on in person.</summary>
    public string? ShownUsername { get; init; }
    /// <summary>Why the last command was refused, when it is not about one field.</summary>
    public string? Error { get; init; }
    /// <summary>Why the last command was refused, per field ("InformalTitle", "Email", ...).</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();
    /// <summary>Someone else changed the authority; the view was reloaded.</summary>
    public bool Conflict { get; init; }
    /// <summary>Increases with every successful command: forms reset their copy of the data then.</summary>
    public int Generation { get; init; }
    public IReadOnlyList<AuthorityRef> LinkCandidates { get; init; } = [];

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);
}

public sealed record LoadSetupAction(Guid UserId);
public sealed record SetupLoadedAction(SetupView View);
public sealed record RunSetupCommandAction(Guid UserId, SetupCommand Command);
public sealed record SetupCommandSucceededAction(SetupResult Result);
public sealed record SetupCommandFailedAction(string Message, string? Field, bool Conflict, SetupView? Reloaded);
public sealed record SearchLinkableAction(Guid UserId, string Text);
public sealed record LinkableFoundAction(IReadOnlyList<AuthorityRef> Candidates);
public sealed record DismissSetupMessageAction;

public static class SetupReducers
{
    [ReducerMethod]
    public static SetupState Reduce(SetupState state, LoadSetupAction _) => state with { IsLoading = true };

    [ReducerMethod]
    public static SetupState Reduce(SetupState state, SetupLoadedAction action) =>
        state with { IsLoading = false, View = action.View, Generation = state.Generation + 1 };

    [ReducerMethod]
    public static SetupState Reduce(SetupState state, RunSetupCommandAction _) =>
        state with { IsSaving = true, Error = null, FieldErrors = new Dictionary<string, string>(), Conflict = false, Message = null, ShownUsername = null };

    [ReducerMethod]
    public static SetupState Reduce(SetupState state, SetupCommandSucceededAction action) => state with
    {
        IsSaving = false,
        View = action.Result.View,
        Message = action.Result.Notice,
        ShownUsername = action.Result.ShowUsername,
        Generation = state.Generation + 1,
    };

    [ReducerMethod]
    public static SetupState Reduce(SetupState state, SetupCommandFailedAction action) => state with
    {
        IsSaving = false,
        Conflict = action.Conflict,
        Error = action.Field is null ? action.Message : null,
        FieldErrors = action.Field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [action.Field] = action.Message },
        // On a conflict the page shows the other person's change; otherwise the form keeps what was typed.
        View = action.Reloaded ?? state.View,
        Generation = action.Reloaded is null ? state.Generation : state.Generation + 1,
    };

    /// <summary>An unexpected failure: the form is usable again; the shell's notification says what happened.</summary>
    [ReducerMethod]
    public static SetupState Reduce(SetupState state, EffectFailedAction action) =>
        action.Action is LoadSetupAction or RunSetupCommandAction ? state with { IsLoading = false, IsSaving = false } : state;

    [ReducerMethod]
    public static SetupState Reduce(SetupState state, LinkableFoundAction action) => state with { LinkCandidates = action.Candidates };

    [ReducerMethod]
    public static SetupState Reduce(SetupState state, DismissSetupMessageAction _) =>
        state with { Message = null, Error = null, ShownUsername = null, Conflict = false };
}

public sealed class SetupEffects(SetupService setup, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadSetupAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new SetupLoadedAction(await setup.GetAsync(action.UserId)));

    [EffectMethod]
    public async Task Handle(RunSetupCommandAction action, IDispatcher dispatcher)
    {
        try
        {
            var result = await setup.ExecuteAsync(action.UserId, action.Command);
            dispatcher.Dispatch(new SetupCommandSucceededAction(result));
        }
        catch (ChangedBySomeoneElseException e)
        {
            dispatcher.Dispatch(new SetupCommandFailedAction(texts.Refusal(e), null, true, await setup.GetAsync(action.UserId)));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new SetupCommandFailedAction(texts.Refusal(e), e.Field, false, null));
        }
    }

    [EffectMethod]
    public async Task Handle(SearchLinkableAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LinkableFoundAction(string.IsNullOrWhiteSpace(action.Text) || action.Text.Trim().Length < 2
            ? []
            : await setup.FindLinkableAsync(action.UserId, action.Text)));
}
