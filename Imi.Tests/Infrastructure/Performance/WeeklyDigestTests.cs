using Imi.Domain.Performance;
using Imi.Infrastructure.Performance;
using Imi.Infrastructure.Users;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Performance;

/// <summary>The weekly digest on the demo network (seeded on Friday 27 November 2026): Germany's NIMIC sees the IHK Munich's late requests.</summary>
public class WeeklyDigestTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnMonday_EachCoordinatorUserWhoHandlesRequests_GetsOneDigestInTheirLanguage_UnlessTheyOptedOut()
    {
        await using var services = database.Services();
        var optedOut = await UserAsync(services, "demo.de.bavaria");
        await services.Get<ProfileService>().SetWeeklyDigestAsync(optedOut, receive: false);

        services.Clock.SetUtcNow(Monday.AddDays(-1)); // Sunday: nothing
        Assert.Equal(0, await services.Get<WeeklyDigestJob>().RunAsync());
        services.Clock.SetUtcNow(Monday);
        var sent = await services.Get<WeeklyDigestJob>().RunAsync();
        Assert.True(sent > 0);
        Assert.Equal(0, await services.Get<WeeklyDigestJob>().RunAsync()); // once a week, however often the job runs

        var nimic = await AuthorityAsync(services, "imi@bmwe.demo.de");
        var counts = await services.Get<PerformanceQueries>().UrgencyCountsAsync(nimic);
        Assert.Equal(1, counts[UrgencyReason.NotAccepted]);    // the IHK's request sent ten days before seeding
        Assert.Equal(1, counts[UrgencyReason.PastAnswerDate]); // and the one accepted but past its date
        await using var db = await services.DbAsync();
        var digests = await db.Outbox.Where(m => m.Kind == "weekly-digest").ToListAsync();
        var weber = Assert.Single(digests, m => m.ToAddress == "juergen.weber@bmwe.demo.de");
        Assert.StartsWith("Wöchentliche IMI-Zusammenfassung", weber.Subject);
        Assert.Contains("Jürgen Weber", weber.TextBody);
        Assert.Contains("1 nicht innerhalb einer Woche angenommen", weber.TextBody.Replace("\u00a0", " "));
        Assert.Contains("Innerhalb einer Woche angenommene Anfragen", weber.TextBody); // red: 17 of 26 in time
        Assert.DoesNotContain(digests, m => m.ToAddress == "markus.huber@stmwi.demo.de");     // opted out
        Assert.DoesNotContain(digests, m => m.ToAddress == "stefan.becker@bmwe.demo.de");     // a data administrator who handles no requests
        Assert.DoesNotContain(digests, m => m.ToAddress == "lena.hoffmann@byak.demo.de");      // not a coordinator's user
        Assert.Contains(digests, m => m.ToAddress == "claire.dubois@sgae.demo.fr" && m.Subject.Contains("IMI"));
    }
}
