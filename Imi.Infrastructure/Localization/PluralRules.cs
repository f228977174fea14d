namespace Imi.Infrastructure.Localization;

/// <summary>The plural forms of CLDR for a whole number, per portal language.</summary>
public enum PluralCategory { Zero, One, Two, Few, Many, Other }

/// <summary>
/// CLDR's cardinal plural rules (integers) for the portal's 26 languages: "1 request", "2 žádosti",
/// "5 žádostí". A text with a count has one form per category its language uses.
/// </summary>
public static class PluralRules
{
    public static PluralCategory Of(string language, long n)
    {
        n = Math.Abs(n);
        long mod10 = n % 10, mod100 = n % 100;
        return language switch
        {
            "cs" or "sk" => n == 1 ? PluralCategory.One : n is >= 2 and <= 4 ? PluralCategory.Few : PluralCategory.Other,
            "pl" => n == 1 ? PluralCategory.One
                : mod10 is >= 2 and <= 4 && mod100 is not (>= 12 and <= 14) ? PluralCategory.Few
                : PluralCategory.Many,
            "hr" => mod10 == 1 && mod100 != 11 ? PluralCategory.One
                : mod10 is >= 2 and <= 4 && mod100 is not (>= 12 and <= 14) ? PluralCategory.Few
                : PluralCategory.Other,
            "sl" => mod100 == 1 ? PluralCategory.One : mod100 == 2 ? PluralCategory.Two : mod100 is 3 or 4 ? PluralCategory.Few : PluralCategory.Other,
            "lt" => mod10 == 1 && mod100 is not (>= 11 and <= 19) ? PluralCategory.One
                : mod10 is >= 2 and <= 9 && mod100 is not (>= 11 and <= 19) ? PluralCategory.Few
                : PluralCategory.Other,
            "lv" => mod10 == 0 || mod100 is >= 11 and <= 19 ? PluralCategory.Zero
                : mod10 == 1 && mod100 != 11 ? PluralCategory.One
                : PluralCategory.Other,
            "ro" => n == 1 ? PluralCategory.One : n == 0 || mod100 is >= 1 and <= 19 ? PluralCategory.Few : PluralCategory.Other,
            "ga" => n == 1 ? PluralCategory.One : n == 2 ? PluralCategory.Two : n is >= 3 and <= 6 ? PluralCategory.Few
                : n is >= 7 and <= 10 ? PluralCategory.Many : PluralCategory.Other,
            "mt" => n == 1 ? PluralCategory.One : n == 2 ? PluralCategory.Two
                : n == 0 || mod100 is >= 3 and <= 10 ? PluralCategory.Few
                : mod100 is >= 11 and <= 19 ? PluralCategory.Many : PluralCategory.Other,
            "is" => mod10 == 1 && mod100 != 11 ? PluralCategory.One : PluralCategory.Other,
            // CLDR's "many" of French, Spanish, Italian and Portuguese is for exact millions ("1 million de demandes"):
            // counts in the portal never read that way, so those languages need only "one" and "other".
            "fr" => n is 0 or 1 ? PluralCategory.One : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>The categories a text with a count must give in this language (for the completeness test).</summary>
    public static IReadOnlySet<PluralCategory> CategoriesOf(string language)
    {
        var seen = new HashSet<PluralCategory>();
        for (var n = 0; n <= 200; n++)
            seen.Add(Of(language, n));
        return seen;
    }
}
