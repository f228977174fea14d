using Bunit;
using Imi.Infrastructure;
using Imi.Infrastructure.Mail;
using Imi.Portal.Components.Account;
using Imi.Tests.Support;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Demo;
using Imi.Tests.EndToEnd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

public class SignInComponentTests(DatabaseFixture database)
    : PortalComponentTest(Infrastructure(database, runLocalInbox: true), interactive: false), IClassFixture<DatabaseFixture>
{

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

        cut.WaitForAssertion(() => Assert.Contains("username or password is not right", cut.Find("[data-testid=sign-in-error]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("demo.ie.basic", cut.Find("#username").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(cut.Find("#password").GetAttribute("value")));
    }

    /// <summary>Decision 010: the right password of a user whose authority was deactivated says so (the database is this class's own).</summary>
    [Fact]
    public async Task TheRightPassword_OfADeactivatedAuthoritysUser_SaysTheAuthorityIsNotActive()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<ImiDbContext>>().CreateDbContextAsync())
        {
            var nice = await db.ImiUsers.SingleAsync(u => u.Username == "demo.fr.nice");
            var frenchNimic = await db.ImiUsers.SingleAsync(u => u.Username == "demo.fr.coordinator");
            await Services.GetRequiredService<Imi.Infrastructure.Coordination.CoordinationService>()
                .ExecuteAsync(frenchNimic.Id, new Imi.Infrastructure.Coordination.DeactivateAuthority(nice.AuthorityId));
        }
        var cut = RenderSignIn();
        cut.Find("#username").Change("demo.fr.nice");
        cut.Find("#password").Change(DemoNetwork.Password);

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(UserTexts.In("en")["Account.SignIn.AuthorityNotActive"], cut.Find("[data-testid=sign-in-error]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void InDevelopment_LinksToTheLocalInbox()
    {
        var cut = RenderSignIn();

        Assert.NotNull(cut.Find("a[href='dev/inbox']"));
    }
}
