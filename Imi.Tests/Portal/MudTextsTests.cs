using Bunit;
using Imi.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Imi.Tests.Portal;

/// <summary>MudBlazor's components take their own texts from our catalogue (through ImiMudLocalizer).</summary>
public class MudTextsTests() : PortalComponentTest(s => s.AddSingleton(TextCatalog.FromJson(new Dictionary<string, string>
{
    ["en"] = """{ "Mud": { "MudAlert_Close": "Dismiss this message" } }""",
})))
{
    [Fact]
    public void AnAlertsCloseButton_IsNamedByOurCatalogue()
    {
        var cut = Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).AddChildContent("Saved."));

        Assert.Equal("Dismiss this message", cut.Find("button").GetAttribute("aria-label"));
    }
}
