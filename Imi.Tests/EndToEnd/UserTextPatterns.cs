using System.Text.RegularExpressions;
using Imi.Infrastructure.Localization;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// A catalogue sentence as a pattern, for a page that shows data the test does not know exactly (which
/// authority title a reader sees): the words are the catalogue's in the reader's language, the placeholders
/// given as <see cref="Any"/> match any text, the others are formatted as the page formats them.
/// </summary>
internal static class UserTextPatterns
{
    /// <summary>A placeholder value that stands for any text.</summary>
    public static readonly object Any = new AnyText();

    public static Regex Pattern(this LanguageTexts texts, string key, params TextArg[] args)
    {
        var holes = new Dictionary<string, string>();
        var filled = args.Select(a =>
        {
            if (a.Value is not AnyText)
                return a;
            var hole = $"\u0001{holes.Count}\u0002";
            holes[hole] = ".+?";
            return new TextArg(a.Name, hole);
        }).ToArray();
        var pattern = Regex.Escape(texts[key, filled]);
        foreach (var (hole, match) in holes)
            pattern = pattern.Replace(Regex.Escape(hole), match);
        return new Regex(pattern);
    }

    private sealed class AnyText
    {
        public override string ToString() => "\u0001any\u0002";
    }
}
