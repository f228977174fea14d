using Imi.Infrastructure.Setup;
using Imi.Portal.Store;
using Imi.Portal.Store.Setup;
using Microsoft.AspNetCore.Components;

namespace Imi.Portal.Components.Setup;

/// <summary>Base of the step components: the wizard's state, and running a command as the signed-in user.</summary>
public abstract class SetupStepBase : StoreComponent
{
    [Inject] protected IState<SetupState> Setup { get; set; } = default!;

    [Parameter, EditorRequired] public Guid UserId { get; set; }

    protected SetupView View => Setup.Value.View!;

    /// <summary>Only local data administrators change the set-up; others see it read-only.</summary>
    protected bool ReadOnly => !View.CanEdit || Setup.Value.IsSaving;

    protected void Run(SetupCommand command) => Dispatcher.Dispatch(new RunSetupCommandAction(UserId, command));

    protected string? ErrorFor(string field) => Setup.Value.ErrorFor(field);

    private int _generation = -1;

    /// <summary>
    /// Forms copy the view into their own model: anew after a save or a reload, never while the
    /// user's input is waiting (so a refused save loses nothing typed).
    /// </summary>
    protected override void OnParametersSet() => SyncWithView();

    // A store change re-renders the component without new parameters: sync here too.
    protected override void OnStoreChanged() => SyncWithView();

    private void SyncWithView()
    {
        if (Setup.Value.View is null || Setup.Value.Generation == _generation)
            return;
        _generation = Setup.Value.Generation;
        Reset(View);
    }

    protected virtual void Reset(SetupView view)
    {
    }
}
