using Imi.Domain.Common;

namespace Imi.Tests.Domain;

public class TextInputTests
{
    [Theory]
    [InlineData("King\u0000's Inns", "King's Inns")]          // NUL: PostgreSQL refuses it in text
    [InlineData("King\u0007's\u001B Inns", "King's Inns")]    // BEL, ESC
    [InlineData("Kings\u200BInns", "KingsInns")]              // zero-width space
    [InlineData("Bank \u202Eevil\u202C", "Bank evil")]        // right-to-left override and pop
    [InlineData("\u2066Isolated\u2069", "Isolated")]          // bidi isolates
    [InlineData("\uFEFFTitle", "Title")]                      // byte-order mark
    [InlineData("  two\r\nlines\t ", "two lines")]            // a line has no breaks
    public void Line_RemovesControlAndInvisibleCharacters(string typed, string kept) =>
        Assert.Equal(kept, TextInput.Line(typed));

    [Fact]
    public void Block_KeepsLineBreaksAndTabs_AsNewlines() =>
        Assert.Equal("first\nsecond\tcolumn\nthird", TextInput.Block("first\r\nsecond\tcolumn\rthird\u0000"));

    [Fact]
    public void Text_IsNormalisedToComposedForm()
    {
        var decomposed = "Orda\u0303o dos Me\u0301dicos"; // ã and é as letter + combining mark
        var cleaned = TextInput.Line(decomposed);
        Assert.Equal("Ordão dos Médicos", cleaned);
        Assert.Equal(17, cleaned.Length); // 19 before: two combining marks
    }

    [Fact]
    public void Guard_CleansWhatTheDomainKeeps()
    {
        var authority = DomainBuilders.Authority();
        authority.UpdateGeneralInformation(DomainBuilders.LocalDataAdministratorOf(authority),
            DomainBuilders.Info(informalTitle: "Dental\u202E Council\u0000"), false);
        Assert.Equal("Dental Council", authority.InformalTitle);
    }
}
