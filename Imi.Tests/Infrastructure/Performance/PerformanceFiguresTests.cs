using Imi.Domain.Common;
using Imi.Domain.Performance;
using Imi.Domain.Requests;
using Imi.Infrastructure.Performance;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.UseCases;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Performance;

/// <summary>
/// The Scoreboard's indicators on a hand-made set of exchanges (March 2030, after the demo's dates, so nothing else counts), driven
/// through the real services with a fake clock, read back from the figures PostgreSQL keeps; then who sees which figures, the
/// urgency list and a coordinator's reminder.
/// </summary>
public class PerformanceFiguresTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Bavaria = "imi@stmwi.demo.de";
    private static DateTimeOffset March(int day, int hour = 9) => new(2030, 3, day, hour, 0, 0, TimeSpan.Zero);
    private static readonly FiguresRequest Architects2030 = new(FiguresOf.Scope, null, null, "PQ", new DateOnly(2030, 3, 1), new DateOnly(2030, 4, 1));

    private static async Task<Guid> SendAsync(TestServices services, string responderEmail)
    {
        var id = await DraftAsync(services, await UserAsync(services, FrenchHandler), "PQ", new DraftContent(
            await AuthorityAsync(services, responderEmail), ["PQ.DIPLOMA_AUTHENTIC"], [], new SubjectData(SubjectName, null, "FR", null, null, null),
            null, DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime).AddDays(21)));
        await ActAsync(services, FrenchHandler, id, (r, v) => new SendRequest(r, v));
        return id;
    }

    private static async Task ReplyAsync(TestServices services, Guid id)
    {
        await ActAsync(services, GermanHandler, id, (r, v) => new AnswerQuestion(r, v, 0, "YES", null));
        await ActAsync(services, GermanHandler, id, (r, v) => new SendReply(r, v, InPart: false));
    }

    private static async Task AcceptAsync(TestServices services, Guid id) =>
        await ActAsync(services, GermanHandler, id, (r, v) => new AcceptRequest(r, v, null, null));

    private static async Task CloseAndRateAsync(TestServices services, Guid id, int timeliness, int effort)
    {
        await ActAsync(services, FrenchHandler, id, (r, v) => new AcceptReply(r, v));
        await ActAsync(services, FrenchHandler, id, (r, v) => new RateReply(r, v, timeliness, effort, null));
    }

    private async Task<(TestServices Services, Dictionary<string, Guid> Exchanges)> HandMadeAsync()
    {
        var services = database.Services();
        var clock = services.Clock;
        var e = new Dictionary<string, Guid>();
        clock.SetUtcNow(March(1));
        e["inTime"] = await SendAsync(services, BavarianArchitectsMail);      // accepted on day 7, replied before the date, rated badly for timeliness
        e["late"] = await SendAsync(services, BavarianArchitectsMail);        // accepted on day 8, replied on the agreed date, rated badly for effort
        e["forwarded"] = await SendAsync(services, Bavaria);                  // forwarded to the architects on the 4th, accepted 7 days later
        clock.SetUtcNow(March(2));
        await using (var db = await services.DbAsync())
        {
            var coordinator = await db.Authorities.SingleAsync(a => a.Email == Bavaria);
            coordinator.SetApproval(new Imi.Domain.Access.Actor(Guid.Empty, coordinator.Id, true, false, []), "PQ", requests: false, replies: true);
            await db.SaveChangesAsync();
        }
        e["sentBack"] = await SendAsync(services, BavarianArchitectsMail);    // accepted at once; its reply is sent back, then approved on the 14th
        await AcceptAsync(services, e["sentBack"]);
        clock.SetUtcNow(March(4));
        await ActAsync(services, BavarianCoordinator, e["forwarded"], (r, v) => new ForwardRequest(r, v, BavarianArchitectsId, "Zuständig ist die Kammer."));
        clock.SetUtcNow(March(8, 23));
        await AcceptAsync(services, e["inTime"]);
        clock.SetUtcNow(March(9, 0));
        await AcceptAsync(services, e["late"]);
        clock.SetUtcNow(March(10));
        await ReplyAsync(services, e["sentBack"]);
        clock.SetUtcNow(March(11));
        await ActAsync(services, BavarianCoordinator, e["sentBack"], (r, v) => new SendBackReply(r, v, "Bitte genauer."));
        await AcceptAsync(services, e["forwarded"]);
        clock.SetUtcNow(March(12));
        await ActAsync(services, GermanHandler, e["sentBack"], (r, v) => new SendReply(r, v, InPart: false));
        clock.SetUtcNow(March(14));
        await ActAsync(services, BavarianCoordinator, e["sentBack"], (r, v) => new ApproveReply(r, v));
        clock.SetUtcNow(March(15));
        await ReplyAsync(services, e["inTime"]);
        clock.SetUtcNow(March(16));
        await CloseAndRateAsync(services, e["inTime"], timeliness: 2, effort: 4);
        clock.SetUtcNow(March(20));
        e["neverAccepted"] = await SendAsync(services, BavarianArchitectsMail);
        clock.SetUtcNow(March(22, 20));
        await ReplyAsync(services, e["late"]);                                    // on the agreed date (sent 1 March + 21 days)
        clock.SetUtcNow(March(23));
        await CloseAndRateAsync(services, e["late"], timeliness: 5, effort: 1);
        clock.SetUtcNow(March(25));
        await ReplyAsync(services, e["forwarded"]);                               // to the coordinator: the date (22 March) has passed
        clock.SetUtcNow(March(26));
        await ActAsync(services, BavarianCoordinator, e["forwarded"], (r, v) => new ApproveReply(r, v));
        clock.SetUtcNow(March(28));
        e["stillWithinItsWeek"] = await SendAsync(services, BavarianArchitectsMail);
        clock.SetUtcNow(new DateTimeOffset(2030, 4, 2, 9, 0, 0, TimeSpan.Zero));
        return (services, e);
    }

    private static Guid BavarianArchitectsId = Guid.Empty;

    [Fact]
    public async Task EachIndicator_IsTheExactFigure_OfAHandMadeMonth_AndOnlyTheRightPeopleSeeIt()
    {
        await using (var s = database.Services())
            BavarianArchitectsId = await AuthorityAsync(s, BavarianArchitectsMail);
        var (services, e) = await HandMadeAsync();
        await using var _ = services;
        var queries = services.Get<PerformanceQueries>();

        // The architects' own figures (a handler of theirs sees them: its scope is its authority).
        var own = await queries.DashboardAsync(await UserAsync(services, GermanHandler), Architects2030);
        var march = own.Months.Single(m => m.Month == new DateOnly(2030, 3, 1)).Counts;
        Assert.Equal(ScopeKind.OwnAuthority, own.ScopeKind);
        Assert.Equal(6, march.Received);                  // the forwarded request counts here, from the 4th
        Assert.Equal(1, march.AwaitingAcceptance);        // received on the 28th, its week not over
        Assert.Equal(3, march.AcceptedInTime);            // day 7, day 0, and 7 days after the forwarding
        Assert.Equal(4, march.Accepted);
        Assert.Equal(4, march.Answered);
        Assert.Equal(14 + 21 + 12 + 22, march.AnswerDays); // the sent-back reply counts from its approval (14th)
        Assert.Equal(4, march.AnsweredWithDate);
        Assert.Equal(3, march.AnsweredOnTime);            // the reply on the agreed date is on time; the forwarded one is late
        Assert.Equal(2, march.Rated);
        Assert.Equal(1, march.NegativeTimeliness);
        Assert.Equal(1, march.NegativeEffort);
        Assert.Equal(0, march.Sent);
        Assert.Equal(60.0, own.Total.ValueOf(Indicator.AcceptedWithinWeek)); // 3 of the 5 decided
        Assert.Equal(17.25, own.Total.ValueOf(Indicator.DaysToAnswer));
        Assert.Equal(75.0, own.Total.ValueOf(Indicator.AnsweredOnTime));
        Assert.Equal(50.0, own.Total.ValueOf(Indicator.NegativeTimeliness));
        Assert.Equal(TrafficLight.Red, own.Total.LightOf(Indicator.AcceptedWithinWeek));
        Assert.Equal(TrafficLight.Amber, own.Total.LightOf(Indicator.DaysToAnswer));
        Assert.Equal(TrafficLight.Amber, own.Total.LightOf(Indicator.AnsweredOnTime));

        // The coordinator the request was first sent to counts nothing (it forwarded it), the requester six requests sent.
        var bavaria = await queries.DashboardAsync(await UserAsync(services, BavarianCoordinator), Architects2030 with { Of = FiguresOf.Authority, AuthorityId = await AuthorityAsync(services, Bavaria) });
        Assert.Equal(0, bavaria.Total.Received);
        var french = await queries.DashboardAsync(await UserAsync(services, FrenchHandler), Architects2030);
        Assert.Equal(6, french.Total.Sent);
        Assert.Equal(0, french.Total.Received);

        // Who sees what: the Bavarian coordinator and the German NIMIC see the architects; Germany's total is everyone's;
        // the French NIMIC and the French handler never see a German authority one by one.
        var architects = Architects2030 with { Of = FiguresOf.Authority, AuthorityId = BavarianArchitectsId };
        Assert.Equal(6, (await queries.DashboardAsync(await UserAsync(services, BavarianCoordinator), architects)).Total.Received);
        Assert.Equal(6, (await queries.DashboardAsync(await UserAsync(services, "demo.de.coordinator"), architects)).Total.Received);
        var germany = Architects2030 with { Of = FiguresOf.Country, CountryCode = "DE" };
        Assert.Equal(6, (await queries.DashboardAsync(await UserAsync(services, FrenchCoordinator), germany)).Total.Received);
        Assert.Equal(6, (await queries.DashboardAsync(await UserAsync(services, "demo.commission"), architects)).Total.Received);
        foreach (var outsider in new[] { FrenchCoordinator, FrenchHandler, "demo.de.lageso" })
        {
            var refusal = await Assert.ThrowsAsync<NotPermittedException>(async () => await queries.DashboardAsync(await UserAsync(services, outsider), architects));
            Assert.Equal(Refusals.Performance.FiguresNotInScope, refusal.Code);
        }
        // The NIMIC's comparison lists its country's authorities with their own figures; the EEA view compares countries.
        var nimic = await queries.DashboardAsync(await UserAsync(services, "demo.de.coordinator"), Architects2030);
        Assert.Equal(ScopeKind.Country, nimic.ScopeKind);
        Assert.Equal(6, Assert.Single(nimic.Comparison, c => c.AuthorityId == BavarianArchitectsId).Counts.Received);
        var eea = await queries.DashboardAsync(await UserAsync(services, FrenchHandler), Architects2030 with { Of = FiguresOf.Network });
        Assert.True(eea.ComparesCountries);
        Assert.Equal(6, Assert.Single(eea.Comparison, c => c.CountryCode == "DE").Counts.Received);
        Assert.Equal(6, Assert.Single(eea.Comparison, c => c.CountryCode == "FR").Counts.Sent);
    }

    [Fact]
    public async Task TheUrgencyList_ShowsTheRequestNotAcceptedInAWeek_AndTheNimicRemindsTheArchitects_OnceADay()
    {
        await using (var s = database.Services())
            BavarianArchitectsId = await AuthorityAsync(s, BavarianArchitectsMail);
        await using var services = database.Services();
        services.Clock.SetUtcNow(new DateTimeOffset(2031, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var waiting = await SendAsync(services, BavarianArchitectsMail);
        var fresh = await SendAsync(services, BavarianArchitectsMail);
        services.Clock.SetUtcNow(new DateTimeOffset(2031, 5, 9, 9, 0, 0, TimeSpan.Zero)); // day 8 for both
        await AcceptAsync(services, fresh);
        var queries = services.Get<PerformanceQueries>();
        var nimic = await UserAsync(services, "demo.de.coordinator");

        var list = await queries.UrgencyListAsync(nimic, areaCode: "PQ");
        var item = Assert.Single(list.Items, i => i.Id == waiting);
        Assert.Equal([UrgencyReason.NotAccepted], item.Reasons);
        Assert.True(item.Incoming);
        Assert.False(item.Outgoing);
        Assert.True(item.MayRemind);
        Assert.DoesNotContain(list.Items, i => i.Id == fresh);
        Assert.Contains((await queries.UrgencyListAsync(await UserAsync(services, FrenchHandler), areaCode: "PQ")).Items, i => i.Id == waiting && i.Outgoing && !i.MayRemind);
        // The coordinator opens it in the overview its duty needs: no personal data.
        var seen = await services.Get<RequestQueries>().GetAsync(nimic, waiting);
        Assert.Equal(ExchangeView.Overview, seen.View);
        Assert.Null(seen.Subject);

        await services.Get<RequestService>().ExecuteAsync(nimic, new RemindAuthority(waiting, item.Revision));
        await using (var db = await services.DbAsync())
        {
            var mails = await db.Outbox.Where(m => m.Kind == "request.CoordinatorReminder").ToListAsync();
            Assert.Contains(mails, m => m.ToAddress == "lena.hoffmann@byak.demo.de");
            Assert.All(mails, m => Assert.DoesNotContain(SubjectName, m.TextBody));
            var r = await db.Requests.SingleAsync(x => x.Id == waiting);
            var entry = Assert.Single(r.Timeline, t => t.Action == RequestAction.RemindFromCoordinator);
            Assert.Equal(BavarianArchitectsId, entry.OtherAuthorityId);
            Assert.Equal(RequestStatus.Sent, r.Status);
        }
        var again = await Assert.ThrowsAsync<DomainException>(async () =>
            await services.Get<RequestService>().ExecuteAsync(nimic, new RemindAuthority(waiting, await RevisionAsync(services, waiting))));
        Assert.Equal(Refusals.Performance.RemindedToday, again.Code);
        var outsider = await Assert.ThrowsAsync<NotPermittedException>(async () =>
            await services.Get<RequestService>().ExecuteAsync(await UserAsync(services, FrenchCoordinator), new RemindAuthority(waiting, await RevisionAsync(services, waiting))));
        Assert.Equal(Refusals.Performance.NotInScope, outsider.Code);
    }
}
