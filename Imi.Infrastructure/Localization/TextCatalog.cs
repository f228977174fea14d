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
/// Every text the portal shows or sends, per language, from <c>Localization/Texts/{Area}/{language}.json</c>
/// (embedded). A key is the area and the dotted path inside its file (<c>Requests.Actions.Accept</c> is
/// <c>Actions.Accept</c> in <c>Texts/Requests/*.json</c>); a value is a
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
        var text = Fill(pattern, culture, NamesOfEnums(language, culture, args));
        return pseudo ? PseudoLocalize(text) : text;
    }

    /// <summary>The key of an enum value's name: <c>Enums.RequestStatus.Sent</c>.</summary>
    public static string EnumKey(Enum value) => $"Enums.{value.GetType().Name}.{value}";

    // An enum value in a sentence ("the request is {status}") is shown by its name in the language.
    private ReadOnlySpan<TextArg> NamesOfEnums(string language, CultureInfo culture, ReadOnlySpan<TextArg> args)
    {
        var hasEnum = false;
        foreach (var arg in args)
            hasEnum |= arg.Value is Enum;
        if (!hasEnum)
            return args;
        var named = args.ToArray();
        for (var i = 0; i < named.Length; i++)
            if (named[i].Value is Enum e)
                named[i] = new TextArg(named[i].Name, Format(language == PortalLanguages.Pseudo ? PortalLanguages.Fallback : language, EnumKey(e), culture));
        return named;
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

    private const string ResourcePrefix = "Imi.Infrastructure.Localization.Texts.";

    /// <summary>The shipped files: <c>Texts/{Area}/{language}.json</c>, embedded as <c>…Texts.{Area}.{language}.json</c>.</summary>
    private static IEnumerable<(string Area, string Language, string Json)> ShippedFiles()
    {
        var assembly = typeof(TextCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var parts = name[ResourcePrefix.Length..^".json".Length].Split('.', '/', '\\');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (parts[0], parts[1], reader.ReadToEnd());
        }
    }

    private static TextCatalog LoadEmbedded()
    {
        var texts = new Dictionary<string, Dictionary<string, TextValue>>();
        foreach (var (area, language, json) in ShippedFiles())
        {
            var into = texts.TryGetValue(language, out var existing) ? existing : texts[language] = new(StringComparer.Ordinal);
            foreach (var (key, value) in Parse(json))
                into.Add(area + "." + key, value);
        }
        return new TextCatalog(texts);
    }

    /// <summary>
    /// Keys a language marks as rightly the same as English ("IMI", "E-mail" in some languages): the
    /// "@sameAsEnglish" list of each of its files, keys written as in the file (without the area).
    /// </summary>
    public static IReadOnlySet<string> ShippedSameAsEnglish(string language) =>
        ShippedFiles().Where(f => f.Language == language)
            .SelectMany(f => SameAsEnglish(f.Json).Select(k => f.Area + "." + k)).ToHashSet();

    public static IReadOnlySet<string> SameAsEnglish(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.TryGetProperty("@sameAsEnglish", out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToHashSet()
            : new HashSet<string>();
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
