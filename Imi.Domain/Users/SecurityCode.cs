using Imi.Domain.Common;

namespace Imi.Domain.Users;

/// <summary>
/// The 12-digit security code chosen at first sign-in. Each later sign-in asks for three of its
/// digits at random positions, so the whole code never crosses the wire.
/// </summary>
public static class SecurityCode
{
    public const int Length = 12;
    public const int DigitsAsked = 3;

    public static string Validate(string? code)
    {
        var value = code?.Trim() ?? "";
        if (value.Length != Length || !value.All(char.IsAsciiDigit))
            throw new DomainException(Refusals.SecurityCode.Length, "SecurityCode", ("count", Length));
        if (value.Distinct().Count() < 4)
            throw new DomainException(Refusals.SecurityCode.TooFewDigits, "SecurityCode", ("count", 4));
        if (IsSequence(value) || IsRepetition(value))
            throw new DomainException(Refusals.SecurityCode.Pattern, "SecurityCode");
        return value;
    }

    /// <summary>Every digit the previous plus the same step, modulo 10: 123456789012, 975319753197, … (NIST SP 800-63B: no sequences).</summary>
    private static bool IsSequence(string code)
    {
        var step = (code[1] - code[0] + 10) % 10;
        for (var i = 2; i < code.Length; i++)
            if ((code[i] - code[i - 1] + 10) % 10 != step)
                return false;
        return true;
    }

    /// <summary>A shorter group said again and again: 121212121212, 123412341234, 123456123456.</summary>
    private static bool IsRepetition(string code)
    {
        for (var period = 1; period <= code.Length / 2; period++)
        {
            var repeats = true;
            for (var i = period; i < code.Length && repeats; i++)
                repeats = code[i] == code[i - period];
            if (repeats)
                return true;
        }
        return false;
    }

    /// <summary>Every set of three positions (1-based, ascending) that can be asked: 220 of them.</summary>
    public static IReadOnlyList<SecurityCodeChallenge> AllChallenges { get; } = BuildAll();

    public static SecurityCodeChallenge RandomChallenge(Random random) =>
        AllChallenges[random.Next(AllChallenges.Count)];

    private static IReadOnlyList<SecurityCodeChallenge> BuildAll()
    {
        var all = new List<SecurityCodeChallenge>();
        for (var a = 1; a <= Length; a++)
            for (var b = a + 1; b <= Length; b++)
                for (var c = b + 1; c <= Length; c++)
                    all.Add(new SecurityCodeChallenge(all.Count, a, b, c));
        return all;
    }
}

/// <summary>Three positions of the security code (1-based, ascending) and the index of this set among all sets.</summary>
public sealed record SecurityCodeChallenge(int Index, int First, int Second, int Third)
{
    public IReadOnlyList<int> Positions => [First, Second, Third];

    public static SecurityCodeChallenge Of(int first, int second, int third) =>
        SecurityCode.AllChallenges.Single(c => c.First == first && c.Second == second && c.Third == third);

    /// <summary>The digits of <paramref name="code"/> at these positions.</summary>
    public string DigitsOf(string code) => string.Concat(Positions.Select(p => code[p - 1]));

    public override string ToString() => $"{First},{Second},{Third}";
}
