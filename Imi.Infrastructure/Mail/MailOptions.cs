namespace Imi.Infrastructure.Mail;

/// <summary>Configuration section "Mail" (environment: Mail__Host, Mail__Port, ...).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's names).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@imi.localhost";
    public string FromName { get; set; } = "IMI";
    /// <summary>The right-hand side of Message-IDs.</summary>
    public string MessageIdDomain { get; set; } = "imi.localhost";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After this many failed attempts a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Development only: run a local inbox (an SMTP server on Host:Port) that stores what the
    /// portal sends in <see cref="LocalInboxFolder"/>, for a person to read at /dev/inbox.
    /// </summary>
    public bool RunLocalInbox { get; set; }
    public string LocalInboxFolder { get; set; } = ".data/inbox";
}
