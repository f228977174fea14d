using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Requests;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>Allocation on at the Bavarian chamber (its own portal and database): the allocator drags a new request to a colleague.</summary>
[Collection(BrowserCollection.Name)]
public class AllocationBoardTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task TheAllocator_SeesANewRequestArrive_AndDragsItToAColleague_WhoseListShowsItAtOnce()
    {
        await using (var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName)))
            await Imi.Tests.Infrastructure.Requests.AllocationOn.SwitchOnAsync(services);
        var tobias = DemoSeeder.IdOf("user:demo.de.handler2");
        var german = UserTexts.In("de"); // Sabine Koch and Tobias Fischer read the portal in German

        var allocator = await RequestSteps.SignedInAsync(server, "demo.de.allocator");
        await allocator.GotoAsync("requests/allocation");
        await allocator.WaitForCircuitAsync();
        await Assertions.Expect(allocator.Locator($"[data-column='{tobias}'] [data-testid=load]")).ToHaveTextAsync(german["Requests.Board.Load", ("open", 0)]);

        var colleague = await RequestSteps.SignedInAsync(server, "demo.de.handler2");
        await colleague.GotoAsync("requests");
        await colleague.WaitForCircuitAsync();
        await Assertions.Expect(colleague.Locator("[data-testid=action-list]")).ToContainTextAsync(german["Requests.List.NothingWaits"]);

        var french = await RequestSteps.SignedInAsync(server, "demo.fr.handler");
        var reference = await RequestJourneyTests.SendFromFranceAsync(french, "Marc Aubert");

        // The new request arrives on the board, not allocated; the colleague has nothing yet.
        var card = allocator.Locator("[data-testid=column-unallocated] [data-testid=board-card]", new() { HasText = reference });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await allocator.AssertAccessibleAsync();

        // Dragged by hand: the column under the card is marked as where it would go, and takes it when let go.
        var column = allocator.Locator($"[data-column='{tobias}']");
        await card.HoverAsync();
        await allocator.Mouse.DownAsync();
        var box = (await column.BoundingBoxAsync())!;
        await allocator.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2, new() { Steps = 5 });
        await Assertions.Expect(column).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bimi-board-drop\b"));
        await allocator.Mouse.UpAsync();

        await Assertions.Expect(allocator.Locator("[data-testid=board-message]")).ToHaveTextAsync(german["Requests.Board.AllocatedTo", ("reference", reference), ("names", "Tobias Fischer")]);
        await Assertions.Expect(column).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bimi-board-drop\b"));
        await Assertions.Expect(allocator.Locator($"[data-column='{tobias}'] [data-testid=load]")).ToHaveTextAsync(german["Requests.Board.Load", ("open", 1)]);
        await Assertions.Expect(allocator.Locator($"[data-column='{tobias}'] [data-testid=board-card]", new() { HasText = reference })).ToBeVisibleAsync();
        await Assertions.Expect(allocator.Locator("[data-testid=column-unallocated]")).Not.ToContainTextAsync(reference);
        await Assertions.Expect(colleague.Locator("[data-testid=action-item]", new() { HasText = reference })).ToContainTextAsync(german.Name(WaitingKind.ToAccept));

        // The allocation e-mail reached him.
        await Eventually.ReturnsAsync(() => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("tobias.fischer@byak.demo.de") && m.Subject.Contains(reference)),
            what: "the allocation alert");
    }
}

/// <summary>
/// The complete board at the Bavarian chamber, on two portal instances over one database: several cards at once, the
/// keyboard path, two allocators and a late move, an absence with a deputy who gets the alert over SMTP.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AllocationBoardMoreTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly Imi.Infrastructure.Localization.LanguageTexts German = UserTexts.In("de");

    /// <summary>Allocation on in PQ; <paramref name="count"/> French requests sent through the services; their references.</summary>
    private Task<List<string>> PrepareAsync(int count) => PrepareAsync(server, count);

    internal static async Task<List<string>> PrepareAsync(PortalServer server, int count)
    {
        await using var services = TestServices.Build(TestDatabase.ConnectionStringFor(server.DatabaseName));
        await Imi.Tests.Infrastructure.Requests.AllocationOn.SwitchOnAsync(services);
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = await Imi.Tests.Infrastructure.Requests.RequestFixtures.SentRequestAsync(services);
            await using var db = await services.DbAsync();
            references.Add((await db.Requests.SingleAsync(r => r.Id == id)).Reference);
        }
        return references;
    }

    internal static ILocator Card(IPage page, string column, string reference) =>
        page.Locator($"[data-column='{column}'] [data-testid=board-card]", new() { HasText = reference });

    [Fact]
    public async Task TwoCardsAtOnce_ThenOneWithTheKeyboardToTwoHandlers_AndALateMoveOnTheOtherInstance_IsToldWhoDidWhat()
    {
        var references = await PrepareAsync(3);
        var (lena, tobias) = (DemoSeeder.IdOf("user:demo.de.handler"), DemoSeeder.IdOf("user:demo.de.handler2"));
        await using var second = await PortalServer.SecondInstanceAsync(server);

        var sabine = await RequestSteps.SignedInAsync(server, "demo.de.allocator");
        await sabine.GotoAsync("requests/allocation");
        await sabine.WaitForCircuitAsync();
        foreach (var reference in references)
            await Assertions.Expect(Card(sabine, "unallocated", reference)).ToBeVisibleAsync();

        // Two cards chosen, allocated to Tobias Fischer in one go.
        await Card(sabine, "unallocated", references[0]).GetByTestId("select-card").CheckAsync();
        await Card(sabine, "unallocated", references[1]).GetByTestId("select-card").CheckAsync();
        await Assertions.Expect(sabine.GetByTestId("board-selection")).ToContainTextAsync(German["Requests.Board.SelectedCount", ("chosen", 2)]);
        await sabine.GetByTestId("selection-handler").SelectOptionAsync(tobias.ToString());
        await sabine.GetByTestId("allocate-selected").ClickAsync();
        await Assertions.Expect(sabine.GetByTestId("board-message")).ToHaveTextAsync(German["Requests.Board.AllocatedSeveral", ("count", 2)]);
        await Assertions.Expect(Card(sabine, tobias.ToString(), references[0])).ToBeVisibleAsync();
        await Assertions.Expect(Card(sabine, tobias.ToString(), references[1])).ToBeVisibleAsync();

        // The third with the keyboard only: open its allocation (and cancel once), tick two handlers, save.
        await Card(sabine, "unallocated", references[2]).GetByTestId("edit-allocation").FocusAsync();
        await sabine.Keyboard.PressAsync("Enter");
        var editor = sabine.GetByTestId("allocation-editor");
        await Assertions.Expect(editor.Locator("input").First).ToBeFocusedAsync(); // the focus follows into the editor
        await editor.GetByTestId("cancel-allocation").FocusAsync();
        await sabine.Keyboard.PressAsync("Enter"); // cancelled: back on the card's "Change allocation"
        await Assertions.Expect(Card(sabine, "unallocated", references[2]).GetByTestId("edit-allocation")).ToBeFocusedAsync();
        await sabine.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.Locator("input").First).ToBeFocusedAsync();
        await editor.GetByLabel("Lena Hoffmann").FocusAsync();
        await sabine.Keyboard.PressAsync("Space");
        await editor.GetByLabel("Tobias Fischer").FocusAsync();
        await sabine.Keyboard.PressAsync("Space");
        await editor.GetByTestId("save-allocation").FocusAsync();
        await sabine.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sabine.GetByTestId("board-message")).ToHaveTextAsync(
            German["Requests.Board.AllocatedTo", ("reference", references[2]), ("names", "Lena Hoffmann, Tobias Fischer")]);
        await Assertions.Expect(Card(sabine, lena.ToString(), references[2])).ToBeVisibleAsync();
        await Assertions.Expect(Card(sabine, tobias.ToString(), references[2])).ToBeVisibleAsync();
        // ...and comes back to the card's "Change allocation" in its new column, not to the page.
        await Assertions.Expect(sabine.Locator($"[data-reference='{references[2]}'] [data-testid=edit-allocation]:focus")).ToHaveCountAsync(1);
        await sabine.AssertAccessibleAsync();

        // Maximilian Bauer, on the other instance, opens the third card's allocation to give it to Lena alone...
        var maximilian = await RequestSteps.SignedInAsync(second, "demo.de.architects");
        await maximilian.GotoAsync("requests/allocation");
        await maximilian.WaitForCircuitAsync();
        await Card(maximilian, lena.ToString(), references[2]).GetByTestId("edit-allocation").ClickAsync();
        await maximilian.GetByTestId("allocation-editor").GetByLabel("Tobias Fischer").UncheckAsync();
        // ...meanwhile Sabine drags it back to "not allocated"; his board follows live, his open choice stays.
        await Card(sabine, lena.ToString(), references[2]).DragToAsync(sabine.GetByTestId("column-unallocated"));
        await Assertions.Expect(sabine.GetByTestId("board-message")).ToHaveTextAsync(German["Requests.Board.Unallocated", ("reference", references[2])]);
        await Assertions.Expect(Card(maximilian, "unallocated", references[2])).ToBeVisibleAsync();
        await Assertions.Expect(maximilian.GetByTestId("allocation-editor").GetByLabel("Tobias Fischer")).Not.ToBeCheckedAsync();

        // His save comes too late: refused, and he reads who did what; nothing changed.
        await maximilian.GetByTestId("save-allocation").ClickAsync();
        await Assertions.Expect(maximilian.GetByTestId("board-error")).ToHaveTextAsync(German["Requests.Board.ChangedBy",
            ("reference", references[2]), ("name", "Sabine Koch"), ("handlers", German["Requests.Board.NobodyNow"])]);
        await Assertions.Expect(Card(maximilian, "unallocated", references[2])).ToBeVisibleAsync();
        await Assertions.Expect(Card(sabine, "unallocated", references[2])).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnAbsentHandlersDeputy_GetsTheAlertOverSmtp_AndFindsTheRequestOnTheirActionList()
    {
        var reference = (await PrepareAsync(1))[0];
        var tobias = DemoSeeder.IdOf("user:demo.de.handler2");
        var today = DateTime.UtcNow.Date;

        // Tobias Fischer records his absence on My profile, Lena Hoffmann as deputy.
        var absent = await RequestSteps.SignedInAsync(server, "demo.de.handler2");
        await absent.GotoAsync("profile");
        await absent.WaitForCircuitAsync();
        await absent.Locator("[data-testid=profile-absence-from] input, input[data-testid=profile-absence-from]").First.FillAsync(today.ToString("yyyy-MM-dd"));
        await absent.Locator("[data-testid=profile-absence-to] input, input[data-testid=profile-absence-to]").First.FillAsync(today.AddDays(3).ToString("yyyy-MM-dd"));
        await RequestSteps.ChooseAsync(absent, "profile-absence-deputy", "Lena Hoffmann");
        await absent.GetByTestId("profile-absence-save").ClickAsync();
        await Assertions.Expect(absent.GetByTestId("profile-absence-saved")).ToBeVisibleAsync();
        await Assertions.Expect(absent.GetByTestId("profile-absence-current")).ToContainTextAsync("Lena Hoffmann");
        await absent.AssertAccessibleAsync();

        // The board marks him absent, with his deputy; the allocator still gives him the request.
        var sabine = await RequestSteps.SignedInAsync(server, "demo.de.allocator");
        await sabine.GotoAsync("requests/allocation");
        await sabine.WaitForCircuitAsync();
        var column = sabine.Locator($"[data-column='{tobias}']");
        await Assertions.Expect(column.GetByTestId("absence")).ToContainTextAsync("Lena Hoffmann");
        await Card(sabine, "unallocated", reference).DragToAsync(column);
        await Assertions.Expect(Card(sabine, tobias.ToString(), reference)).ToBeVisibleAsync();

        // The deputy's alert arrives over SMTP, and the request waits on her action list.
        await Eventually.ReturnsAsync(() => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("lena.hoffmann@byak.demo.de") && m.Subject.Contains(reference)),
            what: "the deputy's allocation alert");
        var deputy = await RequestSteps.SignedInAsync(server, "demo.de.handler");
        await deputy.GotoAsync("requests");
        await deputy.WaitForCircuitAsync();
        await Assertions.Expect(deputy.Locator("[data-testid=action-item]", new() { HasText = reference })).ToContainTextAsync(German.Name(WaitingKind.ToAccept));
    }
}

/// <summary>
/// The board's filters, on a portal of their own: the two requests they need would make the other tests' boards taller
/// (a drag in Playwright cannot reach a column pushed below the window).
/// </summary>
[Collection(BrowserCollection.Name)]
public class AllocationBoardFilterTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly Imi.Infrastructure.Localization.LanguageTexts German = UserTexts.In("de");

    [Fact]
    public async Task TheFilters_NarrowTheBoard_ByKeyword_Country_AndAnswerDate()
    {
        var references = await AllocationBoardMoreTests.PrepareAsync(server, 2);
        var sabine = await RequestSteps.SignedInAsync(server, "demo.de.allocator");
        await sabine.GotoAsync("requests/allocation");
        await sabine.WaitForCircuitAsync();
        foreach (var reference in references)
            await Assertions.Expect(AllocationBoardMoreTests.Card(sabine, "unallocated", reference)).ToBeVisibleAsync();
        await Assertions.Expect(sabine.GetByTestId("filter-result")).Not.ToBeVisibleAsync();

        // A keyword: only the card whose reference holds it, and how many of all are shown.
        await sabine.GetByTestId("filter-keyword").FillAsync(references[0]);
        await Assertions.Expect(AllocationBoardMoreTests.Card(sabine, "unallocated", references[1])).Not.ToBeVisibleAsync();
        await Assertions.Expect(AllocationBoardMoreTests.Card(sabine, "unallocated", references[0])).ToBeVisibleAsync();
        await Assertions.Expect(sabine.GetByTestId("filter-result")).ToContainTextAsync(German["Requests.Board.Showing", ("shown", 1), ("total", "§")].Split("§")[0]);
        await sabine.GetByTestId("filter-keyword").FillAsync("");

        // The requesters' countries: France chosen, both French cards stay, and the choice stays shown.
        await sabine.GetByTestId("filter-country").SelectOptionAsync("FR");
        await Assertions.Expect(sabine.GetByTestId("filter-country")).ToHaveValueAsync("FR");
        foreach (var reference in references)
            await Assertions.Expect(AllocationBoardMoreTests.Card(sabine, "unallocated", reference)).ToBeVisibleAsync();

        // Answer dates up to yesterday: none of these (due later, or no date agreed yet); the country stays chosen.
        await sabine.GetByTestId("filter-due").FillAsync(DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"));
        foreach (var reference in references)
            await Assertions.Expect(AllocationBoardMoreTests.Card(sabine, "unallocated", reference)).Not.ToBeVisibleAsync();
        await Assertions.Expect(sabine.GetByTestId("filter-country")).ToHaveValueAsync("FR");
        await sabine.AssertAccessibleAsync();

        // "Capacity and absence" by keyboard: the form opens below the button, which says so and keeps the focus.
        var lena = DemoSeeder.IdOf("user:demo.de.handler");
        var arrange = sabine.Locator($"[data-column='{lena}'] [data-testid=arrange]");
        await Assertions.Expect(arrange).ToHaveAttributeAsync("aria-expanded", "false");
        await arrange.FocusAsync();
        await sabine.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sabine.Locator($"[data-column='{lena}'] [data-testid=arrange-form]")).ToBeVisibleAsync();
        await Assertions.Expect(arrange).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(arrange).ToBeFocusedAsync();
        await sabine.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sabine.GetByTestId("arrange-form")).Not.ToBeVisibleAsync();
        await Assertions.Expect(arrange).ToBeFocusedAsync();
        // Opened again and cancelled from its own button: the focus comes back to "Capacity and absence".
        await sabine.Keyboard.PressAsync("Enter");
        var cancel = sabine.Locator($"[data-column='{lena}'] [data-testid=arrange-cancel]");
        await cancel.FocusAsync();
        await sabine.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sabine.GetByTestId("arrange-form")).Not.ToBeVisibleAsync();
        await Assertions.Expect(arrange).ToBeFocusedAsync();
    }
}
