using System.Diagnostics;
using System.Net.Sockets;
using Imi.Tests.Support;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// Debian's nginx in front of two portal instances, as in production (README, "Many instances"): WebSockets passed
/// through for the circuits, and sticky sessions by a cookie (<see cref="InstanceCookie"/>) that nginx sets on the
/// first response — a circuit stays on its instance; a test (or a balancer draining an instance) changes the cookie to
/// land the next page load on the other one. Every response says which instance served it (<c>X-Imi-Instance</c>).
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    public const string InstanceCookie = "imi_instance"; // as in deploy/nginx.conf.template
    private readonly Process _process;
    private readonly string _folder;

    private LoadBalancer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LoadBalancer> StartAsync(PortalServer a, PortalServer b)
    {
        var folder = Path.Combine(Path.GetTempPath(), "imi-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), Configuration(port, a.BaseAddress.Port, b.BaseAddress.Port, folder));
        var nginx = Environment.GetEnvironmentVariable("IMI_NGINX") ?? "/usr/sbin/nginx";
        var process = Process.Start(new ProcessStartInfo(nginx, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start");
        var balancer = new LoadBalancer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await Eventually.ReturnsAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException("nginx stopped: " + await File.ReadAllTextAsync(Path.Combine(folder, "error.log")));
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return "listening";
            }
            catch (SocketException)
            {
                return null;
            }
        }, what: "nginx to listen");
        return balancer;
    }

    /// <summary>The repository's <c>deploy/nginx.conf.template</c> (what the README gives for production), with loopback addresses.</summary>
    private static string Configuration(int port, int a, int b, string folder)
    {
        return File.ReadAllText(Solution.PathOf("deploy", "nginx.conf.template"))
            .Replace("@FOLDER@", folder).Replace("@LISTEN@", $"127.0.0.1:{port}")
            .Replace("@INSTANCE_A@", $"127.0.0.1:{a}").Replace("@INSTANCE_B@", $"127.0.0.1:{b}")
            .Replace("worker_processes auto;", "worker_processes 1;");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
