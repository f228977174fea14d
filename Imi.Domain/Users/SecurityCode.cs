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
            throw new DomainException($"The security code is exactly {Length} digits.", "SecurityCode");
        if (value.Distinct().Count() < 4)
            throw new DomainException("Choose a security code with at least four different digits.", "SecurityCode");
        return value;
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
