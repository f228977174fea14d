using Imi.Domain.Requests;
using Imi.Infrastructure.Requests;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Requests;

/// <summary>The Bavarian coordinator approves the replies of the authorities it coordinates (its own database: the setting stays).</summary>
public class ReplyApprovalTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task AReplyWaitsForTheCoordinator_WhoIsAlertedAndSeesItWithoutPersonalData()
    {
        await using var services = database.Services();
        await using (var db = await services.DbAsync())
        {
            var bavaria = await db.Authorities.SingleAsync(a => a.Email == "imi@stmwi.demo.de");
            bavaria.SetApproval(new Imi.Domain.Access.Actor(Guid.Empty, bavaria.Id, true, false, []), "PQ", requests: false, replies: true);
            await db.SaveChangesAsync();
        }
        var id = await SentRequestAsync(services);
        await RepliedAsync(services, id);

        var coordinator = await UserAsync(services, BavarianCoordinator);
        var queries = services.Get<RequestQueries>();
        var seen = await queries.GetAsync(coordinator, id);
        Assert.Equal(RequestStatus.ReplyAwaitingApproval, seen.Status);
        Assert.Equal(ExchangeView.Details, seen.View);
        Assert.Null(seen.Subject);
        Assert.Equal("Ja, das Dokument ist echt", seen.Questions![0].AnswerOptionLabel);
        Assert.Equal([RequestAction.ApproveReply, RequestAction.SendBackReply], seen.AllowedActions);
        Assert.Equal(WaitingKind.ReplyToApprove, Assert.Single((await queries.ActionListAsync(coordinator, new ActionListFilter())).Items, i => i.Id == id).Kind);
        Assert.DoesNotContain((await queries.ActionListAsync(await UserAsync(services, FrenchHandler), new ActionListFilter())).Items, i => i.Id == id);

        await using (var db = await services.DbAsync())
        {
            var alert = await db.Outbox.SingleAsync(m => m.Kind == "request.ReplyApprovalNeeded" && m.TextBody.Contains(id.ToString()));
            Assert.Equal("markus.huber@stmwi.demo.de", alert.ToAddress);
            Assert.StartsWith("Antwort auf IMI-Anfrage", alert.Subject);
            Assert.DoesNotContain(SubjectName, alert.TextBody);
        }

        await ActAsync(services, BavarianCoordinator, id, (request, revision) => new ApproveReply(request, revision));
        Assert.Equal(WaitingKind.ReplyToReview,
            Assert.Single((await queries.ActionListAsync(await UserAsync(services, FrenchHandler), new ActionListFilter())).Items, i => i.Id == id).Kind);
    }
}
