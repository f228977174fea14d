using AngleSharp.Dom;
using Bunit;
using Imi.Infrastructure;
using Imi.Infrastructure.Setup;
using Imi.Portal.Components.Setup;
using Imi.Portal.Store.Setup;
using Imi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

/// <summary>The step components against the real use-case services on a test database.</summary>
public class SetupStepComponentTests(DatabaseFixture database)
    : PortalComponentTest(Infrastructure(database)), IClassFixture<DatabaseFixture>
{

    private async Task<Guid> LoadAsync(string username)
    {
        var userId = await UserIdAsync(username);
        var view = await Services.GetRequiredService<SetupService>().GetAsync(userId);
        Dispatcher.Dispatch(new SetupLoadedAction(view));
        return userId;
    }

    public static TheoryData<int> AllSteps => new(Enumerable.Range(1, 15));

    [Theory]
    [MemberData(nameof(AllSteps))]
    public async Task EveryStep_IsReadOnly_ForABasicUser(int step)
    {
        var userId = await LoadAsync(step >= 13 ? "demo.de.referrals" : "demo.ie.basic");

        var cut = Render<DynamicComponent>(p => p
            .Add(c => c.Type, SetupText.ComponentFor(step))
            .Add(c => c.Parameters, new Dictionary<string, object> { ["UserId"] = userId }));

        var editable = cut.FindAll("input, textarea")
            .Where(i => !i.HasAttribute("disabled") && !i.HasAttribute("readonly") && i.GetAttribute("type") != "hidden"
                        && i.GetAttribute("data-testid") != "user-filter")
            .Select(i => i.OuterHtml).ToList();
        Assert.Empty(editable);
        var actions = cut.FindAll("button").Where(b => !b.HasAttribute("disabled") && !b.ClassList.Contains("mud-select-input"))
            .Select(b => b.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Empty(actions);
    }

    [Fact]
    public async Task Step1_ShowsMessagesNextToTheFields_AndDoesNotSave()
    {
        var userId = await LoadAsync(Imi.Infrastructure.Demo.DemoNetwork.NewFirstUsername);
        var cut = Render<Step01GeneralInformation>(p => p.Add(c => c.UserId, userId));

        cut.Find("input[data-testid=informal-title]").Change("");
        cut.Find("input[data-testid=authority-email]").Change("not an address");
        cut.Find("input[data-testid=website]").Change("dentalcouncil.ie");
        cut.Find("button[data-testid=save-step]").Click();

        cut.WaitForAssertion(() =>
        {
            var text = cut.Markup;
            Assert.Contains("Give your authority a short, clear informal title.", text);
            Assert.Contains("Enter a valid e-mail address: alerts go there.", text);
            Assert.Contains("Enter a full address starting with https://.", text);
        });
        Assert.Null(Services.GetRequiredService<Imi.Portal.Store.IState<SetupState>>().Value.Message);
    }

    [Fact]
    public async Task Step10_ARefusedRegistration_ShowsTheServerMessageNextToTheEmail_AndKeepsWhatWasTyped()
    {
        var userId = await LoadAsync("demo.ie.kingsinns");
        var cut = Render<Step10RegisterUsers>(p => p.Add(c => c.UserId, userId));

        cut.Find("input[data-testid=new-given-name]").Change("Ciara");
        cut.Find("input[data-testid=new-family-name]").Change("Doyle");
        cut.Find("input[data-testid=new-email]").Change("conor.walsh@kingsinns.demo.ie"); // Conor's address
        cut.Find("button[data-testid=register-user]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Another user already has this e-mail address", cut.Markup), TimeSpan.FromSeconds(10));
        Assert.Equal("Ciara", cut.Find("input[data-testid=new-given-name]").GetAttribute("value"));
        Assert.Equal("conor.walsh@kingsinns.demo.ie", cut.Find("input[data-testid=new-email]").GetAttribute("value"));
    }

    [Fact]
    public async Task Step10_EmptyForm_AsksForEachField()
    {
        var userId = await LoadAsync("demo.ie.kingsinns");
        var cut = Render<Step10RegisterUsers>(p => p.Add(c => c.UserId, userId));

        cut.Find("button[data-testid=register-user]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the given name.", cut.Markup);
            Assert.Contains("Enter the family name.", cut.Markup);
            Assert.Contains("Enter the user's personal e-mail address.", cut.Markup);
        });
    }

    [Fact]
    public async Task Step7_WarnsWhileThereIsNoBackUpUser()
    {
        var userId = await LoadAsync(Imi.Infrastructure.Demo.DemoNetwork.NewFirstUsername);
        var cut = Render<Step07Users>(p => p.Add(c => c.UserId, userId));

        Assert.Contains("no back-up user", cut.Find("[data-testid=no-backup]").TextContent);
    }

    [Fact]
    public async Task Step8_SwitchingAllocationOnWithoutAnAllocator_SaysWhy()
    {
        var userId = await LoadAsync("demo.ie.cork");
        var setup = Services.GetRequiredService<SetupService>();
        var me = (await setup.GetAsync(userId)).Staff.Single();
        var view = (await setup.ExecuteAsync(userId, new SetUserRoles(me.Id, me.Revision, true,
            [new("SERVICES", Imi.Domain.Users.AreaRole.RequestHandler)]))).View;
        Dispatcher.Dispatch(new SetupLoadedAction(view));
        var cut = Render<Step08Allocation>(p => p.Add(c => c.UserId, userId));

        cut.Find("input[data-testid=allocation-SERVICES], [data-testid=allocation-SERVICES] input").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Appoint an allocator", cut.Find("[data-testid=allocation-error]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Step9_RemovingTheOnlyAllocatorIsRefused_AndTheBoxShowsTheSavedStateAgain()
    {
        var userId = await LoadAsync("demo.fr.nice");
        var setup = Services.GetRequiredService<SetupService>();
        var me = (await setup.GetAsync(userId)).Staff.Single();
        await setup.ExecuteAsync(userId, new SetUserRoles(me.Id, me.Revision, true, [new("SERVICES", Imi.Domain.Users.AreaRole.Allocator)]));
        Dispatcher.Dispatch(new SetupLoadedAction((await setup.ExecuteAsync(userId, new SetAllocation("SERVICES", true))).View));
        var cut = Render<Step09Roles>(p => p.Add(c => c.UserId, userId));
        var box = $"[aria-label^='{me.DisplayName}: allocator'] input, input[aria-label^='{me.DisplayName}: allocator']";
        bool Ticked() => cut.Find(box).HasAttribute("checked");
        Assert.True(Ticked());

        cut.Find(box).Change(false);
        cut.WaitForAssertion(() => Assert.False(Ticked()));
        cut.Find($"tr[data-testid='roles-{me.Username}'] button").Click();

        cut.WaitForAssertion(() => Assert.NotNull(Services.GetRequiredService<Imi.Portal.Store.IState<SetupState>>().Value.Error), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.True(Ticked(), "the refused change must not look saved"));
    }
}
