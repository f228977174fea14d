using Bunit;
using Imi.Infrastructure.Localization;
using Imi.Portal.Components.Shared;
using System.Globalization;

namespace Imi.Tests.Portal;

public class TextWithDataTests : PortalComponentTest
{
    [Fact]
    public void DataInASentence_IsMarkedAsData_WhereTheSentencePutsIt()
    {
        var cut = Render<TextWithData>(p => p
            .Add(c => c.Key, "Inbox.FromAndTo")
            .Add(c => c.Data, [new TextData("from", "imi@example.eu"), new TextData("to", "aoife@example.ie", Strong: true)]));

        Assert.Equal("From imi@example.eu · To aoife@example.ie", string.Concat(cut.Nodes.Select(n => n.TextContent)));
        Assert.Equal(["imi@example.eu", "aoife@example.ie"], cut.FindAll("[translate=no]").Select(e => e.TextContent));
        Assert.Equal("aoife@example.ie", cut.Find("strong[translate=no]").TextContent);
    }

    [Fact]
    public void InThePseudoLanguage_OnlyTheDataIsLeftPlain()
    {
        var ui = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = PortalLanguages.CultureOf(PortalLanguages.Pseudo);
        try
        {
            var cut = Render<TextWithData>(p => p
                .Add(c => c.Key, "Home.Welcome")
                .Add(c => c.Data, [new TextData("name", "Aoife Byrne")]));

            Assert.Equal("⟦Wélçómé, ", cut.Nodes[0].TextContent);
            Assert.Equal("Aoife Byrne", cut.Find("span[translate=no]").TextContent);
            Assert.Equal("⟧", cut.Nodes[^1].TextContent);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
