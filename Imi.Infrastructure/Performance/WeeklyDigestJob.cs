using Imi.Domain.Authorities;
using Imi.Domain.Performance;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Imi.Infrastructure.Performance;

/// <summary>
/// The weekly digest (issue 12): on Mondays, to each coordinator's users who handle requests (and did not opt out in "My profile"),
/// in their language, the urgency list's counts of the coordinator's scope and its indicators in red over the last twelve months,
/// marking those that turned red this month. Once per user and week (table <c>weekly_digests</c>), whatever the number of instances.
/// </summary>
public sealed class WeeklyDigestJob(IDbContextFactory<ImiDbContext> contexts, PerformanceQueries queries, MailWriter mails, Outbox outbox,
    IOptions<SecurityOptions> security, TimeProvider clock, ILogger<WeeklyDigestJob> logger)
{
    public const DayOfWeek Day = DayOfWeek.Monday;

    /// <summary>Sends what is due this week; returns how many e-mails. Does nothing on other days.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (now.UtcDateTime.DayOfWeek != Day)
            return 0;
        var week = DateOnly.FromDateTime(now.UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var coordinators = await db.Authorities.AsNoTracking()
            .Where(a => a.CoordinatorType != CoordinatorType.None && a.Status == RegistrationStatus.Validated)
            .Select(a => new { a.Id, a.InformalTitle }).ToListAsync(ct);
        var (from, to) = PerformanceQueries.LastTwelveMonths(now);
        var sent = 0;
        foreach (var coordinator in coordinators)
        {
            var recipients = await db.ImiUsers.AsNoTracking()
                .Where(u => u.AuthorityId == coordinator.Id && u.WeeklyDigest && u.AreaRoles.Any(r => r.Role == AreaRole.RequestHandler)
                            && !db.WeeklyDigests.Any(d => d.UserId == u.Id && d.Week == week))
                .Select(u => new { u.Id, u.Email, u.GivenName, u.FamilyName, u.PreferredLanguageCode }).ToListAsync(ct);
            if (recipients.Count == 0)
                continue;
            var urgent = await queries.UrgencyCountsAsync(coordinator.Id, ct);
            var request = new FiguresRequest(FiguresOf.Scope, null, null, null, from, to);
            var current = (await queries.DashboardOfAuthorityAsync(coordinator.Id, request, ct)).Total;
            var before = (await queries.DashboardOfAuthorityAsync(coordinator.Id, request with { FromMonth = from.AddMonths(-1), ToMonth = to.AddMonths(-1) }, ct)).Total;
            var red = Scoreboard.Targets.Where(t => current.LightOf(t.Indicator) == TrafficLight.Red)
                .Select(t => (t.Indicator, TurnedRed: before.LightOf(t.Indicator) != TrafficLight.Red)).ToList();
            foreach (var user in recipients)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO weekly_digests (user_id, week) VALUES ({user.Id}, {week}) ON CONFLICT DO NOTHING", ct);
                if (claimed == 1)
                {
                    outbox.Enqueue(db, mails.WeeklyDigest(user.PreferredLanguageCode, $"{user.GivenName} {user.FamilyName}", coordinator.InformalTitle,
                        urgent[UrgencyReason.NotAccepted], urgent[UrgencyReason.PastAnswerDate], urgent[UrgencyReason.Idle], red,
                        $"{security.Value.PublicBaseUrl.TrimEnd('/')}/performance"), user.Email, $"{user.GivenName} {user.FamilyName}", MailKinds.WeeklyDigest);
                    await db.SaveChangesAsync(ct);
                    sent++;
                }
                await transaction.CommitAsync(ct);
            }
        }
        if (sent > 0)
            logger.LogInformation("Weekly digest: {Count} e-mails queued", sent);
        return sent;
    }
}

/// <summary>That a user was sent the digest of a week (Monday's date): the job sends it once.</summary>
public sealed class WeeklyDigest
{
    public Guid UserId { get; set; }
    public DateOnly Week { get; set; }
}
