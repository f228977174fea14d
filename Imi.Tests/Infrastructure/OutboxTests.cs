using Imi.Infrastructure.Mail;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Imi.Tests.Infrastructure;

public class OutboxTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private LocalInbox _inbox = default!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imi-outbox-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _inbox = new LocalInbox(_folder, FreePort.Next());
        await _inbox.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _inbox.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private TestServices Services(int? port = null, int maxAttempts = 3) => database.Services(new Dictionary<string, string?>
    {
        ["Mail:Port"] = (port ?? _inbox.Port).ToString(),
        ["Mail:MaxAttempts"] = maxAttempts.ToString(),
        ["Mail:FirstRetryDelay"] = "00:00:30",
        ["Mail:MessageIdDomain"] = "imi.test",
    });

    private static async Task<Guid> EnqueueAsync(TestServices services, string to, bool commit = true)
    {
        await using var db = await services.DbAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        services.Get<Outbox>().Enqueue(db, new MailMessageContent("A new request", "You have a new incoming request."), to, "Recipient", "test");
        await db.SaveChangesAsync();
        var id = (await db.Outbox.OrderByDescending(m => m.CreatedAt).FirstAsync(m => m.ToAddress == to)).Id;
        if (commit)
            await transaction.CommitAsync();
        else
            await transaction.RollbackAsync();
        return id;
    }

    [Fact]
    public async Task Sender_DeliversOverSmtp_WithAStableMessageId()
    {
        await using var services = Services();
        var id = await EnqueueAsync(services, "handler.one@example.test");

        while (await services.Get<OutboxSender>().SendDueAsync() > 0) { }

        var received = await Eventually.ReturnsAsync(() => _inbox.Messages().FirstOrDefault(m => m.To.Contains("handler.one@example.test")), what: "the e-mail");
        Assert.Equal("A new request", received.Subject);
        Assert.Equal($"{id:N}@imi.test", received.MessageId);
        await using var db = await services.DbAsync();
        var row = await db.Outbox.SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task ChangeRolledBack_LeavesNoEmail()
    {
        await using var services = Services();
        await EnqueueAsync(services, "rolled.back@example.test", commit: false);

        await using var db = await services.DbAsync();
        Assert.False(await db.Outbox.AnyAsync(m => m.ToAddress == "rolled.back@example.test"));
    }

    [Fact]
    public async Task SmtpUnreachable_RetriesWithGrowingDelays_ThenDeadLetters()
    {
        await using var services = Services(port: FreePort.Next(), maxAttempts: 3);
        var id = await EnqueueAsync(services, "unreachable@example.test");
        var sender = services.Get<OutboxSender>();

        async Task<OutboxMessage> Row()
        {
            await using var db = await services.DbAsync();
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
        }

        await sender.SendDueAsync();
        var afterFirst = await Row();
        Assert.Equal(OutboxStatus.Pending, afterFirst.Status);
        Assert.Equal(services.Clock.GetUtcNow().AddSeconds(30), afterFirst.NextAttemptAt);
        Assert.Contains("unreachable", afterFirst.LastError);

        Assert.Equal(0, await sender.SendDueAsync()); // not due yet
        services.Clock.Advance(TimeSpan.FromSeconds(30));
        await sender.SendDueAsync();
        var afterSecond = await Row();
        Assert.Equal(services.Clock.GetUtcNow().AddSeconds(60), afterSecond.NextAttemptAt); // back-off doubles

        services.Clock.Advance(TimeSpan.FromSeconds(60));
        await sender.SendDueAsync();
        var dead = await Row();
        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.Equal(3, dead.Attempts);
    }

    [Fact]
    public async Task TemporaryPassword_ReachesTheInbox_ButNoOutboxRowKeepsItOnceSent()
    {
        await using var services = Services();
        const string password = "Kq7m-Xp3t-Rw9z";
        await using (var db = await services.DbAsync())
        {
            var mail = services.Get<MailWriter>().TemporaryPassword("en", "Aisling Kennedy", password, "https://imi.test/account/sign-in");
            services.Get<Outbox>().Enqueue(db, mail, "temporary.password@example.test", "Aisling Kennedy", Imi.Infrastructure.Identity.MailKinds.TemporaryPassword);
            await db.SaveChangesAsync();
        }

        while (await services.Get<OutboxSender>().SendDueAsync() > 0) { }

        var received = await Eventually.ReturnsAsync(() => _inbox.Messages().FirstOrDefault(m => m.To.Contains("temporary.password@example.test")), what: "the e-mail");
        Assert.Contains(password, received.Text);
        await using var check = await services.DbAsync();
        var row = await check.Outbox.SingleAsync(m => m.ToAddress == "temporary.password@example.test");
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.False(await check.Outbox.AnyAsync(m => m.TextBody.Contains(password) || m.Subject.Contains(password) || m.Secret == password));
        Assert.Contains(OutboxMessage.SecretRemoved, row.TextBody);
    }

    [Fact]
    public async Task TemporaryPassword_GivenUp_IsNotKeptEither()
    {
        await using var services = Services(port: FreePort.Next(), maxAttempts: 1);
        const string password = "Zr4t-Hp8w-Mn3k";
        await using (var db = await services.DbAsync())
        {
            var mail = services.Get<MailWriter>().TemporaryPassword("en", "Aisling Kennedy", password, "https://imi.test/account/sign-in");
            services.Get<Outbox>().Enqueue(db, mail, "never.sent@example.test", "Aisling Kennedy", Imi.Infrastructure.Identity.MailKinds.TemporaryPassword);
            await db.SaveChangesAsync();
        }

        await services.Get<OutboxSender>().SendDueAsync();

        await using var check = await services.DbAsync();
        var row = await check.Outbox.SingleAsync(m => m.ToAddress == "never.sent@example.test");
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.DoesNotContain(password, row.TextBody);
        Assert.Null(row.Secret);
    }
}
