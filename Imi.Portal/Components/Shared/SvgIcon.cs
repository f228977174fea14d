using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Imi.Portal.Components.Shared;

/// <summary>
/// A MudBlazor icon (its SVG path data) as markup, for places where a <c>MudIcon</c> component would only draw it:
/// markup is one frame of its parent's render tree, a component is two render trees kept in every live circuit.
/// Decorative: hidden from screen readers (the control around it carries the name).
/// </summary>
public static class SvgIcon
{
    private static readonly ConcurrentDictionary<string, MarkupString> Markup = new();

    private static readonly ConcurrentDictionary<string, MarkupString> StartMarkup = new();

    /// <summary>The icon at the start of a MudButton's label (MudButton's <c>StartIcon</c>).</summary>
    public static MarkupString Start(string icon) => StartMarkup.GetOrAdd(icon, static paths => new MarkupString(
        $"<span class=\"mud-button-icon-start mud-button-icon-size-medium\">{Of(paths)}</span>"));

    public static MarkupString Of(string icon) => Markup.GetOrAdd(icon, static paths => new MarkupString(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{paths}</svg>"));
}
