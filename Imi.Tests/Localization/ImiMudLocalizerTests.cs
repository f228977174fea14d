using System.Globalization;
using System.Text.Json;
using Imi.Infrastructure.Localization;
using Imi.Portal.Localization;
using MudBlazor;

namespace Imi.Tests.Localization;

public class ImiMudLocalizerTests
{
    private static readonly TextCatalog Catalog = TextCatalog.FromJson(new Dictionary<string, string>
    {
        ["en"] = """{ "Mud": { "MudAlert_Close": "Close", "MudPagination_PageIndex": "Page {0}", "MudDataGridPager_InfoFormat": "{0}-{1} of {2}" } }""",
        ["cs"] = """{ "Mud": { "MudAlert_Close": "Zavřít", "MudPagination_PageIndex": "Strana {0}", "MudDataGridPager_InfoFormat": "{0}–{1} z {2}" } }""",
    });

    private static T InLanguage<T>(string code, Func<T> read)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalLanguages.CultureOf(code);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public void AMudKey_ReadsOurTextInTheReadersLanguage() =>
        Assert.Equal("Zavřít", InLanguage("cs", () => new ImiMudLocalizer(new Texts(Catalog))["MudAlert_Close"].Value));

    [Fact]
    public void MudBlazorsPositionalPlaceholders_AreFilled_InTheReadersFormat()
    {
        var localizer = new ImiMudLocalizer(new Texts(Catalog));

        Assert.Equal("Strana 3", InLanguage("cs", () => localizer["MudPagination_PageIndex", 3].Value));
        Assert.Equal("1–50 z 1 234", InLanguage("cs", () => localizer["MudDataGridPager_InfoFormat", 1, 50, 1234].Value.Replace('\u00A0', ' ')));
        Assert.Equal("1-50 of 1,234", InLanguage("en", () => localizer["MudDataGridPager_InfoFormat", 1, 50, 1234].Value));
    }

    [Fact]
    public void AKeyWeDoNotHave_IsNotFound_SoMudBlazorWritesItsOwn() =>
        Assert.True(InLanguage("cs", () => new ImiMudLocalizer(new Texts(Catalog))["MudDataGrid_GreaterThanOrEqualSign"].ResourceNotFound));

    [Fact]
    public void EveryShippedMudText_IsAKeyMudBlazorHas_WithItsPlaceholders()
    {
        // After a MudBlazor upgrade: a renamed key would silently show MudBlazor's English again.
        var mudBlazors = new System.Resources.ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudAlert).Assembly);
        var ours = TextCatalog.Shipped.TextsOf("en").Where(t => t.Key.StartsWith("Mud.", StringComparison.Ordinal)).ToList();

        Assert.True(ours.Count > 100, $"only {ours.Count} Mud texts");
        foreach (var (key, text) in ours)
        {
            var original = mudBlazors.GetString(key["Mud.".Length..], CultureInfo.InvariantCulture);
            Assert.True(original is not null, $"{key}: MudBlazor has no such text");
            Assert.Equal(TextCatalog.PlaceholdersOf(original), TextCatalog.PlaceholdersOf(text.Single!));
        }
    }
}
