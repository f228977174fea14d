using System.Globalization;
using System.Text.RegularExpressions;
using Imi.Domain.Requests;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Requests;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>Two users in two browsers: a French handler asks, the German handler answers, each in their language.</summary>
[Collection(BrowserCollection.Name)]
public class RequestJourneyTests(PortalServer server) : IClassFixture<PortalServer>
{
    private const string French = "demo.fr.handler", German = "demo.de.handler";

    // What each reads, in their language: Camille Bernard works in French, Lena Hoffmann in German.
    private static readonly Imi.Infrastructure.Localization.LanguageTexts Fr = UserTexts.In("fr"), De = UserTexts.In("de");

    /// <summary>
    /// What MudBlazor shows only when asked, the date picker's calendar, has every rule it needs in the portal's part of
    /// MudBlazor's stylesheet (the pages' own checks see it closed).
    /// </summary>
    [Fact]
    public async Task TheDatePickersCalendar_HasItsStyles()
    {
        var french = await RequestSteps.SignedInAsync(server, French);
        await french.GotoAsync("requests/new");
        await french.WaitForCircuitAsync();
        var picker = french.Locator(".mud-picker").Filter(new() { Has = french.Locator("input[data-testid=request-answer-date]") });
        await picker.Locator(".mud-input-adornment button").ClickAsync();
        await Assertions.Expect(french.Locator(".mud-popover-open .mud-picker-calendar-content")).ToBeVisibleAsync();
        await french.AssertNoStyleLeftOutAsync();
    }

    /// <summary>The French handler finds the Bavarian chamber, writes the request in French and sends it; returns its reference.</summary>
    internal static async Task<string> SendFromFranceAsync(IPage french, string subjectName)
    {
        await french.GotoAsync("search");
        await french.WaitForCircuitAsync();
        await french.FillAsync("input[data-testid=search-text]", "architectes Bavière");
        await french.Locator("[data-testid=search-results] li").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(french.Locator("[data-testid=authority-title]")).ToHaveTextAsync("Chambre régionale des architectes de Bavière");
        await french.ClickAsync("[data-testid=send-request-to]");

        await french.WaitForURLAsync(new Regex("/requests/new"));
        await french.GetByLabel("Le diplôme/certificat joint est-il authentique", new() { Exact = false }).CheckAsync();
        await french.GetByLabel("Quelle est la situation actuelle du professionnel", new() { Exact = false }).CheckAsync();
        await french.ClickAsync("[data-testid=add-free-question]");
        await french.Locator("[data-testid=free-question-0] textarea, textarea[data-testid=free-question-0]").First.FillAsync("Combien d'heures de stage pratique la formation comprenait-elle ?");
        await french.Locator("[data-testid=subject-name] input, input[data-testid=subject-name]").First.FillAsync(subjectName);
        await french.Locator("[data-testid=request-comment] textarea, textarea[data-testid=request-comment]").First.FillAsync("Demande liée à une reconnaissance en cours.");
        await french.Locator("[data-testid=request-answer-date] input, input[data-testid=request-answer-date]").First.FillAsync(DateTime.UtcNow.AddDays(30).ToString("d", Fr.Culture));
        await french.Keyboard.PressAsync("Tab"); // the date picker takes the typed date when the field is left
        await Assertions.Expect(french.Locator("[data-testid=request-responder] input, input[data-testid=request-responder]").First).ToHaveValueAsync(new Regex("Bayerische Architektenkammer|Regionale Kammer|Chambre régionale"));
        await french.AssertAccessibleAsync();
        await french.ClickAsync("[data-testid=send-request]");

        await french.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}$"));
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Sent));
        var heading = await french.Locator("h1").TextContentAsync();
        return Regex.Match(heading!, "IMI-[0-9]+").Value;
    }

    [Fact]
    public async Task TheActionListsTabs_AndTheNavigationDrawer_WorkByKeyboard_OnWideAndNarrowScreens()
    {
        var page = await RequestSteps.SignedInAsync(server, German);
        await page.GotoAsync("requests");
        await page.WaitForCircuitAsync();
        var drawer = page.Locator("#imi-drawer");
        var toggle = page.Locator("#imi-nav-toggle");
        var link = drawer.GetByRole(AriaRole.Link, new() { Name = De["Shell.Navigation.Search"] });

        // Tabs: the arrow keys choose the next tab and move the focus there; the panel shows the other list.
        var waiting = page.GetByRole(AriaRole.Tab, new() { Name = De["Requests.List.Tabs.Waiting"] });
        var overview = page.GetByRole(AriaRole.Tab, new() { Name = De["Requests.List.Tabs.Overview"] });
        await Assertions.Expect(waiting).ToHaveAttributeAsync("aria-selected", "true");
        await waiting.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(overview).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(overview).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel)).ToHaveAttributeAsync("aria-labelledby", (await overview.GetAttributeAsync("id"))!);
        await Assertions.Expect(page.Locator("[data-testid=action-list]")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(waiting).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-testid=action-list]")).ToBeVisibleAsync();

        // Wide: the drawer stands beside the page; the menu button slides it away and back.
        await page.SetViewportSizeAsync(1280, 800);
        await Assertions.Expect(link).ToBeVisibleAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(link).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(link).ToBeVisibleAsync();

        // Narrow: the page starts without it; the button opens it over the page, Escape closes it and returns the focus.
        await page.SetViewportSizeAsync(600, 800);
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(link).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(link).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(link).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToBeFocusedAsync();
    }

    [Fact]
    public async Task FrenchHandlerAsks_GermanHandlerSeesItLive_AnswersInGerman_FrenchHandlerAcceptsAndRates()
    {
        var german = await RequestSteps.SignedInAsync(server, German);
        await german.GotoAsync("requests");
        await german.WaitForCircuitAsync();
        await Assertions.Expect(german.Locator("[data-testid=action-list]")).ToBeVisibleAsync();
        await german.AssertAccessibleAsync();

        var french = await RequestSteps.SignedInAsync(server, French);
        var reference = await SendFromFranceAsync(french, "Jeanne Martin-Duplessis");

        // The German action list shows it without a reload.
        var item = german.Locator("[data-testid=action-item]", new() { HasText = reference });
        await Assertions.Expect(item).ToContainTextAsync(De.Name(WaitingKind.ToAccept));
        await Assertions.Expect(item).ToContainTextAsync("Ordre professionnel des architectes (FR)");
        await item.GetByRole(AriaRole.Link).ClickAsync();

        // Read in German: the question set's texts in German, the French free text named as French, the personal data shown.
        await Assertions.Expect(german.Locator("[data-testid=question-text-0]")).ToContainTextAsync("Ist das beigefügte Diplom/Zeugnis echt");
        await Assertions.Expect(german.Locator("[data-testid=question-text-2]")).ToContainTextAsync("Combien d'heures de stage pratique");
        await Assertions.Expect(german.Locator("[data-testid=question-text-2]")).ToContainTextAsync(De["Requests.FreeText.WrittenIn", ("language", "Französisch")]);
        await Assertions.Expect(german.Locator("[data-testid=subject-name]")).ToContainTextAsync("Jeanne Martin-Duplessis");
        await german.AssertAccessibleAsync();

        // Accept, proposing another answer date.
        // Dates are typed and shown in the reader's format (German: day.month.year).
        var otherDate = DateTime.UtcNow.AddDays(40).ToString("d", De.Culture);
        await german.Locator("[data-testid=accept-date] input, input[data-testid=accept-date]").First.FillAsync(otherDate);
        await german.Keyboard.PressAsync("Tab");
        await german.ClickAsync("[data-testid=action-accept]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(De.Name(RequestStatus.Accepted));
        await Assertions.Expect(german.Locator("[data-testid=agreed-answer-date]")).ToHaveTextAsync(otherDate);

        // Sending before every question is answered is refused, next to the button.
        await german.ClickAsync("[data-testid=action-send-reply]");
        await Assertions.Expect(german.Locator("[data-testid=answers-error]")).ToContainTextAsync(De["Refusals.Request.NoAnswers"]);

        await RequestSteps.ChooseAsync(german, "answer-option-0", "Ja, das Dokument ist echt");
        await german.ClickAsync("[data-testid=save-answer-0]");
        await Assertions.Expect(german.Locator("[data-testid=answer-0]")).ToContainTextAsync("Ja, das Dokument ist echt");
        await RequestSteps.ChooseAsync(german, "answer-option-1", "Eingetragen");
        await german.ClickAsync("[data-testid=save-answer-1]");
        await Assertions.Expect(german.Locator("[data-testid=answer-1]")).ToContainTextAsync("Eingetragen");
        await german.Locator("[data-testid=answer-text-2] textarea, textarea[data-testid=answer-text-2]").First.FillAsync("Die Ausbildung umfasste 1.200 Stunden Praktikum.");
        await german.ClickAsync("[data-testid=save-answer-2]");
        await Assertions.Expect(german.Locator("[data-testid=answer-2]")).ToContainTextAsync("1.200 Stunden");
        await german.ClickAsync("[data-testid=action-send-reply]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(De.Name(RequestStatus.Replied));

        // The French handler's page refreshed live: the reply reads in French, with the German free text named as German.
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Replied));
        await Assertions.Expect(french.Locator("[data-testid=answer-0]")).ToContainTextAsync("Oui, le document est authentique");
        await Assertions.Expect(french.Locator("[data-testid=answer-2]")).ToContainTextAsync(Fr["Requests.FreeText.WrittenIn", ("language", "allemand")]);
        await french.ClickAsync("[data-testid=action-accept-reply]");
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Closed));
        await RequestSteps.ChooseAsync(french, "rate-timeliness", "4", showsLabel: false);
        await french.ClickAsync("[data-testid=action-rate]");
        await Assertions.Expect(french.Locator("[data-testid=rating]")).ToContainTextAsync(Fr["Requests.Exchange.Rating", ("timeliness", 4), ("effort", 5), ("max", 5)]);

        // Every step is on the timeline, for both, each in their language (who and which authority are data).
        var steps = new[] { "Send", "Accept", "ProposeAnswerDate", "SendReply", "AcceptReply", "Rate" };
        foreach (var (page, texts) in new[] { (french, Fr), (german, De) })
        {
            await page.ReloadAsync();
            await page.WaitForCircuitAsync();
            var timeline = page.Locator("[data-testid=timeline]");
            foreach (var step in steps)
                await Assertions.Expect(timeline).ToContainTextAsync(texts.Pattern($"Requests.Timeline.{step}",
                    ("user", UserTextPatterns.Any), ("authority", UserTextPatterns.Any), ("date", UserTextPatterns.Any)));
        }
        await french.AssertAccessibleAsync();

        // The alerts went out over SMTP in each recipient's language, without the person's name.
        var newRequest = await Support.Eventually.ReturnsAsync(
            () => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("lena.hoffmann@byak.demo.de") && m.Subject == $"Neue IMI-Anfrage {reference} (Berufsqualifikationen)"),
            what: "the new-request alert in German");
        var accepted = await Support.Eventually.ReturnsAsync(
            () => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("lena.hoffmann@byak.demo.de") && m.Subject.Contains(reference) && m.Subject.Contains("angenommen")),
            what: "the reply-accepted alert in German");
        Assert.Contains($"/requests/", accepted.Text);
        Assert.DoesNotContain("Martin-Duplessis", newRequest.Text);
        var reply = await Support.Eventually.ReturnsAsync(
            () => server.Inbox.Messages().FirstOrDefault(m => m.To.Contains("camille.bernard@architectes.demo.fr") && m.Subject.Contains(reference) && m.Subject.StartsWith("Réponse reçue")),
            what: "the reply alert");
        Assert.DoesNotContain("Martin-Duplessis", reply.Text);
    }

    [Fact]
    public async Task AttachingFiles_ToADraft_RefusesWhatIsNotAllowed_AndKeepsWhatWasTyped()
    {
        var french = await RequestSteps.SignedInAsync(server, French);
        await french.GotoAsync($"requests/new?to={DemoSeeder.IdOf("de-architects-by")}");
        await french.WaitForCircuitAsync();
        await french.Locator("input[data-testid=subject-name]").FillAsync("Hélène Duval");

        // Sent without a question: saved as a draft, refused, said next to the questions, nothing typed lost.
        await french.ClickAsync("[data-testid=send-request]");
        await french.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}/edit$"));
        await Assertions.Expect(french.Locator("[data-testid=questions-error]")).ToHaveTextAsync(Fr["Refusals.Request.QuestionsRequired"]);
        await Assertions.Expect(french.Locator("input[data-testid=subject-name]")).ToHaveValueAsync("Hélène Duval");

        await french.GetByLabel("Le diplôme/certificat joint est-il authentique", new() { Exact = false }).CheckAsync();
        await french.ClickAsync("[data-testid=save-draft]");
        await Assertions.Expect(french.Locator("[data-testid=request-message]")).ToContainTextAsync(Fr["Requests.Editor.Saved"]);

        await french.Locator("[data-testid=attach-file]").SetInputFilesAsync(new FilePayload { Name = "outil.exe", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
        await Assertions.Expect(french.Locator("[data-testid=attachment-error]")).ToContainTextAsync(Fr["Refusals.Attachments.TypeNotAccepted", ("fileName", "outil.exe"), ("types", "PDF, JPG, JPEG, PNG, TXT, ODT, DOCX")]);
        await french.Locator("[data-testid=attach-file]").SetInputFilesAsync(new FilePayload { Name = "diplome.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 diplôme"u8.ToArray() });
        await Assertions.Expect(french.Locator("[data-testid=request-message]")).ToContainTextAsync(Fr["Notices.Requests.FileAttached", ("fileName", "diplome.pdf")]);
        await Assertions.Expect(french.Locator("body")).ToContainTextAsync("diplome.pdf " + Fr["Requests.Editor.FileSize", ("size", 1)]);
        await Assertions.Expect(french.Locator("input[data-testid=subject-name]")).ToHaveValueAsync("Hélène Duval");
        await french.AssertAccessibleAsync();
    }
}
