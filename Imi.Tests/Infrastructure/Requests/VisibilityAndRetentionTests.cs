using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Requests;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Requests;

public class VisibilityAndRetentionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    /// <summary>Role × view: what each kind of user gets from the server for one replied exchange in referral.</summary>
    [Fact]
    public async Task WhoSeesWhat_IsEnforcedInTheQueries()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        await RepliedAsync(services, id);
        await ActAsync(services, FrenchHandler, id, (request, revision) => new AskForAdditionalInformation(request, revision, "Les heures ?"));
        await ActAsync(services, GermanHandler, id, (request, revision) => new DeclineAdditionalInformation(request, revision, "Nicht verfügbar."));
        await ActAsync(services, FrenchHandler, id, (request, revision) => new OpenReferral(request, revision, "Réponse incomplète."));

        var frenchBasic = await RegisterUserAsync(services, FrenchArchitectsMail, "fr.basic");
        var germanBasic = await RegisterUserAsync(services, BavarianArchitectsMail, "de.basic");
        // A French authority linked to the architects sees an overview of their exchanges (step 4).
        await LinkAsync(services, FrenchArchitectsMail, "imi@ordre-medecins.demo.fr");
        var linkedUser = await RegisterUserAsync(services, "imi@ordre-medecins.demo.fr", "fr.linked", AreaRole.RequestHandler);

        var expected = new (string Who, Guid User, ExchangeView View)[]
        {
            ("French handler (requester)", await UserAsync(services, FrenchHandler), ExchangeView.Full),
            ("German handler (responder)", await UserAsync(services, GermanHandler), ExchangeView.Full),
            ("German allocator", await UserAsync(services, GermanAllocator), ExchangeView.Full),
            ("French basic user", frenchBasic, ExchangeView.Overview),
            ("German basic user", germanBasic, ExchangeView.Overview),
            ("Bavarian coordinator (referee, Self)", await UserAsync(services, BavarianCoordinator), ExchangeView.Details),
            ("French coordinator (referee, Self)", await UserAsync(services, FrenchCoordinator), ExchangeView.Details),
            ("Linked French authority", linkedUser, ExchangeView.Overview),
            ("Portuguese handler (outsider)", await UserAsync(services, PortugueseHandler), ExchangeView.None),
        };
        var queries = services.Get<RequestQueries>();
        foreach (var (who, user, view) in expected)
        {
            if (view == ExchangeView.None)
            {
                await Assert.ThrowsAsync<NotPermittedException>(() => queries.GetAsync(user, id));
                continue;
            }
            var details = await queries.GetAsync(user, id);
            Assert.True(view == details.View, $"{who}: expected {view}, got {details.View}");
            Assert.True((view == ExchangeView.Full) == (details.Subject is not null), $"{who}: personal data");
            Assert.True((view == ExchangeView.Full) == (details.Attachments is not null), $"{who}: attachments");
            Assert.True((view >= ExchangeView.Details) == (details.Questions is not null), $"{who}: questions");
            Assert.True((view >= ExchangeView.Details) == (details.Comment is not null), $"{who}: comment");
            Assert.True((view >= ExchangeView.Details) == (details.Referral is not null), $"{who}: referral");
            Assert.NotEmpty(details.Timeline);
            Assert.True(view >= ExchangeView.Details || details.Timeline.All(t => t.Note is null), $"{who}: timeline notes");
        }

        // The referees act on it; the personal data reads were logged for the two parties' handlers only.
        await ActAsync(services, BavarianCoordinator, id, (request, revision) => new CommentOnReferral(request, revision, "Die Ausbildungsstunden sind nicht dokumentiert."));
        await ActAsync(services, FrenchCoordinator, id, (request, revision) => new CloseReferral(request, revision, "La réponse est suffisante."));
        await using var db = await services.DbAsync();
        var readers = await db.AuditEntries.Where(e => e.RequestId == id && e.Kind == AuditKind.PersonalDataRead).Select(e => e.UserId).ToListAsync();
        Assert.Equal(3, readers.Count);
        Assert.Equal(RequestStatus.Replied, (await db.Requests.SingleAsync(r => r.Id == id)).Status);
    }

    [Fact]
    public async Task TheOverview_ListsTheAuthoritysExchanges_ForBasicUsersToo()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        var basic = await RegisterUserAsync(services, BavarianArchitectsMail, "de.basic.overview");
        var (items, total) = await services.Get<RequestQueries>().OverviewAsync(basic, null, null);
        var item = Assert.Single(items, i => i.Id == id);
        Assert.False(item.Outgoing);
        Assert.Equal("FR", item.Other.CountryCode);
        Assert.True(total >= 1);
        var (outsiderItems, _) = await services.Get<RequestQueries>().OverviewAsync(await UserAsync(services, PortugueseHandler), null, null);
        Assert.DoesNotContain(outsiderItems, i => i.Id == id);
    }

    [Fact]
    public async Task RequestCoordinators_FindTheExchangesOfTheAuthoritiesTheyCoordinate_AndOthersDoNot()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        var queries = services.Get<RequestQueries>();

        foreach (var coordinator in new[] { FrenchCoordinator, BavarianCoordinator })
        {
            var item = Assert.Single(await queries.OversightAsync(await UserAsync(services, coordinator)), i => i.Id == id);
            Assert.Equal(("Ordre professionnel des architectes", "Regionale Kammer der Architekten in Bayern"), (item.Requester.Title, item.Responder!.Title));
            Assert.Equal(ExchangeView.Overview, (await queries.GetAsync(await UserAsync(services, coordinator), id)).View);
        }
        Assert.DoesNotContain(await queries.OversightAsync(await UserAsync(services, PortugueseHandler)), i => i.Id == id);
        Assert.DoesNotContain(await queries.OversightAsync(await UserAsync(services, FrenchHandler)), i => i.Id == id); // its own: in the overview instead
    }

    [Fact]
    public async Task Retention_DeletesPersonalDataSixMonthsAfterClosure_AndNothingElse()
    {
        await using var services = database.Services();
        var old = await SentRequestAsync(services, attachment: "%PDF-1.4"u8.ToArray());
        await RepliedAsync(services, old);
        await using (var before = await services.DbAsync())
            Assert.Single(await before.AttachmentContents.Where(c => c.RequestId == old).ToListAsync());
        await ActAsync(services, FrenchHandler, old, (request, revision) => new AcceptReply(request, revision));

        services.Clock.Advance(TimeSpan.FromDays(100));
        var recent = await SentRequestAsync(services);
        await RepliedAsync(services, recent);
        await ActAsync(services, FrenchHandler, recent, (request, revision) => new AcceptReply(request, revision));
        var open = await SentRequestAsync(services);

        services.Clock.Advance(TimeSpan.FromDays(90)); // old: closed 190 days ago; recent: 90 days ago
        // (The demo network's closed exchange is due too: the count is not the point, the rows are.)
        Assert.True(await services.Get<RetentionJob>().RunAsync() >= 1);
        await using var db = await services.DbAsync();
        var oldRow = await db.Requests.SingleAsync(r => r.Id == old);
        Assert.Null(oldRow.Subject);
        Assert.Null(oldRow.Comment);
        Assert.NotNull(oldRow.PersonalDataErasedAt);
        Assert.Equal(RequestStatus.Closed, oldRow.Status);
        Assert.Equal("YES", oldRow.Questions[0].Answer!.OptionCode);
        Assert.Equal(4, oldRow.Timeline.Count);
        Assert.Empty(await db.AttachmentContents.Where(c => c.RequestId == old).ToListAsync());
        Assert.NotNull((await db.Requests.SingleAsync(r => r.Id == recent)).Subject);
        Assert.NotNull((await db.Requests.SingleAsync(r => r.Id == open)).Subject);
        var audit = await db.AuditEntries.SingleAsync(e => e.RequestId == old && e.Kind == AuditKind.PersonalDataDeleted);
        Assert.Null(audit.UserId);
        Assert.Contains("subject: deleted", audit.Detail);
        Assert.Empty(oldRow.Attachments);
        Assert.Equal(0, await services.Get<RetentionJob>().RunAsync());
    }

    [Fact]
    public async Task Reminders_GoOnceBeforeTheAnswerDate_AndOnceAfter()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services); // answer date in 21 days
        var reminders = services.Get<AnswerDateReminderJob>();
        async Task<int> Count(string kind)
        {
            await using var db = await services.DbAsync();
            return await db.Outbox.CountAsync(m => m.Kind == kind && m.TextBody.Contains(id.ToString()));
        }

        await reminders.RunAsync();
        Assert.Equal(0, await Count("request.AnswerDateNear"));
        services.Clock.Advance(TimeSpan.FromDays(19));
        await reminders.RunAsync();
        await reminders.RunAsync();
        Assert.Equal(3, await Count("request.AnswerDateNear")); // the three handlers of the chamber
        services.Clock.Advance(TimeSpan.FromDays(3));
        await reminders.RunAsync();
        Assert.Equal(3, await Count("request.AnswerDatePassed"));
        await using var check = await services.DbAsync();
        var mail = await check.Outbox.FirstAsync(m => m.Kind == "request.AnswerDatePassed" && m.TextBody.Contains(id.ToString()));
        Assert.DoesNotContain(SubjectName, mail.TextBody);
    }

    /// <summary>Another instance running the reminders at the same moment: this one leaves them to it instead of sending them twice.</summary>
    [Fact]
    public async Task Reminders_WhileAnotherInstanceSendsThem_AreNotSentTwice()
    {
        await using var services = database.Services();
        var id = await SentRequestAsync(services);
        services.Clock.Advance(TimeSpan.FromDays(20));
        var reminders = services.Get<AnswerDateReminderJob>();
        async Task<int> Count()
        {
            await using var db = await services.DbAsync();
            return await db.Outbox.CountAsync(m => m.Kind == "request.AnswerDateNear" && m.TextBody.Contains(id.ToString()));
        }

        await using (var otherInstance = await services.DbAsync())
        {
            await using var transaction = await otherInstance.Database.BeginTransactionAsync();
            await otherInstance.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7310002)");
            Assert.Equal(0, await reminders.RunAsync());
            Assert.Equal(0, await Count());
        }
        Assert.True(await reminders.RunAsync() >= 1);
        Assert.Equal(3, await Count());
    }
}

/// <summary>The later rule for one area (its own database: the area's setting changes for every test in it).</summary>
public class BlockThenDeleteTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task InAnAreaWithTheBlockThenDeleteRule_DataIsBlockedAfterSixMonths_RetrievedWithAJustification_AndDeletedAfterThreeYears()
    {
        await using var services = database.Services();
        await using (var db = await services.DbAsync())
        {
            var pq = await db.LegislativeAreas.SingleAsync(a => a.Code == "PQ");
            pq.PersonalDataRule = Imi.Domain.ReferenceData.PersonalDataRule.BlockThenDelete;
            await db.SaveChangesAsync();
        }
        var id = await SentRequestAsync(services, attachment: "%PDF-1.4"u8.ToArray());
        await RepliedAsync(services, id);
        await ActAsync(services, FrenchHandler, id, (request, revision) => new AcceptReply(request, revision));
        var german = await UserAsync(services, GermanHandler);
        var queries = services.Get<RequestQueries>();

        services.Clock.Advance(TimeSpan.FromDays(190));
        Assert.True(await services.Get<RetentionJob>().RunAsync() >= 1); // the demo's closed exchange may be due too

        var blocked = await queries.GetAsync(german, id);
        Assert.True(blocked.PersonalDataBlocked);
        Assert.Null(blocked.Subject);
        Assert.Null(blocked.Attachments);
        Assert.NotNull(blocked.Questions);
        var attachmentId = (await (await services.DbAsync()).Requests.SingleAsync(r => r.Id == id)).Attachments.Single().Id;
        await Assert.ThrowsAsync<NotPermittedException>(() => queries.AttachmentAsync(german, id, attachmentId));

        var retrieved = await queries.GetAsync(german, id, "Court order 2027/114 asks for the identity.");
        Assert.Equal(SubjectName, retrieved.Subject!.FullName);
        Assert.Equal(Imi.Domain.ReferenceData.PersonalDataRule.BlockThenDelete, retrieved.Retention); // the page says "deleted after three years"
        Assert.Single(retrieved.Attachments!);
        // The justification given on the page grants the files for a while, server-side: no URL carries it.
        Assert.NotEmpty((await queries.AttachmentAsync(german, id, attachmentId)).Content);
        var colleague = await UserAsync(services, GermanHandler2); // a party's handler too, but without a justification of their own
        await Assert.ThrowsAsync<NotPermittedException>(() => queries.AttachmentAsync(colleague, id, attachmentId));
        services.Clock.Advance(RequestQueries.BlockedDataGrantLifetime + TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<NotPermittedException>(() => queries.AttachmentAsync(german, id, attachmentId));
        await Assert.ThrowsAsync<NotPermittedException>(async () => await queries.GetAsync(await UserAsync(services, PortugueseHandler), id, "curious"));

        Assert.Equal(0, await services.Get<RetentionJob>().RunAsync()); // blocked once, not again
        services.Clock.Advance(TimeSpan.FromDays(3 * 365));
        Assert.True(await services.Get<RetentionJob>().RunAsync() >= 1);

        await using var check = await services.DbAsync();
        var row = await check.Requests.SingleAsync(r => r.Id == id);
        Assert.Null(row.Subject);
        Assert.NotNull(row.PersonalDataErasedAt);
        var audit = await check.AuditEntries.Where(e => e.RequestId == id).OrderBy(e => e.Id).Select(e => new { e.Kind, e.Detail }).ToListAsync();
        Assert.Contains(audit, e => e.Kind == AuditKind.PersonalDataBlocked);
        Assert.Contains(audit, e => e.Kind == AuditKind.BlockedPersonalDataRetrieved && e.Detail!.Contains("Court order 2027/114 asks for the identity."));
        Assert.Contains(audit, e => e.Kind == AuditKind.AttachmentRead && e.Detail == "diplome.pdf (blocked data: Court order 2027/114 asks for the identity.)");
        Assert.Equal(AuditKind.PersonalDataDeleted, audit[^1].Kind);
    }
}

/// <summary>Visibility while the requester's coordinator approves (its own database: the coordinator's setting changes for every test in it).</summary>
public class ApprovalVisibilityTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    /// <summary>A request still waiting for its own coordinator's approval has not left the requester's country.</summary>
    [Fact]
    public async Task ARequestWaitingForApproval_IsNotSeenByTheRespondersSide()
    {
        await using var services = database.Services();
        await using (var db = await services.DbAsync())
        {
            var coordinatorId = (await db.ImiUsers.SingleAsync(u => u.Username == FrenchCoordinator)).AuthorityId;
            var french = await db.Authorities.SingleAsync(a => a.Id == coordinatorId);
            french.SetApproval(new Imi.Domain.Access.Actor(Guid.Empty, french.Id, true, false, []), "PQ", requests: true, replies: false);
            await db.SaveChangesAsync();
        }
        var id = await SentRequestAsync(services);
        var queries = services.Get<RequestQueries>();
        Assert.Equal(RequestStatus.AwaitingApproval, (await queries.GetAsync(await UserAsync(services, FrenchCoordinator), id)).Status);

        var germanBasic = await RegisterUserAsync(services, BavarianArchitectsMail, "de.basic.approval");
        foreach (var responderSide in new[] { await UserAsync(services, BavarianCoordinator), await UserAsync(services, GermanHandler), germanBasic })
        {
            await Assert.ThrowsAsync<NotPermittedException>(() => queries.GetAsync(responderSide, id));
            Assert.DoesNotContain(await queries.OversightAsync(responderSide), i => i.Id == id);
        }
    }
}
