using Bunit;
using System.Globalization;
using Imi.Domain.Requests;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.Users;
using Imi.Portal.Components.Requests;
using Imi.Portal.Store.Exchange;
using Imi.Portal.Store.RequestEditor;
using Imi.Portal.Store.Requests;
using Imi.Portal.Localization;
using Imi.Portal.Store.Session;
using Imi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

/// <summary>The request pages on the real services, as the German handler of the Bavarian chamber.</summary>
public class RequestPagesTests(DatabaseFixture database)
    : PortalComponentTest(WithTexts(database), signedInUserId: GermanHandler), IClassFixture<DatabaseFixture>
{
    private static readonly Guid GermanHandler = DemoSeeder.IdOf("user:demo.de.handler");
    private static readonly Guid FrenchHandler = DemoSeeder.IdOf("user:demo.fr.handler");
    private static readonly Guid BavarianChamber = DemoSeeder.IdOf("de-architects-by");

    private async Task SignedInAsync() =>
        Dispatcher.Dispatch(new SessionLoadedAction((await Services.GetRequiredService<SessionQueries>().GetAsync(GermanHandler))!));

    /// <summary>The infrastructure and the portal's texts (the pages write everything through the catalogue).</summary>
    internal static Action<IServiceCollection> WithTexts(DatabaseFixture database) => services =>
    {
        Infrastructure(database)(services);
        services.AddImiLocalization();
    };

    private async Task<Guid> SendFromFranceAsync(string freeQuestion)
    {
        var requests = Services.GetRequiredService<RequestService>();
        var id = (await requests.ExecuteAsync(FrenchHandler, new CreateDraft("PQ", new DraftContent(BavarianChamber, ["PQ.DIPLOMA_AUTHENTIC"], [freeQuestion],
            new SubjectData("Lucie Moreau", null, null, null, null, null), null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20))))).RequestId;
        await requests.ExecuteAsync(FrenchHandler, new SendRequest(id, 0));
        return id;
    }

    [Fact]
    public async Task TheActionList_ShowsWhatWaits_AndANewRequestAppearsWithoutReloading()
    {
        await SignedInAsync();
        await SendFromFranceAsync("Première question ?");
        var listener = Services.GetRequiredService<ChangeFeedListener>();
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening;

        var cut = Render<RequestsPage>();
        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-testid=action-item]");
            Assert.Contains(rows, r => r.TextContent.Contains("To accept") && r.TextContent.Contains("Ordre professionnel des architectes (FR)"));
            Assert.Contains("To accept (1)", cut.Find("[data-testid=count-ToAccept]").TextContent);
        }, TimeSpan.FromSeconds(10));

        await SendFromFranceAsync("Deuxième question ?");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(2, cut.FindAll("[data-testid=action-item]").Count);
            Assert.Contains("To accept (2)", cut.Find("[data-testid=count-ToAccept]").TextContent);
            Assert.Equal("1", cut.Find("[data-testid=action-list]").GetAttribute("data-live-refreshes"));
        }, TimeSpan.FromSeconds(10));
        await listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TheExchangePage_ShowsTheQuestionsInGerman_AndARefusalNextToTheButton()
    {
        await SignedInAsync();
        var id = await SendFromFranceAsync("Quelle est la durée du stage ?");
        await Services.GetRequiredService<RequestService>().ExecuteAsync(GermanHandler, new AcceptRequest(id, 1, null, null));

        var cut = Render<ExchangePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Ist das beigefügte Diplom/Zeugnis echt", cut.Find("[data-testid=question-text-0]").TextContent);
            Assert.Contains("(written in French)", cut.Find("[data-testid=question-text-1]").TextContent);
            Assert.Contains("Lucie Moreau", cut.Find("[data-testid=personal-data]").TextContent);
        }, TimeSpan.FromSeconds(10));

        cut.Find("button[data-testid=action-send-reply]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Answer at least one question before sending the reply.", cut.Find("[data-testid=answers-error]").TextContent),
            TimeSpan.FromSeconds(10));
        Assert.Equal("Being answered", cut.Find("[data-testid=exchange-status]").TextContent.Trim());
    }

    [Fact]
    public async Task AcceptingWhatAColleagueJustAccepted_SaysSo_AndShowsTheirChange()
    {
        await SignedInAsync();
        var id = await SendFromFranceAsync("Question ?");
        var cut = Render<ExchangePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button[data-testid=action-accept]")));

        // Meanwhile a colleague accepts it (this page has no change feed running, so it does not know).
        await Services.GetRequiredService<RequestService>().ExecuteAsync(DemoSeeder.IdOf("user:demo.de.handler2"), new AcceptRequest(id, 1, null, null));

        cut.Find("button[data-testid=action-accept]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Someone else changed this exchange meanwhile; it now shows their change. Check it, then try again.", cut.Find("[data-testid=request-error]").TextContent);
            Assert.Equal("Being answered", cut.Find("[data-testid=exchange-status]").TextContent.Trim());
            Assert.Contains("Tobias Fischer", cut.Find("[data-testid=timeline]").TextContent);
        });
    }

    [Fact]
    public async Task AnExchangeOfOthers_IsRefusedWithAMessage()
    {
        await SignedInAsync();
        var requests = Services.GetRequiredService<RequestService>();
        var other = (await requests.ExecuteAsync(FrenchHandler, new CreateDraft("PQ", new DraftContent(null, ["PQ.DIPLOMA_AUTHENTIC"], [], null, null, null)))).RequestId;

        var cut = Render<ExchangePage>(p => p.Add(x => x.Id, other));

        cut.WaitForAssertion(() => Assert.Contains("does not exist or is not visible to you", cut.Markup), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("data-testid=\"actions\"", cut.Markup);
    }
}

/// <summary>The request form and a conflict, as the French handler (its own database: it writes drafts).</summary>
public class RequestFormTests(DatabaseFixture database)
    : PortalComponentTest(RequestPagesTests.WithTexts(database), signedInUserId: FrenchHandler), IClassFixture<DatabaseFixture>
{
    private static readonly Guid FrenchHandler = DemoSeeder.IdOf("user:demo.fr.handler");
    private static readonly Guid GermanHandler = DemoSeeder.IdOf("user:demo.de.handler");

    private async Task SignedInAsync() =>
        Dispatcher.Dispatch(new SessionLoadedAction((await Services.GetRequiredService<SessionQueries>().GetAsync(FrenchHandler))!));

    [Fact]
    public async Task SendingADraftWithoutQuestions_SaysSoNextToThem_AndKeepsWhatWasTyped()
    {
        await SignedInAsync();
        var id = (await Services.GetRequiredService<RequestService>().ExecuteAsync(FrenchHandler, new CreateDraft("PQ",
            new DraftContent(DemoSeeder.IdOf("de-architects-by"), [], [], null, null, null)))).RequestId;
        var cut = Render<RequestEditorPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button[data-testid=send-request]")));

        cut.Find("input[data-testid=subject-name]").Change("Hélène Duval");
        cut.Find("input[data-testid=request-answer-date]").Change(DateTime.UtcNow.AddDays(20).ToString("d", CultureInfo.CurrentCulture));
        cut.Find("button[data-testid=send-request]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Choose at least one question, or write one of your own.", cut.Find("[data-testid=questions-error]").TextContent));
        Assert.Equal("Hélène Duval", cut.Find("input[data-testid=subject-name]").GetAttribute("value"));
    }

    [Fact]
    public async Task SendingTheRequest_SaysSoOnTheExchangeItMovesTo()
    {
        await SignedInAsync();
        var id = (await Services.GetRequiredService<RequestService>().ExecuteAsync(FrenchHandler, new CreateDraft("PQ",
            new DraftContent(DemoSeeder.IdOf("de-architects-by"), ["PQ.DIPLOMA_AUTHENTIC"], [], null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20))))).RequestId;
        var form = Render<RequestEditorPage>(p => p.Add(x => x.Id, id));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("button[data-testid=send-request]")));

        form.Find("button[data-testid=send-request]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        await Eventually.ReturnsAsync(() => navigation.Uri.EndsWith($"requests/{id}") ? navigation.Uri : null, what: "the move to the exchange");
        // The router now shows the exchange page: the confirmation is there, not lost on the way.
        var exchange = Render<ExchangePage>(p => p.Add(x => x.Id, id));
        exchange.WaitForAssertion(() => Assert.Equal("Request sent.", exchange.Find("[data-testid=request-message]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SavingADraft_GivesTheFormTheNewRevision_BeforeSayingItIsSaved()
    {
        var requests = Services.GetRequiredService<RequestService>();
        var id = (await requests.ExecuteAsync(FrenchHandler, new CreateDraft("PQ", new DraftContent(DemoSeeder.IdOf("de-architects-by"), [], [], null, null, null)))).RequestId;
        var seen = new List<string>();
        var subscriber = Services.GetRequiredService<Imi.Portal.Store.IActionSubscriber>();
        subscriber.SubscribeToAction<EditorLoadedAction>(this, a => { lock (seen) seen.Add($"form at revision {a.Editor.Revision}"); });
        subscriber.SubscribeToAction<DraftSavedAction>(this, a => { lock (seen) seen.Add(a.Message); });

        Dispatcher.Dispatch(new SaveDraftAction(FrenchHandler, id, 0, "PQ",
            new DraftContent(DemoSeeder.IdOf("de-architects-by"), ["PQ.DIPLOMA_AUTHENTIC"], [], null, null, null), SendNow: false));

        // A file attached as soon as "saved" shows must carry the new revision.
        var order = await Eventually.ReturnsAsync(() => { lock (seen) return seen.Count >= 2 ? seen.ToList() : null; }, what: "the save's actions");
        Assert.Equal(["form at revision 1", "Draft saved."], order);
    }
}
