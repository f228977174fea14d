using Imi.Infrastructure.Localization;

namespace Imi.Tests.Localization;

/// <summary>Every text exists in every one of the 26 languages, whole, with the same placeholders and the plural forms its language needs.</summary>
public class TextCompletenessTests
{
    private static readonly TextCatalog Catalog = TextCatalog.Shipped;

    public static TheoryData<string> Languages() => [.. PortalLanguages.Codes];

    [Fact]
    public void TheCatalogue_HasEveryPortalLanguage()
    {
        Assert.Equal(26, PortalLanguages.Codes.Count);
        Assert.Equal(PortalLanguages.Codes.Order(), Catalog.Languages.Order());
    }

    /// <summary>
    /// "12 characters", "1 character": a number before a noun needs the language's plural forms ("12 znaków",
    /// "2 znaki"), so such a text is a plural object chosen by <c>{count}</c>; a count in a plain text only as a
    /// counter in brackets ("All (12)"), units and ranges ("10 MB", "from 1 to 5") aside.
    /// </summary>
    [Fact]
    public void ANumberBeforeANoun_IsAPluralText()
    {
        var numberThenWord = new System.Text.RegularExpressions.Regex(@"\{(count|max|min|length|seconds|size)(:[^}]*)?\}\s*(\w+)");
        string[] notNouns = ["and", "to", "MB", "KB", "s"];
        var offenders = Catalog.TextsOf("en")
            .Where(t => t.Value.Single is { } text
                && (numberThenWord.Matches(text).Any(m => !notNouns.Contains(m.Groups[3].Value))
                    || System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<!\()\{count\}")))
            .Select(t => $"{t.Key}: {t.Value.Single}")
            .ToList();
        Assert.True(offenders.Count == 0, "Make these plural texts chosen by {count}:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryKey_ExistsInTheLanguage_WithTheSamePlaceholders_AndItsPluralForms(string language)
    {
        var english = Catalog.TextsOf("en");
        var texts = Catalog.TextsOf(language);
        var same = TextCatalog.ShippedSameAsEnglish(language);
        var problems = new List<string>();
        foreach (var (key, englishValue) in english)
        {
            if (!texts.TryGetValue(key, out var value))
            {
                problems.Add($"{key}: missing");
                continue;
            }
            var expected = englishValue.Variants.SelectMany(TextCatalog.PlaceholdersOf).ToHashSet();
            foreach (var variant in value.Variants)
            {
                if (string.IsNullOrWhiteSpace(variant))
                    problems.Add($"{key}: empty");
                if (!TextCatalog.PlaceholdersOf(variant).SetEquals(expected))
                    problems.Add($"{key}: placeholders {{{string.Join(", ", TextCatalog.PlaceholdersOf(variant))}}} instead of {{{string.Join(", ", expected)}}}");
            }
            if ((englishValue.Plural is null) != (value.Plural is null))
                problems.Add($"{key}: plural forms in one language and not the other");
            if (value.Plural is not null)
                foreach (var category in PluralRules.CategoriesOf(language).Where(c => !value.Plural.ContainsKey(c)))
                    problems.Add($"{key}: no '{category.ToString().ToLowerInvariant()}' form");
            if (language != "en" && !same.Contains(key) && value.Variants.SequenceEqual(englishValue.Variants))
                problems.Add($"{key}: the English text (mark it in \"@sameAsEnglish\" if that is right)");
        }
        problems.AddRange(texts.Keys.Except(english.Keys).Select(k => $"{k}: not in English (left over?)"));
        Assert.True(problems.Count == 0, $"{language}:\n" + string.Join("\n", problems));
    }
}
