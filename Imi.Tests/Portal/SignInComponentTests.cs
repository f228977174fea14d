using Bunit;
using Imi.Infrastructure;
using Imi.Infrastructure.Mail;
using Imi.Portal.Components.Account;
using Imi.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

public class SignInComponentTests(DatabaseFixture database)
    : PortalComponentTest(s => AddInfrastructure(s, database), interactive: false), IClassFixture<DatabaseFixture>
{
    private static void AddInfrastructure(IServiceCollection services, DatabaseFixture database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Imi"] = database.ConnectionString,
            ["Security:SecurityCodeKey"] = TestDatabase.SecurityCodeKey,
            ["Mail:SendOutbox"] = "false",
            ["Mail:RunLocalInbox"] = "true",
        }).Build();
        services.AddImiInfrastructure(configuration);
    }

    private IRenderedComponent<SignIn> RenderSignIn() =>
        Render<SignIn>(p => p.AddCascadingValue(new DefaultHttpContext { Request = { Method = "POST" } }));

    [Fact]
    public void EmptyForm_ShowsAMessageNextToEachField()
    {
        var cut = RenderSignIn();

        cut.Find("form").Submit();

        var messages = cut.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Equal(["Enter your username.", "Enter your password."], messages);
    }

    [Fact]
    public void WrongPassword_SaysSo_KeepsTheUsername_AndNeverRendersThePasswordBack()
    {
        var cut = RenderSignIn();
        cut.Find("#username").Change("demo.ie.basic");
        cut.Find("#password").Change("not-the-password");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("username or password is not right", cut.Find("[data-testid=sign-in-error]").TextContent));
        Assert.Equal("demo.ie.basic", cut.Find("#username").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(cut.Find("#password").GetAttribute("value")));
    }

    [Fact]
    public void InDevelopment_LinksToTheLocalInbox()
    {
        var cut = RenderSignIn();

        Assert.NotNull(cut.Find("a[href='dev/inbox']"));
    }
}
