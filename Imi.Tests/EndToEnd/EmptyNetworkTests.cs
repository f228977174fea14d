using System.Diagnostics;
using System.Text.RegularExpressions;
using Imi.Infrastructure.Localization;
using Imi.Tests.Support;
using Microsoft.Playwright;

namespace Imi.Tests.EndToEnd;

/// <summary>The portal on an empty database: no demo network, only the reference data.</summary>
public sealed class EmptyNetworkServer : PortalServer
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabase.CreateEmptyAsync();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" };
}

/// <summary>
/// Issue 11: how a real deployment starts. The operator runs <c>create-commission-user</c> (the real command, a process on
/// the same database); the Commission's user signs in and registers Ireland's NIMIC; the NIMIC's first user signs in.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EmptyNetworkTests(EmptyNetworkServer server) : IClassFixture<EmptyNetworkServer>
{
    private static readonly LanguageTexts English = UserTexts.In("en");

    [Fact]
    public async Task TheFirstCommissionUser_RegistersANimic_WhoseFirstUserSignsIn()
    {
        var (exitCode, output) = await RunCommandAsync("create-commission-user", "--email", "imi-team@commission.example.eu",
            "--given-name", "Marta", "--family-name", "Lindqvist");
        Assert.True(exitCode == 0, output);
        var username = Regex.Match(output, "EU-ML-[0-9]{5}").Value;
        Assert.NotEqual("", username);

        var commission = await Browser.NewPageAsync(server);
        await SignInJourney.FirstSignInAsync(commission, username,
            await SignInJourney.TemporaryPasswordAsync(server.Inbox, "imi-team@commission.example.eu"), "Commission-IMI-2026", "321654987012");
        await commission.GotoAsync("coordination/register");
        await commission.WaitForCircuitAsync();
        await Assertions.Expect(commission.Locator("input[data-testid=kind]")).ToHaveValueAsync(English["Authorities.Kinds.Nimic"]);
        await RequestSteps.ChooseAsync(commission, "country", "Ireland");
        await commission.FillAsync("input[data-testid=official-title]", "Department of Enterprise, Trade and Employment");
        await commission.FillAsync("input[data-testid=informal-title]", "Irish national IMI coordinator");
        await commission.FillAsync("input[data-testid=authority-email]", "imi@enterprise.example.ie");
        await commission.GetByRole(AriaRole.Checkbox, new() { Name = English["Authorities.Register.AccessTo", ("area", "Professional qualifications")] }).CheckAsync();
        await commission.FillAsync("input[data-testid=first-given-name]", "Siobhán");
        await commission.FillAsync("input[data-testid=first-family-name]", "Murphy");
        await commission.FillAsync("input[data-testid=first-email]", "siobhan.murphy@enterprise.example.ie");
        await commission.ClickAsync("[data-testid=register-authority]");
        var nimicUsername = (await commission.Locator("[data-testid=registered-username]").TextContentAsync())!.Trim();
        Assert.Matches("^IE-SM-[0-9]{5}$", nimicUsername);
        await commission.AssertAccessibleAsync();

        // A second NIMIC for Ireland is not offered (the country has one now).
        await commission.ClickAsync("[data-testid=register-another]");
        await commission.ClickAsync("[data-testid=country]");
        await Assertions.Expect(commission.GetByRole(AriaRole.Option, new() { Name = "Ireland", Exact = true })).ToHaveCountAsync(0);

        var nimic = await Browser.NewPageAsync(server);
        await SignInJourney.FirstSignInAsync(nimic, nimicUsername,
            await SignInJourney.TemporaryPasswordAsync(server.Inbox, "siobhan.murphy@enterprise.example.ie"), "Irish-NIMIC-2026", "135792468024");
        await nimic.GotoAsync("coordination/network");
        await nimic.WaitForCircuitAsync();
        await Assertions.Expect(nimic.Locator("[data-testid=network]")).ToContainTextAsync("Irish national IMI coordinator");
        await Assertions.Expect(nimic.Locator("[data-testid=register-link]")).ToBeVisibleAsync(); // it registers the rest of Ireland
    }

    [Fact]
    public async Task TheCommand_WithoutItsOptions_SaysHowToUseIt()
    {
        var (exitCode, output) = await RunCommandAsync("create-commission-user", "--email", "someone@commission.example.eu");
        Assert.Equal(2, exitCode);
        Assert.Contains("--given-name", output);
    }

    /// <summary>The published portal run as an operator would, on this class's database.</summary>
    private async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Imi.Portal.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Imi"] = TestDatabase.ConnectionStringFor(server.DatabaseName);
        start.Environment["Security__SecurityCodeKey"] = TestDatabase.SecurityCodeKey;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
