using System.Globalization;
using System.Text.RegularExpressions;
using Imi.Infrastructure.Demo;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>The coordinators' part: a referral round, and an approval round (its own portal: approval changes the French coordinator's settings).</summary>
[Collection(BrowserCollection.Name)]
public class ReferralJourneyTests(PortalServer server) : IClassFixture<PortalServer>
{
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
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Being answered");
        await RequestSteps.ChooseAsync(german, "answer-option-0", "Ja, das Dokument ist echt");
        await german.ClickAsync("[data-testid=save-answer-0]");
        await Assertions.Expect(german.Locator("[data-testid=answer-0]")).ToContainTextAsync("Ja, das Dokument ist echt");
        await german.ClickAsync("[data-testid=answer-in-part]");
        await german.ClickAsync("[data-testid=action-send-reply]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Answered");

        // The French handler asks for more; the German handler says it cannot give it.
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Answered");
        await RequestSteps.FillAsync(french, "ask-additional-text", "Merci de préciser la situation au registre.");
        await french.ClickAsync("[data-testid=action-ask-additional]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Waiting for additional information");
        await german.ClickAsync("[data-testid=action-decline-additional]");
        // Without a reason: refused, the message next to the field.
        await Assertions.Expect(german.GetByText("Say why the information cannot be given.")).ToBeVisibleAsync();
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Waiting for additional information");
        await RequestSteps.FillAsync(german, "decline-additional-text", "Das Register gibt darüber keine Auskunft.");
        await german.ClickAsync("[data-testid=action-decline-additional]");
        await Assertions.Expect(german.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Answered");

        // The French handler opens a referral.
        await RequestSteps.FillAsync(french, "open-referral-text", "La réponse ne dit rien du registre.");
        await french.ClickAsync("[data-testid=action-open-referral]");
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("In referral");

        // The Bavarian coordinator (referee of the German side) finds it on its action list, sees the exchange without personal data, comments.
        var bavaria = await RequestSteps.SignedInAsync(server, "demo.de.bavaria");
        await bavaria.GotoAsync("requests");
        await bavaria.WaitForCircuitAsync();
        var item = bavaria.Locator("[data-testid=action-item]", new() { HasText = reference });
        await Assertions.Expect(item).ToContainTextAsync("Referrals");
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

        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Answered");
        await Assertions.Expect(french.Locator("[data-testid=referral-finding]")).ToContainTextAsync("suffisante");
        await french.ClickAsync("[data-testid=action-accept-reply]");
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Closed");
        foreach (var step in new[] { "asked for additional information", "said the additional information cannot be given", "opened a referral",
                     "commented on the referral", "closed the referral with a finding" })
            await Assertions.Expect(french.Locator("[data-testid=timeline]")).ToContainTextAsync(step);
    }
}

[Collection(BrowserCollection.Name)]
public class ApprovalJourneyTests(PortalServer server) : IClassFixture<PortalServer>
{
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
        await french.Locator("[data-testid=request-answer-date] input, input[data-testid=request-answer-date]").First.FillAsync(DateTime.UtcNow.AddDays(30).ToString("d", CultureInfo.GetCultureInfo("fr")));
        await french.ClickAsync("[data-testid=send-request]");
        await french.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}$"));
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Waiting for approval");
        var reference = Regex.Match((await french.Locator("h1").TextContentAsync())!, "IMI-[0-9]+").Value;

        // The coordinator finds it to approve, and sends it back with a comment.
        await paris.GotoAsync("requests");
        await paris.WaitForCircuitAsync();
        var item = paris.Locator("[data-testid=action-item]", new() { HasText = reference });
        await Assertions.Expect(item).ToContainTextAsync("Requests to approve");
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await RequestSteps.FillAsync(paris, "send-back-request-text", "Ajoutez la question sur le registre.");
        await paris.ClickAsync("[data-testid=action-send-back-request]");
        await Assertions.Expect(paris.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("A draft");

        // The handler sees it sent back, adds the question, sends again.
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("A draft");
        await french.GotoAsync("requests");
        await french.WaitForCircuitAsync();
        var sentBack = french.Locator("[data-testid=action-item]", new() { HasText = reference });
        await Assertions.Expect(sentBack).ToContainTextAsync("Sent back to you");
        await sentBack.GetByRole(AriaRole.Link).ClickAsync();
        await french.ClickAsync("text=Change and send the draft");
        await Assertions.Expect(french.Locator("body")).ToContainTextAsync("Ajoutez la question sur le registre.");
        await french.GetByLabel("Quelle est la situation actuelle du professionnel", new() { Exact = false }).CheckAsync();
        await french.ClickAsync("[data-testid=send-request]");
        await french.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}$"));
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Waiting for approval");

        // Approved: it reaches the German chamber.
        await paris.ReloadAsync();
        await paris.WaitForCircuitAsync();
        await paris.ClickAsync("[data-testid=action-approve-request]");
        await Assertions.Expect(paris.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Waiting to be accepted");
        await paris.AssertAccessibleAsync();
        await Assertions.Expect(french.Locator("[data-testid=exchange-status]")).ToHaveTextAsync("Waiting to be accepted");

        var german = await RequestSteps.SignedInAsync(server, "demo.de.handler");
        await german.GotoAsync("requests");
        await german.WaitForCircuitAsync();
        await Assertions.Expect(german.Locator("[data-testid=action-item]", new() { HasText = reference })).ToContainTextAsync("To accept");
        foreach (var step in new[] { "sent the request", "sent the request back", "approved the request" })
            await Assertions.Expect(french.Locator("[data-testid=timeline]")).ToContainTextAsync(step);
    }
}
