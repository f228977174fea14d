using System.Text.RegularExpressions;
using Imi.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Imi.Portal.Components.Shared;

/// <summary>A value shown inside a sentence: data (a name, an address), not text to translate.</summary>
/// <param name="Name">The placeholder it fills (<c>{name}</c>).</param>
/// <param name="Strong">Shown in bold.</param>
/// <param name="Id">An id for the element (a script fills it).</param>
public sealed record TextData(string Name, string? Value, bool Strong = false, string? Id = null);

/// <summary>
/// A whole sentence of the catalogue in the reader's language, with data inside it (a person's name, an
/// authority's title, an e-mail address) each in its own element marked <c>translate="no"</c>, where the
/// language puts it. The sentence stays one translatable unit; the data is never translated (by a browser)
/// nor taken for text (by the pseudo-language test).
/// </summary>
public sealed partial class TextWithData : ComponentBase
{
    [Inject] private Texts T { get; set; } = default!;

    [Parameter, EditorRequired] public string Key { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<TextData> Data { get; set; } = [];

    /// <summary>Other placeholders, filled as text (a count, a translated word).</summary>
    [Parameter] public IReadOnlyList<TextArg> Args { get; set; } = [];

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        // Each value goes in as a marker of private-use characters and a digit, which no language's
        // text and no pseudo-localization touches; the sentence is then cut at the markers.
        var text = T[Key, [.. Data.Select((d, i) => new TextArg(d.Name, Marker(i))), .. Args]];
        var position = 0;
        foreach (Match m in MarkerPattern().Matches(text))
        {
            builder.AddContent(0, text[position..m.Index]);
            var data = Data[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
            builder.OpenElement(1, data.Strong ? "strong" : "span");
            builder.AddAttribute(2, "translate", "no");
            if (data.Id is not null)
                builder.AddAttribute(3, "id", data.Id);
            builder.AddContent(4, data.Value);
            builder.CloseElement();
            position = m.Index + m.Length;
        }
        builder.AddContent(5, text[position..]);
    }

    private static string Marker(int index) => $"\uE000{index}\uE001";

    [GeneratedRegex("\uE000([0-9]+)\uE001")]
    private static partial Regex MarkerPattern();
}
