using Imi.Domain.Requests;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.Requests;

/// <summary>
/// Data protection: deletes the personal data, free texts and attachments of exchanges closed more
/// than six months ago (the guide's rule), leaving the anonymous record, with an audit entry for each.
/// In an area with the block-then-delete rule, blocks them after six months and deletes them after three years.
/// </summary>
public sealed class RetentionJob(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock, ILogger<RetentionJob> logger)
{
    /// <summary>Blocks or erases what is due, by each area's rule; returns how many exchanges. Safe to run on several instances at once.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var done = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Due: closed six months ago and not yet erased; under the block-then-delete rule, not yet
            // blocked, or closed three years ago.
            var ids = await db.Database.SqlQueryRaw<Guid>("""
                SELECT r.id AS "Value" FROM information_requests r JOIN legislative_areas a ON a.code = r.legislative_area_code
                WHERE r.status = ANY({2}) AND r.personal_data_erased_at IS NULL AND r.closed_at <= {0}
                  AND (a.personal_data_rule = 'DeleteAfterSixMonths' OR r.personal_data_blocked_at IS NULL OR r.closed_at <= {1})
                ORDER BY r.closed_at LIMIT 100 FOR UPDATE OF r SKIP LOCKED
                """, now - InformationRequest.PersonalDataRetention, now - InformationRequest.BlockedDataRetention,
                WaitingKinds.Names(RequestWorkflow.Ended)).ToListAsync(ct);
            if (ids.Count == 0)
                return done;
            var rules = await db.LegislativeAreas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.PersonalDataRule, ct);
            var requests = await db.Requests.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
            var erased = new List<Guid>();
            foreach (var request in requests)
            {
                switch (request.PersonalDataDue(now, rules.GetValueOrDefault(request.LegislativeAreaCode)))
                {
                    case PersonalDataStep.Erase:
                        var what = request.ErasePersonalData(now);
                        erased.Add(request.Id);
                        db.AuditEntries.Add(new AuditEntry { At = now, Kind = AuditKind.PersonalDataDeleted, RequestId = request.Id, Detail = $"{request.Reference}: {what}" });
                        break;
                    case PersonalDataStep.Block:
                        request.BlockPersonalData(now);
                        db.AuditEntries.Add(new AuditEntry { At = now, Kind = AuditKind.PersonalDataBlocked, RequestId = request.Id, Detail = request.Reference });
                        break;
                }
            }
            await db.AttachmentContents.Where(c => erased.Contains(c.RequestId)).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            done += requests.Count;
            logger.LogInformation("Retention: {Erased} exchanges' personal data deleted, {Blocked} blocked", erased.Count, requests.Count - erased.Count);
        }
    }
}

/// <summary>Reminds the responder's handlers before the answer date and once it has passed, once each per date.</summary>
public sealed class AnswerDateReminderJob(IDbContextFactory<ImiDbContext> contexts, TimeProvider clock, RequestAlerts alerts)
{
    public const int DaysBefore = 2;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One instance at a time: two instances reading the same due exchanges would both send the
        // reminder (marking it sent does not change the exchange's revision, so no conflict stops them).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.SqlQueryRaw<bool>("""SELECT pg_try_advisory_xact_lock(7310002) AS "Value" """).SingleAsync(ct))
            return 0;
        // The answer date runs while the responder has the next step.
        var open = RequestWorkflow.AwaitingResponder.ToArray();
        var horizon = today.AddDays(DaysBefore);
        var due = await db.Requests
            .Where(r => open.Contains(r.Status) && r.AgreedAnswerDate <= horizon
                        && ((r.AgreedAnswerDate >= today && EF.Property<DateOnly?>(r, "NearReminderFor") != r.AgreedAnswerDate)
                            || (r.AgreedAnswerDate < today && EF.Property<DateOnly?>(r, "OverdueReminderFor") != r.AgreedAnswerDate)))
            .OrderBy(r => r.AgreedAnswerDate).ThenBy(r => r.Id) // the most overdue first when more than a batch is due
            .Take(200).ToListAsync(ct);
        foreach (var r in due)
        {
            var overdue = r.AgreedAnswerDate < today;
            await alerts.EnqueueReminderAsync(db, r, overdue ? "AnswerDatePassed" : "AnswerDateNear", ct);
            db.Entry(r).Property(overdue ? "OverdueReminderFor" : "NearReminderFor").CurrentValue = r.AgreedAnswerDate;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }
}

/// <summary>Runs the retention, reminder and weekly digest jobs every hour (and once at start).</summary>
public sealed class RequestJobsHost(RetentionJob retention, AnswerDateReminderJob reminders, Performance.WeeklyDigestJob digest, TimeProvider clock, ILogger<RequestJobsHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await retention.RunAsync(stoppingToken);
                await reminders.RunAsync(stoppingToken);
                await digest.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A request job failed; it runs again within the hour");
            }
            await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
        }
    }
}
