using System.Diagnostics;
using Imi.Tests.Support;

namespace Imi.Tests.EndToEnd;

/// <summary>The portal as an operator starts it: a real process, configured from the environment.</summary>
public class StartupTests
{
    private static async Task<(int ExitCode, string Output)> StartPortalAsync(Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Imi.Portal.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{FreePort.Next()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task DatabaseUnreachable_ExitsWithAClearMessage_NotAStackTrace()
    {
        var port = FreePort.Next();
        var (exitCode, output) = await StartPortalAsync(new()
        {
            ["ConnectionStrings__Imi"] = $"Host=127.0.0.1;Port={port};Database=imi;Username=imi;Timeout=3",
            ["Security__SecurityCodeKey"] = TestDatabase.SecurityCodeKey,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot reach the database at 127.0.0.1:" + port, output);
        Assert.Contains("ConnectionStrings__Imi", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task MissingSecret_ExitsNamingTheEnvironmentVariable()
    {
        var (exitCode, output) = await StartPortalAsync(new()
        {
            ["ConnectionStrings__Imi"] = "Host=127.0.0.1;Port=1;Database=imi",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Security__SecurityCodeKey", output);
        Assert.DoesNotContain("   at ", output);
    }
}
