using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Imi.Infrastructure.Localization;

/// <summary>One text in one language: a sentence, or one sentence per plural category.</summary>
public sealed record TextValue(string? Single, IReadOnlyDictionary<PluralCategory, string>? Plural)
{
    public IEnumerable<string> Variants => Single is not null ? [Single] : Plural!.Values;
}

/// <summary>
/// Every text the portal shows or sends, per language, from <c>Localization/Texts/{language}.json</c>
/// (embedded). Keys are dotted paths of the JSON objects (<c>Requests.Actions.Accept</c>); a value is a
/// whole sentence with named placeholders (<c>{count}</c>, <c>{date}</c>, <c>{date:D}</c>), or an object
/// of plural forms (<c>one</c>, <c>few</c>, <c>other</c>, …) chosen by the <c>count</c> argument.
/// English is the fallback; the completeness test keeps it from ever being needed.
/// </summary>
public sealed partial class TextCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, TextValue>> _texts;

    private TextCatalog(Dictionary<string, Dictionary<string, TextValue>> texts) =>
        _texts = texts.ToFrozenDictionary(l => l.Key, l => l.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The catalogue shipped with the portal.</summary>
    public static TextCatalog Shipped { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Languages => _texts.Keys;

    public IReadOnlyDictionary<string, TextValue> TextsOf(string language) =>
        _texts.TryGetValue(language, out var texts) ? texts : FrozenDictionary<string, TextValue>.Empty;

    public bool Has(string key) => TextsOf(PortalLanguages.Fallback).ContainsKey(key);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, its placeholders filled, values formatted for <paramref name="culture"/>.</summary>
    public string Format(string language, string key, CultureInfo culture, params ReadOnlySpan<TextArg> args)
    {
        var pseudo = language == PortalLanguages.Pseudo;
        var value = Find(pseudo ? PortalLanguages.Fallback : language, key);
        if (value is null)
            return key; // only a key missing in English too gets here; the completeness test fails on it
        var pattern = value.Single ?? Choose(value.Plural!, pseudo ? PortalLanguages.Fallback : language, args);
        var text = Fill(pattern, culture, args);
        return pseudo ? PseudoLocalize(text) : text;
    }

    private TextValue? Find(string language, string key) =>
        TextsOf(language).GetValueOrDefault(key) ?? TextsOf(PortalLanguages.Fallback).GetValueOrDefault(key);

    private static string Choose(IReadOnlyDictionary<PluralCategory, string> forms, string language, ReadOnlySpan<TextArg> args)
    {
        long count = 0;
        foreach (var arg in args)
            if (arg.Name == "count" && arg.Value is IConvertible c)
                count = c.ToInt64(CultureInfo.InvariantCulture);
        return forms.GetValueOrDefault(PluralRules.Of(language, count)) ?? forms[PluralCategory.Other];
    }

    private static string Fill(string pattern, CultureInfo culture, ReadOnlySpan<TextArg> args)
    {
        if (args.Length == 0 || pattern.IndexOf('{') < 0)
            return pattern;
        var values = args.ToArray();
        return Placeholder().Replace(pattern, m =>
        {
            var name = m.Groups["name"].Value;
            foreach (var arg in values)
                if (arg.Name == name)
                    return FormatValue(arg.Value, m.Groups["format"].Success ? m.Groups["format"].Value : null, culture);
            return m.Value;
        });
    }

    /// <summary>Dates in the reader's short form unless a format is given; numbers in the reader's digits and separators.</summary>
    public static string FormatValue(object? value, string? format, CultureInfo culture) => value switch
    {
        null => "",
        DateOnly d => d.ToString(format ?? "d", culture),
        DateTimeOffset t => t.ToString(format ?? "g", culture),
        DateTime t => t.ToString(format ?? "g", culture),
        int or long or short => ((IFormattable)value).ToString(format ?? "N0", culture),
        IFormattable f => f.ToString(format, culture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The placeholders a text uses, for the completeness test.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet();

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9]+)(?::(?<format>[^{}]+))?\}")]
    private static partial Regex Placeholder();

    // Accented letters inside brackets: still readable, plainly not English; placeholders already filled.
    private static string PseudoLocalize(string text)
    {
        var builder = new StringBuilder("⟦", text.Length + 2);
        foreach (var ch in text)
            builder.Append(ch switch
            {
                'a' => 'á', 'e' => 'é', 'i' => 'í', 'o' => 'ó', 'u' => 'ú', 'c' => 'ç', 'n' => 'ñ', 'y' => 'ý',
                'A' => 'Å', 'E' => 'É', 'I' => 'Î', 'O' => 'Ö', 'U' => 'Û', 'C' => 'Ç', 'N' => 'Ñ',
                _ => ch,
            });
        return builder.Append('⟧').ToString();
    }

    public static bool IsPseudoLocalized(string text) => text.StartsWith('⟦') && text.EndsWith('⟧');

    /// <summary>Reads one language's JSON: nested objects become dotted keys; an object of plural forms is one text.</summary>
    public static Dictionary<string, TextValue> Parse(string json)
    {
        var result = new Dictionary<string, TextValue>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        Walk(document.RootElement, "", result);
        return result;
    }

    private static void Walk(JsonElement element, string prefix, Dictionary<string, TextValue> into)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith('@'))
                continue; // notes for translators and tests, such as "@sameAsEnglish"
            var key = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.String)
                into[key] = new TextValue(value.GetString()!, null);
            else if (value.ValueKind == JsonValueKind.Object && IsPluralObject(value))
                into[key] = new TextValue(null, value.EnumerateObject().ToDictionary(
                    p => Enum.Parse<PluralCategory>(p.Name, ignoreCase: true), p => p.Value.GetString()!));
            else if (value.ValueKind == JsonValueKind.Object)
                Walk(value, key, into);
            else
                throw new FormatException($"Text '{key}' must be a string, an object of texts, or an object of plural forms.");
        }
    }

    private static bool IsPluralObject(JsonElement value) =>
        value.EnumerateObject().Any(p => p.Name == "other")
        && value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String && Enum.TryParse<PluralCategory>(p.Name, ignoreCase: true, out _));

    private static TextCatalog LoadEmbedded()
    {
        var assembly = typeof(TextCatalog).Assembly;
        const string prefix = "Imi.Infrastructure.Localization.Texts.";
        var texts = new Dictionary<string, Dictionary<string, TextValue>>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var language = name[prefix.Length..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            texts[language] = Parse(reader.ReadToEnd());
        }
        return new TextCatalog(texts);
    }

    /// <summary>Keys a language marks as rightly the same as English ("IMI", "E-mail" in some languages): its "@sameAsEnglish" list.</summary>
    public static IReadOnlySet<string> SameAsEnglish(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.TryGetProperty("@sameAsEnglish", out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToHashSet()
            : new HashSet<string>();
    }

    /// <summary>The shipped JSON of one language (for the completeness test).</summary>
    public static string? ShippedJson(string language)
    {
        using var stream = typeof(TextCatalog).Assembly.GetManifestResourceStream($"Imi.Infrastructure.Localization.Texts.{language}.json");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>For tests: a catalogue from JSON texts per language.</summary>
    public static TextCatalog FromJson(IReadOnlyDictionary<string, string> jsonPerLanguage) =>
        new(jsonPerLanguage.ToDictionary(l => l.Key, l => Parse(l.Value)));
}

/// <summary>A named value for a placeholder: <c>new("count", 3)</c>, or a tuple <c>("count", 3)</c>.</summary>
public readonly record struct TextArg(string Name, object? Value)
{
    public static implicit operator TextArg((string Name, object? Value) tuple) => new(tuple.Name, tuple.Value);
}
