namespace Imi.Portal.Components.Shared;

/// <summary>
/// MudBlazor's CSS classes for elements written as plain markup on the pages every signed-in user keeps open (the
/// shell, the action list, the allocation board): a MudBlazor component there costs two render trees in every live
/// circuit, an element with these classes looks the same and costs a few frames. Elsewhere, use the components.
/// </summary>
public static class MudLook
{
    /// <summary>
    /// A MudButton's classes: variant text, outlined or filled; colour default, primary or inherit; size small or
    /// medium (the default colour and size have no classes of their own in the stylesheet).
    /// </summary>
    public static string Button(string variant, string color = "default", string size = "medium") =>
        $"mud-button-root mud-button mud-button-{variant}"
        + (color == "default" ? "" : $" mud-button-{variant}-{color}")
        + (size == "medium" ? "" : $" mud-button-{variant}-size-{size}")
        + " mud-ripple";

    public static readonly string TextButton = Button("text");
    public static readonly string SmallTextButton = Button("text", size: "small");
    public static readonly string SmallOutlinedButton = Button("outlined", size: "small");
    public static readonly string SmallPrimaryButton = Button("filled", "primary", "small");
    public static readonly string PrimaryButton = Button("filled", "primary");

    /// <summary>A MudChip's classes, as a filter button (the chosen one in the primary colour).</summary>
    public const string ChipButton = "mud-chip mud-chip-filled mud-chip-size-medium mud-clickable mud-ripple";
    public const string ChosenChipButton = ChipButton + " mud-chip-color-primary";
    public const string OverdueChip = "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-error";
    public const string DueSoonChip = "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-warning";

    /// <summary>MudSimpleTable's outer element (dense, hover); a <c>mud-table-container</c> div holds the table.</summary>
    public const string SimpleTable = "mud-table mud-simple-table mud-table-dense mud-table-hover mud-elevation-1";

    public const string H4 = "mud-typography mud-typography-h4";
    public const string H6 = "mud-typography mud-typography-h6";
    public const string Body1 = "mud-typography mud-typography-body1";
    public const string Body2 = "mud-typography mud-typography-body2";
}
