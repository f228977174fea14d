using MudBlazor;

namespace Imi.Portal.Components.Layout;

/// <summary>Colours chosen for WCAG 2.1 AA contrast (at least 4.5:1 for text on them).</summary>
public static class ImiTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#003399",
            Secondary = "#6b4e00",
            AppbarBackground = "#003399",
            AppbarText = "#ffffff",
            TextSecondary = "#4a4a4a",
            Success = "#1b5e20",
            Info = "#0d47a1",
            Warning = "#8a4b00",
            Error = "#b00020",
        },
    };
}
