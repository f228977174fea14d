using System.Text.RegularExpressions;
using Imi.Domain.Requests;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Requests;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>The coordinators' part: a referral round, and an approval round (its own portal: approval changes the French coordinator's settings).</summary>
[Collection(BrowserCollection.Name)]
public class ReferralJourneyTests(PortalServer server) : IClassFixture<PortalServer>
{
    // The handlers and coordinators read in their languages: the French in French, the Germans in German.
    private static readonly LanguageTexts Fr = UserTexts.In("fr"), De = UserTexts.In("de");

    [Fact]
    public async Task AReferral_IsOpenedByTheRequester_CommentedAndClosedByTheCoordinators_WithoutPersonalData()
    {
        var french = await RequestSteps.SignedInAsync(server, "demo.fr.handler");
        var reference = await RequestJourneyTests.SendFromFranceAsync(french, "Paul Lefèvre");
        var url = french.Url;

        // The German handler answers one question and sends the reply in part.
        var german = await RequestSteps.SignedInAsync(server, "demo.de.handler");
        await german.GotoAsync(url);
        await german.WaitForCircuitAsync();
        await german.ClickAsync("[data-testid=action-accept]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(De.Name(RequestStatus.Accepted));
        await RequestSteps.ChooseAsync(german, "answer-option-0", "Ja, das Dokument ist echt");
        await german.ClickAsync("[data-testid=save-answer-0]");
        await Assertions.Expect(german.Locator("[data-testid=answer-0]")).ToContainTextAsync("Ja, das Dokument ist echt");
        await german.ClickAsync("[data-testid=answer-in-part]");
        await german.ClickAsync("[data-testid=action-send-reply]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(De.Name(RequestStatus.Replied));

        // The French handler asks for more; the German handler says it cannot give it.
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Replied));
        await RequestSteps.FillAsync(french, "ask-additional-text", "Merci de préciser la situation au registre.");
        await french.ClickAsync("[data-testid=action-ask-additional]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(De.Name(RequestStatus.AdditionalInformationRequested));
        await german.ClickAsync("[data-testid=action-decline-additional]");
        // Without a reason: refused, the message next to the field.
        await Assertions.Expect(german.GetByText(De["Refusals.Request.SayWhyNotGiven"])).ToBeVisibleAsync();
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(De.Name(RequestStatus.AdditionalInformationRequested));
        await RequestSteps.FillAsync(german, "decline-additional-text", "Das Register gibt darüber keine Auskunft.");
        await german.ClickAsync("[data-testid=action-decline-additional]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(De.Name(RequestStatus.Replied));

        // The French handler opens a referral.
        await RequestSteps.FillAsync(french, "open-referral-text", "La réponse ne dit rien du registre.");
        await french.ClickAsync("[data-testid=action-open-referral]");
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.InReferral));

        // The Bavarian coordinator (referee of the German side) finds it on its action list, sees the exchange without personal data, comments.
        var bavaria = await RequestSteps.SignedInAsync(server, "demo.de.bavaria");
        await bavaria.GotoAsync("requests");
        await bavaria.WaitForCircuitAsync();
        var item = bavaria.Locator("[data-testid=action-item]", new() { HasText = reference });
        await Assertions.Expect(item).ToContainTextAsync(De.Name(WaitingKind.Referral));
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(bavaria.Locator("[data-testid=referral]")).ToContainTextAsync("La réponse ne dit rien du registre.");
        await Assertions.Expect(bavaria.Locator("[data-testid=question-text-0]")).ToContainTextAsync("Ist das beigefügte Diplom/Zeugnis echt");
        await Assertions.Expect(bavaria.Locator("[data-testid=personal-data]")).ToHaveCountAsync(0);
        await Assertions.Expect(bavaria.Locator("body")).Not.ToContainTextAsync("Paul Lefèvre");
        await RequestSteps.FillAsync(bavaria, "comment-referral-text", "Die Kammer darf keine Auskunft über laufende Verfahren geben.");
        await bavaria.ClickAsync("[data-testid=action-comment-referral]");
        await Assertions.Expect(bavaria.Locator("[data-testid=referral]")).ToContainTextAsync("laufende Verfahren");
        await bavaria.AssertAccessibleAsync();

        // The French coordinator closes it with a finding; the requester accepts the reply.
        var paris = await RequestSteps.SignedInAsync(server, "demo.fr.coordinator");
        await paris.GotoAsync(url);
        await paris.WaitForCircuitAsync();
        await RequestSteps.FillAsync(paris, "close-referral-text", "La réponse est suffisante au regard du droit allemand.");
        await paris.ClickAsync("[data-testid=action-close-referral]");
        await Assertions.Expect(paris.Locator("[data-testid=referral-finding]")).ToContainTextAsync("suffisante");

        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Replied));
        await Assertions.Expect(french.Locator("[data-testid=referral-finding]")).ToContainTextAsync("suffisante");
        await french.ClickAsync("[data-testid=action-accept-reply]");
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Closed));
        foreach (var step in new[] { "AskForAdditionalInformation", "DeclineAdditionalInformation", "OpenReferral", "CommentOnReferral", "CloseReferral" })
            await Assertions.Expect(french.Locator("[data-testid=timeline]")).ToContainTextAsync(Fr.Pattern($"Requests.Timeline.{step}",
                ("user", UserTextPatterns.Any), ("authority", UserTextPatterns.Any), ("other", UserTextPatterns.Any)));
    }
}

[Collection(BrowserCollection.Name)]
public class ApprovalJourneyTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly LanguageTexts Fr = UserTexts.In("fr"), De = UserTexts.In("de");

    [Fact]
    public async Task WithApprovalOn_TheCoordinatorSendsTheRequestBack_ThenApprovesIt()
    {
        // The French coordinator asks to approve the requests of the authorities it coordinates (setup step 15).
        var paris = await RequestSteps.SignedInAsync(server, "demo.fr.coordinator");
        await paris.GotoAsync("setup/step/15");
        await paris.WaitForCircuitAsync();
        await paris.ClickAsync("[data-testid=approve-requests-PQ]");
        await Assertions.Expect(paris.Locator("[data-testid=approve-requests-PQ] input, input[data-testid=approve-requests-PQ]").First).ToBeCheckedAsync();

        var french = await RequestSteps.SignedInAsync(server, "demo.fr.handler");
        await french.GotoAsync("search");
        await french.WaitForCircuitAsync();
        await french.FillAsync("input[data-testid=search-text]", "architectes Bavière");
        await french.Locator("[data-testid=search-results] li").First.GetByRole(AriaRole.Link).ClickAsync();
        await french.ClickAsync("[data-testid=send-request-to]");
        await french.GetByLabel("Le diplôme/certificat joint est-il authentique", new() { Exact = false }).CheckAsync();
        await french.Locator("[data-testid=request-answer-date] input, input[data-testid=request-answer-date]").First.FillAsync(DateTime.UtcNow.AddDays(30).ToString("d", Fr.Culture));
        await french.Keyboard.PressAsync("Tab"); // the date picker takes the typed date when the field is left
        await french.ClickAsync("[data-testid=send-request]");
        await french.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}$"));
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.AwaitingApproval));
        var reference = Regex.Match((await french.Locator("h1").TextContentAsync())!, "IMI-[0-9]+").Value;

        // The coordinator finds it to approve, and sends it back with a comment.
        await paris.GotoAsync("requests");
        await paris.WaitForCircuitAsync();
        var item = paris.Locator("[data-testid=action-item]", new() { HasText = reference });
        await Assertions.Expect(item).ToContainTextAsync(Fr.Name(WaitingKind.ToApprove));
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await RequestSteps.FillAsync(paris, "send-back-request-text", "Ajoutez la question sur le registre.");
        await paris.ClickAsync("[data-testid=action-send-back-request]");
        await Assertions.Expect(paris.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Draft));

        // The handler sees it sent back, adds the question, sends again.
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Draft));
        await french.GotoAsync("requests");
        await french.WaitForCircuitAsync();
        var sentBack = french.Locator("[data-testid=action-item]", new() { HasText = reference });
        await Assertions.Expect(sentBack).ToContainTextAsync(Fr.Name(WaitingKind.SentBack));
        await sentBack.GetByRole(AriaRole.Link).ClickAsync();
        await french.GetByRole(AriaRole.Link, new() { Name = Fr["Requests.Exchange.Actions.EditDraft"] }).ClickAsync();
        await Assertions.Expect(french.Locator("body")).ToContainTextAsync("Ajoutez la question sur le registre.");
        await french.GetByLabel("Quelle est la situation actuelle du professionnel", new() { Exact = false }).CheckAsync();
        await french.ClickAsync("[data-testid=send-request]");
        await french.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}$"));
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.AwaitingApproval));

        // Approved: it reaches the German chamber.
        await paris.ReloadAsync();
        await paris.WaitForCircuitAsync();
        await paris.ClickAsync("[data-testid=action-approve-request]");
        await Assertions.Expect(paris.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Sent));
        await paris.AssertAccessibleAsync();
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync(Fr.Name(RequestStatus.Sent));

        var german = await RequestSteps.SignedInAsync(server, "demo.de.handler");
        await german.GotoAsync("requests");
        await german.WaitForCircuitAsync();
        await Assertions.Expect(german.Locator("[data-testid=action-item]", new() { HasText = reference })).ToContainTextAsync(De.Name(WaitingKind.ToAccept));
        foreach (var step in new[] { "Send", "SendBackRequest", "ApproveRequest" })
            await Assertions.Expect(french.Locator("[data-testid=timeline]")).ToContainTextAsync(Fr.Pattern($"Requests.Timeline.{step}",
                ("user", UserTextPatterns.Any), ("authority", UserTextPatterns.Any), ("other", UserTextPatterns.Any)));
    }
}
