using System.Globalization;
using System.Text;

namespace Imi.Domain.Common;

/// <summary>
/// What every text a user types goes through before the domain keeps it: Unicode-normalised (NFC),
/// with control characters, zero-width characters and bidirectional overrides removed (they spoof
/// titles, break e-mail headers and are refused by PostgreSQL in the case of NUL). A single line also
/// loses its line breaks; a multi-line text keeps <c>\n</c> and tabs, with <c>\r\n</c> made <c>\n</c>.
/// </summary>
public static class TextInput
{
    /// <summary>A title, a name, a city: one line.</summary>
    public static string Line(string? value) => Clean(value, multiline: false);

    /// <summary>A profile, a comment, an answer: several lines.</summary>
    public static string Block(string? value) => Clean(value, multiline: true);

    public static string Clean(string? value, bool multiline)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var text = value.Replace("\r\n", "\n").Replace('\r', '\n');
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n' || rune.Value == '\t')
            {
                builder.Append(multiline ? (char)rune.Value : ' ');
                continue;
            }
            if (IsInvisibleOrControl(rune))
                continue;
            builder.Append(rune.ToString());
        }
        var cleaned = builder.ToString();
        if (!cleaned.IsNormalized(NormalizationForm.FormC))
            cleaned = cleaned.Normalize(NormalizationForm.FormC);
        return cleaned.Trim();
    }

    /// <summary>True when <paramref name="value"/> holds something <see cref="Clean"/> would remove (other than spacing).</summary>
    public static bool HasHiddenCharacters(string? value) =>
        value is not null && value.EnumerateRunes().Any(r => r.Value != '\n' && r.Value != '\r' && r.Value != '\t' && IsInvisibleOrControl(r));

    private static bool IsInvisibleOrControl(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Control:          // C0, DEL, C1: NUL, BEL, ESC, …
            case UnicodeCategory.Surrogate:        // a lone half of a pair
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                return true;
            case UnicodeCategory.Format:
                // Format characters are invisible: zero-width space/joiners, bidi marks, embeddings,
                // overrides and isolates, the BOM. The soft hyphen is harmless and kept.
                return rune.Value != 0x00AD;
            default:
                return rune.Value is 0x2028 or 0x2029; // line and paragraph separators
        }
    }
}
