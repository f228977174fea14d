using System.Net.Sockets;
using Imi.Infrastructure.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace Imi.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox over SMTP: claims due messages with FOR UPDATE SKIP LOCKED (safe with
/// several portal instances), sends each with a stable Message-ID, retries with exponential
/// back-off and dead-letters a message after <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<ImiDbContext> contexts,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly MailOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, clock);
        do
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == _options.BatchSize)
                {
                    // A full batch: there may be more waiting.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning("Outbox: the database could not be read ({Reason}); will try again", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends what is due now; returns how many messages were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.Outbox
            .FromSqlInterpolated($"""
                SELECT * FROM outbox_messages
                WHERE status = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return 0;

        using var smtp = new SmtpClient();
        string? connectionError = null;
        try
        {
            await ConnectAsync(smtp, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or AuthenticationException or SslHandshakeException)
        {
            connectionError = $"SMTP server {_options.Host}:{_options.Port} unreachable: {e.Message}";
        }

        foreach (var message in due)
        {
            if (connectionError is not null)
            {
                Fail(message, connectionError);
                continue;
            }
            try
            {
                await smtp.SendAsync(ToMime(message), cancellationToken);
                message.Status = OutboxStatus.Sent;
                message.SentAt = clock.GetUtcNow();
                message.Attempts++;
                message.LastError = null;
                message.ForgetSecret();
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                Fail(message, e.Message);
            }
        }
        if (smtp.IsConnected)
            await smtp.DisconnectAsync(true, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private void Fail(OutboxMessage message, string reason)
    {
        message.Attempts++;
        message.LastError = reason.Length > 1000 ? reason[..1000] : reason;
        if (message.Attempts >= _options.MaxAttempts)
        {
            message.Status = OutboxStatus.Dead;
            message.ForgetSecret(); // a temporary password never delivered is reset again, not resent
            logger.LogError("Outbox: gave up on e-mail {MessageId} ({Kind}) after {Attempts} attempts: {Reason}",
                message.Id, message.Kind, message.Attempts, reason);
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(
            _options.FirstRetryDelay.Ticks * (1L << Math.Min(message.Attempts - 1, 20)),
            _options.MaxRetryDelay.Ticks));
        message.NextAttemptAt = clock.GetUtcNow() + delay;
        logger.LogWarning("Outbox: e-mail {MessageId} ({Kind}) not sent, attempt {Attempts} of {Max}, next at {NextAttemptAt}: {Reason}",
            message.Id, message.Kind, message.Attempts, _options.MaxAttempts, message.NextAttemptAt, reason);
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken cancellationToken)
    {
        smtp.Timeout = 15_000;
        var security = Enum.Parse<SecureSocketOptions>(_options.Security, ignoreCase: true);
        await smtp.ConnectAsync(_options.Host, _options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.Username))
            await smtp.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId(_options.MessageIdDomain),
            Subject = message.Subject,
            Date = message.CreatedAt,
            Body = new TextPart("plain") { Text = message.TextBody },
        };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Headers.Add("X-IMI-Kind", message.Kind);
        return mime;
    }
}
