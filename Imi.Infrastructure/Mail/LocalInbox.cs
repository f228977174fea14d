using System.Buffers;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Imi.Infrastructure.Mail;

/// <summary>
/// A real SMTP server on loopback that keeps every message it receives as an .eml file in a
/// folder. The run command uses it as the developer's inbox; the tests use it as the mail server
/// the portal sends to. Never enabled in production.
/// </summary>
public sealed class LocalInbox(string folder, int port, ILogger? logger = null) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public string Folder { get; } = Path.GetFullPath(folder);
    public int Port { get; } = port;

    public Task StartAsync()
    {
        Directory.CreateDirectory(Folder);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new FolderStore(Folder));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
        logger?.LogInformation("Local inbox listening on 127.0.0.1:{Port}, storing mail in {Folder}", Port, Folder);
        return Task.CompletedTask;
    }

    /// <summary>Every message received so far, newest first.</summary>
    public IReadOnlyList<InboxMessage> Messages() => ReadFolder(Folder);

    private int _disposed;

    public static IReadOnlyList<InboxMessage> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder, "*.eml")
            .Select(path => (path, info: new FileInfo(path)))
            .OrderByDescending(f => f.info.Name, StringComparer.Ordinal)
            .Select(f => InboxMessage.Load(f.path))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        // A host may stop its services twice (WebApplicationFactory's dispose after a stop): once is enough.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try { await _running; }
            catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }

    private sealed class FolderStore(string folder) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // Sortable by arrival: ticks first, then a random part against collisions.
            var name = $"{DateTime.UtcNow.Ticks:D20}-{Guid.NewGuid():N}.eml";
            var temp = Path.Combine(folder, name + ".part");
            await using (var file = File.Create(temp))
            {
                foreach (var segment in buffer)
                    await file.WriteAsync(segment, cancellationToken);
            }
            File.Move(temp, Path.Combine(folder, name));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A message in the local inbox, as a person reads it.</summary>
public sealed record InboxMessage(string Id, string MessageId, string To, string From, string Subject, DateTimeOffset Date, string Text)
{
    public static InboxMessage Load(string path)
    {
        var mime = MimeMessage.Load(path);
        return new InboxMessage(
            Path.GetFileNameWithoutExtension(path),
            mime.MessageId ?? "",
            mime.To.ToString(),
            mime.From.ToString(),
            mime.Subject ?? "",
            mime.Date,
            mime.TextBody ?? "");
    }
}

/// <summary>Hosts the <see cref="LocalInbox"/> in the portal when <see cref="MailOptions.RunLocalInbox"/> is set.</summary>
public sealed class LocalInboxHost(Microsoft.Extensions.Options.IOptions<MailOptions> options, ILogger<LocalInboxHost> logger) : IHostedService
{
    private LocalInbox? _inbox;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _inbox = new LocalInbox(options.Value.LocalInboxFolder, options.Value.Port, logger);
        await _inbox.StartAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _inbox, null) is { } inbox)
            await inbox.DisposeAsync();
    }
}
