using Bunit;
using Imi.Portal.Store;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

/// <summary>A form that copies the store's count into its own field, as the profile and set-up forms do.</summary>
public sealed class CountCopyingForm : StoreComponent
{
    [Inject] private IState<CounterState> Counter { get; set; } = default!;

    private int copied;

    protected override void OnStoreChanged() => copied = Counter.Value.Count;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "output");
        builder.AddContent(1, copied);
        builder.CloseElement();
        // Two changes during one event, as when a save's result and a reload land in one render batch.
        builder.OpenElement(2, "button");
        builder.AddAttribute(3, "onclick", EventCallback.Factory.Create(this, () =>
        {
            Dispatcher.Dispatch(new IncrementAction(1));
            Dispatcher.Dispatch(new IncrementAction(2));
        }));
        builder.CloseElement();
    }
}

public class StoreComponentTests : BunitContext
{
    public StoreComponentTests() =>
        Services.AddImiStore(typeof(StoreComponentTests).Assembly);

    [Fact]
    public void EveryChange_ReachesTheForm_EvenWhenTwoChangesShareOneRender()
    {
        var form = Render<CountCopyingForm>();

        // Two changes while the renderer is busy with an event: Blazor renders once, and skips ShouldRender
        // for the second (a copy made there would keep the first count, and overwrite the form at some later render).
        form.Find("button").Click();

        Assert.Equal("3", form.Find("output").TextContent);
    }
}
