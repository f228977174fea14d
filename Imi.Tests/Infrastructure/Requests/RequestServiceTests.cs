using Imi.Infrastructure.UseCases;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Mail;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.Setup;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Requests;

public class RequestServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Sending_AlertsTheResponderInItsLanguage_WithoutPersonalData_AndPutsItOnTheActionList()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);

        await using var db = await services.DbAsync();
        var mails = await db.Outbox.Where(m => m.Kind == "request.NewRequest" && m.TextBody.Contains(id.ToString())).ToListAsync();
        // The authority's mailbox and every request handler of the area (allocation is off there).
        Assert.Equal(
            [BavarianArchitectsMail, "lena.hoffmann@byak.demo.de", "maximilian.bauer@byak.demo.de", "tobias.fischer@byak.demo.de"],
            mails.Select(m => m.ToAddress).Order());
        Assert.All(mails, m =>
        {
            Assert.StartsWith("Neue IMI-Anfrage IMI-", m.Subject);
            Assert.Contains("Berufsqualifikationen", m.TextBody);
            Assert.DoesNotContain("Martin-Duplessis", m.TextBody + m.Subject);
            Assert.DoesNotContain("4711", m.TextBody + m.Subject);
            Assert.DoesNotContain("12AB34567", m.TextBody);
        });

        var list = await services.Get<RequestQueries>().ActionListAsync(await UserAsync(services, GermanHandler), new ActionListFilter());
        var item = Assert.Single(list.Items, i => i.Id == id);
        Assert.Equal(WaitingKind.ToAccept, item.Kind);
        Assert.Equal("FR", item.Other.CountryCode);
        Assert.True(list.Counts[WaitingKind.ToAccept] >= 1);
        var allocatorList = await services.Get<RequestQueries>().ActionListAsync(await UserAsync(services, GermanAllocator), new ActionListFilter());
        Assert.DoesNotContain(allocatorList.Items, i => i.Id == id);
    }

    [Fact]
    public async Task TheResponderReadsQuestionsInGerman_AndFreeTextInTheOriginalWithItsLanguageNamed()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        var details = await services.Get<RequestQueries>().GetAsync(await UserAsync(services, GermanHandler), id);

        Assert.Equal(ExchangeView.Full, details.View);
        Assert.StartsWith("Ist das beigefügte Diplom/Zeugnis echt", details.Questions![0].Text!.Text);
        Assert.Contains(("YES", "Ja, das Dokument ist echt"), details.Questions[0].Options);
        Assert.Equal(("Combien d'heures de formation pratique ?", "fr", "French"),
            (details.Questions[2].Text!.Text, details.Questions[2].Text!.LanguageCode, details.Questions[2].Text!.LanguageName));
        Assert.Equal(SubjectName, details.Subject!.FullName);
        Assert.Equal(new[] { RequestAction.Forward, RequestAction.Accept, RequestAction.AskForClarification }.Order(), details.AllowedActions.Order());

        await using var db = await services.DbAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.RequestId == id && e.Kind == AuditKind.PersonalDataRead));
    }

    [Fact]
    public async Task TheWholeExchange_ReplyAlertsTheRequester_AndTheTimelineShowsEveryStep()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        await RepliedAsync(services, id);
        await ActAsync(services, FrenchHandler, id, (request, revision) => new AcceptReply(request, revision));
        await ActAsync(services, FrenchHandler, id, (request, revision) => new RateReply(request, revision, 5, 4, "Réponse rapide"));

        var details = await services.Get<RequestQueries>().GetAsync(await UserAsync(services, FrenchHandler), id);
        Assert.Equal(RequestStatus.Closed, details.Status);
        Assert.Equal([RequestAction.Send, RequestAction.Accept, RequestAction.SendReply, RequestAction.AcceptReply, RequestAction.Rate],
            details.Timeline.Select(t => t.Action));
        Assert.Equal("Lena Hoffmann", details.Timeline[1].Who);
        Assert.Equal("Oui, le document est authentique", details.Questions![0].AnswerOptionLabel);
        Assert.Equal(("Seit 2010 eingetragen.", "German"), (details.Questions[1].AnswerText!.Text, details.Questions[1].AnswerText!.LanguageName));
        Assert.Equal(new RequestRating(5, 4, new FreeText("Réponse rapide", "fr")), details.Rating);

        await using var db = await services.DbAsync();
        var reply = await db.Outbox.SingleAsync(m => m.Kind == "request.ReplyReceived" && m.ToAddress == "camille.bernard@architectes.demo.fr" && m.TextBody.Contains(id.ToString()));
        Assert.StartsWith("Réponse reçue", reply.Subject);
        Assert.DoesNotContain("Martin-Duplessis", reply.TextBody);
    }

    [Fact]
    public async Task TheExchangesParts_SurviveTheJsonbColumns_AndTheAttachmentTable()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services, attachment: "%PDF-1.4"u8.ToArray());
        await RepliedAsync(services, id);
        await ActAsync(services, FrenchHandler, id, (request, revision) => new AskForAdditionalInformation(request, revision, "Les heures ?"));
        await ActAsync(services, GermanHandler, id, (request, revision) => new DeclineAdditionalInformation(request, revision, "Nicht verfügbar."));
        await ActAsync(services, FrenchHandler, id, (request, revision) => new OpenReferral(request, revision, "Réponse incomplète."));
        await ActAsync(services, BavarianCoordinator, id, (request, revision) => new CommentOnReferral(request, revision, "Nicht dokumentiert."));

        await using var db = await services.DbAsync();
        var row = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(["PQ.DIPLOMA_AUTHENTIC", "PQ.REGISTRATION_STATUS", null], row.Questions.Select(q => q.Code));
        Assert.Equal("Combien d'heures de formation pratique ?", row.Questions[2].Text!.Text);
        Assert.Equal(("REGISTERED", "Seit 2010 eingetragen."), (row.Questions[1].Answer!.OptionCode, row.Questions[1].Answer!.Text!.Text));
        Assert.Equal(await UserAsync(services, GermanHandler), row.Questions[0].Answer!.AnsweredBy);
        Assert.Equal("Réponse incomplète.", row.Referral!.Reason.Text);
        Assert.Equal("Nicht dokumentiert.", Assert.Single(row.Referral.Comments).Text.Text);
        Assert.Null(row.Referral.ClosedAt);
        var attachment = Assert.Single(row.Attachments);
        Assert.Equal(("diplome.pdf", "application/pdf", AttachmentSide.Request), (attachment.FileName, attachment.ContentType, attachment.Side));
    }

    [Fact]
    public async Task AStaleRevision_IsReportedAsChangedBySomeoneElse()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        var stale = await RevisionAsync(services, id);
        await ActAsync(services, GermanHandler, id, (request, revision) => new AcceptRequest(request, revision, null, null));
        await Assert.ThrowsAsync<ChangedBySomeoneElseException>(() => services.Get<RequestService>().ExecuteAsync(
            UserAsync(services, GermanHandler2).Result, new AskForClarification(id, stale, "?")));
    }

    [Fact]
    public async Task Permissions_AreEnforcedOnTheServer()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        // The requester cannot accept its own request, an outsider cannot act at all.
        await Assert.ThrowsAsync<NotPermittedException>(() => ActAsync(services, FrenchHandler, id, (request, revision) => new AcceptRequest(request, revision, null, null)));
        await Assert.ThrowsAsync<NotPermittedException>(() => ActAsync(services, PortugueseHandler, id, (request, revision) => new AcceptRequest(request, revision, null, null)));
        var e = await Assert.ThrowsAsync<DomainException>(() => DraftAsync(services,
            UserAsync(services, FrenchHandler).Result, "PQ", new DraftContent(AuthorityAsync(services, "imi@corkcity.demo.ie").Result, [], [], null, null, null)));
        Assert.Equal("responder", e.Field);
    }

    [Fact]
    public async Task TwoPortalInstances_OnOneDatabase_HearEachOthersChanges()
    {
        await using var instanceA = database.Services();
        await using var instanceB = database.Services();
        var listener = instanceB.Get<ChangeFeedListener>();
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening;
        var heard = new List<RequestChange>();
        instanceB.Get<ChangeFeed>().Changed += c => { lock (heard) heard.Add(c); };

        var id = await SentRequestAsync(instanceA);

        // The draft's creation concerned only the French side; sending it concerns both.
        var bavarian = await AuthorityAsync(instanceA, BavarianArchitectsMail);
        var change = await Eventually.ReturnsAsync(() => { lock (heard) return heard.FirstOrDefault(c => c.RequestId == id && c.AuthorityIds.Contains(bavarian)); },
            what: "the sending's change notification on the other instance");
        Assert.Contains(await AuthorityAsync(instanceA, FrenchArchitectsMail), change.AuthorityIds);
        lock (heard)
            Assert.DoesNotContain(heard, c => c.RequestId == id && c != change && c.AuthorityIds.Contains(bavarian));
        await listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Attachments_AreStoredChecked_AndOnlyThePartiesDownloadThem()
    {
        await using var services = database.Services();
        var requests = services.Get<RequestService>();
        var french = await UserAsync(services, FrenchHandler);
        var id = await DraftAsync(services, french, "PQ", new DraftContent(null, ["PQ.DIPLOMA_AUTHENTIC"], [], null, null, null));
        var bytes = "%PDF-1.4 diplome"u8.ToArray();
        var attachmentId = (await requests.ExecuteAsync(french, new AttachFile(id, await RevisionAsync(services, id), AttachmentSide.Request, "diplome.pdf", bytes.Length,
            () => new MemoryStream(bytes)))).AttachmentId!.Value;
        var e = await Assert.ThrowsAsync<DomainException>(() => requests.ExecuteAsync(french, new AttachFile(id, RevisionAsync(services, id).Result, AttachmentSide.Request,
            "setup.exe", 3, () => new MemoryStream([1, 2, 3]))));
        Assert.Equal("attachments", e.Field);

        var file = await services.Get<RequestQueries>().AttachmentAsync(french, id, attachmentId);
        Assert.Equal(("diplome.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.Equal(bytes, file.Content);
        await Assert.ThrowsAsync<NotPermittedException>(async () => await services.Get<RequestQueries>().AttachmentAsync(await UserAsync(services, PortugueseHandler), id, attachmentId));
        await using var db = await services.DbAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.RequestId == id && a.Kind == AuditKind.AttachmentRead));
    }

    [Fact]
    public async Task Forwarding_HandsTheRequestToTheBetterPlacedAuthority_AndTellsBothSides()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        var berlin = await AuthorityAsync(services, "imi@lageso.demo.de");
        var german = await UserAsync(services, GermanHandler);

        var cork = await AuthorityAsync(services, "imi@corkcity.demo.ie");
        var e = await Assert.ThrowsAsync<DomainException>(() => ActAsync(services, GermanHandler, id, (request, revision) => new ForwardRequest(request, revision, cork, "Cork handles it.")));
        Assert.Equal("forwardTo", e.Field);
        await ActAsync(services, GermanHandler, id, (request, revision) => new ForwardRequest(request, revision, berlin, "Das LAGeSo ist für Ärzte zuständig."));

        var queries = services.Get<RequestQueries>();
        Assert.DoesNotContain((await queries.ActionListAsync(german, new ActionListFilter())).Items, i => i.Id == id);
        Assert.Contains((await queries.ActionListAsync(await UserAsync(services, "demo.de.lageso"), new ActionListFilter())).Items, i => i.Id == id);
        await Assert.ThrowsAsync<NotPermittedException>(() => queries.GetAsync(german, id)); // no longer theirs
        var forwarded = (await queries.GetAsync(await UserAsync(services, FrenchHandler), id)).Timeline[^1];
        Assert.Equal((RequestAction.Forward, "Das LAGeSo ist für Ärzte zuständig."), (forwarded.Action, forwarded.Note!.Text));

        await using var db = await services.DbAsync();
        Assert.True(await db.Outbox.AnyAsync(m => m.Kind == "request.NewRequest" && m.ToAddress == "imi@lageso.demo.de" && m.TextBody.Contains(id.ToString())));
        var notice = await db.Outbox.SingleAsync(m => m.Kind == "request.Forwarded" && m.TextBody.Contains(id.ToString()));
        Assert.Equal("camille.bernard@architectes.demo.fr", notice.ToAddress);
        Assert.Contains("Approbationsbehörde für Ärzte in Berlin (Allemagne)", notice.TextBody); // the country named in the French reader's language
    }
}
