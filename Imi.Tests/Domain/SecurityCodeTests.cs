using Imi.Domain.Common;
using Imi.Domain.Users;

namespace Imi.Tests.Domain;

public class SecurityCodeTests
{
    [Fact]
    public void AllChallenges_AreThe220SetsOfThreeAscendingPositions()
    {
        var all = SecurityCode.AllChallenges;

        Assert.Equal(220, all.Count);
        Assert.All(all, c => Assert.True(c.First < c.Second && c.Second < c.Third && c.First >= 1 && c.Third <= 12));
        Assert.Equal(220, all.Select(c => c.ToString()).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 220), all.Select(c => c.Index));
    }

    [Fact]
    public void DigitsOf_TakesTheDigitsAtTheOneBasedPositions()
    {
        var challenge = SecurityCodeChallenge.Of(1, 5, 12);

        Assert.Equal("152", challenge.DigitsOf("123456789012"));
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    [InlineData("111111111111")]
    [InlineData("121212121212")]
    [InlineData("123456789012")] // a run (NIST SP 800-63B: no sequences)
    [InlineData("975319753197")]
    [InlineData("123412341234")] // a repeated group
    [InlineData("123456123456")]
    public void Validate_RefusesCodesThatAreNotTwelveVariedDigits(string code)
    {
        var e = Assert.Throws<DomainException>(() => SecurityCode.Validate(code));
        Assert.Equal("SecurityCode", e.Field);
    }

    [Fact]
    public void RandomChallenge_VariesBetweenAttempts()
    {
        var random = new Random(42);
        var seen = Enumerable.Range(0, 20).Select(_ => SecurityCode.RandomChallenge(random).Index).Distinct().Count();

        Assert.True(seen > 10);
    }
}
