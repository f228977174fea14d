using Imi.Infrastructure.Search;

namespace Imi.Tests.Infrastructure;

public class SearchQueryTests
{
    [Fact]
    public void ALongText_IsCutAtTheLimit_AndSaysSo()
    {
        var text = string.Concat(Enumerable.Repeat("architectes ", 25));

        Assert.True(SearchQuery.IsCut(text));
        Assert.Equal(text[..SearchQuery.MaxTextLength].TrimEnd(), SearchQuery.Searchable(text));
    }

    [Fact]
    public void ATextWithinTheLimit_IsNotCut()
    {
        var text = new string('a', SearchQuery.MaxTextLength);

        Assert.False(SearchQuery.IsCut(text));
        Assert.Equal(text, SearchQuery.Searchable(text));
    }

    [Fact]
    public void TheCut_NeverSplitsACharacter()
    {
        // An emoji is two UTF-16 units; half of one cannot be sent to PostgreSQL.
        var text = new string('a', SearchQuery.MaxTextLength - 1) + "😀 and more";

        Assert.Equal(new string('a', SearchQuery.MaxTextLength - 1), SearchQuery.Searchable(text));
    }

    [Fact]
    public void ControlAndInvisibleCharacters_AreRemoved_BeforeTheLimitIsCounted()
    {
        var text = "\0" + new string('a', SearchQuery.MaxTextLength) + "\u200b\u001b";

        Assert.False(SearchQuery.IsCut(text));
        Assert.Equal(new string('a', SearchQuery.MaxTextLength), SearchQuery.Searchable(text));
    }
}
