using System.Net;
using System.Text.RegularExpressions;

namespace Imi.Tests.EndToEnd;

/// <summary>The headers the portal answers with, over real HTTP (Kestrel on loopback, not development).</summary>
public class SecurityHeadersTests(PortalServer server) : IClassFixture<PortalServer>
{
    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };

    public static TheoryData<string> Addresses => new()
    {
        "account/sign-in",                                                                        // a page
        "app.css",                                                                                // a static file
        "no-such-page",                                                                           // not found
        $"requests/{Guid.NewGuid()}/attachments/{Guid.NewGuid()}",                               // an attachment download
        "health",
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoServerHeader(string address)
    {
        using var client = Client();
        using var response = await client.GetAsync(address);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        Assert.False(response.Headers.Contains("Server"), "the Server header names the software");
    }

    [Fact]
    public async Task ThePagesOneInlineScript_TheImportMap_CarriesThePolicysNonce()
    {
        using var client = Client();
        using var response = await client.GetAsync("account/sign-in");
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        var inlineScripts = Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(inlineScripts);
        Assert.All(inlineScripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));
    }

    [Fact]
    public async Task BehindATlsEndingProxy_CookiesAreSecure_AndHstsIsSent()
    {
        using var client = Client();
        using var direct = await client.GetAsync("account/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Get, "account/sign-in");
        request.Headers.Host = "imi.example.eu"; // HSTS is never sent to a loopback host name
        request.Headers.Add("X-Forwarded-For", "203.0.113.7"); // what a proxy on this machine sends
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var proxied = await client.SendAsync(request);

        Assert.All(direct.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(direct.Headers.Contains("Strict-Transport-Security")); // never over plain HTTP
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        var cookies = proxied.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=", string.Join(",", proxied.Headers.GetValues("Strict-Transport-Security")));
    }

    public static TheoryData<string> RequestPages => new()
    {
        "requests", "requests/new", "requests/allocation", $"requests/{Guid.NewGuid()}", $"requests/{Guid.NewGuid()}/edit",
    };

    [Theory]
    [MemberData(nameof(RequestPages))]
    public async Task RequestPages_SendAnAnonymousVisitorToSignIn_WithoutTheSignedInShell(string address)
    {
        using var client = Client();
        using var response = await client.GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("account/sign-in", response.Headers.Location?.ToString());
        Assert.DoesNotContain("Skip to main content", html);
    }
}

/// <summary>
/// What a visit downloads (issue 13): every stylesheet and script the sign-in page and a live page name is served, by
/// the build's static-asset endpoints (what `MapStaticAssets` serves in production), from a fingerprinted URL cached
/// for a year, with a compressed variant for browsers that accept one — MudBlazor's 627 KB stylesheet included (from
/// the package's own path it had none); the static sign-in page names nothing of MudBlazor's. The published build adds
/// Brotli: figures before and after in bench/RESULTS.md.
/// </summary>
public class StaticAssetsTests(PortalServer server) : IClassFixture<PortalServer>
{
    private sealed record Endpoint(string Route, string AssetFile, List<Selector>? Selectors, List<Header> ResponseHeaders);
    private sealed record Selector(string Name, string Value);
    private sealed record Header(string Name, string Value);
    private sealed record Manifest(List<Endpoint> Endpoints);

    [Fact]
    public async Task TheSignInPagesStylesheetsAndScripts_AreFingerprinted_LongCached_AndHaveACompressedVariant()
    {
        using var client = server.CreateClient();
        var assets = AssetsOf(await client.GetStringAsync("account/sign-in"));
        Assert.Contains(assets, a => a.StartsWith("app."));
        // A static form page: nothing of MudBlazor's (its base rules are in app.css) and not the shell's scripts.
        Assert.DoesNotContain(assets, a => a.Contains("MudBlazor"));
        Assert.DoesNotContain(assets, a => a.Contains("shell.") || a.Contains("session."));
        await AssertServedForGoodAsync(client, assets);
    }

    [Fact]
    public async Task ALivePagesStylesheetsAndScripts_TheShellsToo_AreFingerprinted_LongCached_AndHaveACompressedVariant()
    {
        using var http = new SignInOverHttp(server);
        await http.SignInAsync("demo.de.handler", Imi.Infrastructure.Demo.DemoNetwork.Password, Imi.Infrastructure.Demo.DemoNetwork.SecurityCode);
        var assets = AssetsOf(await http.GetStringAsync("requests"));
        Assert.Contains(assets, a => a.Contains("MudBlazor.portal.min.") && a.EndsWith(".css"));
        Assert.Contains(assets, a => a.Contains("MudBlazor.min.") && a.EndsWith(".js"));
        Assert.Contains(assets, a => a.Contains("js/shell."));
        Assert.Contains(assets, a => a.Contains("js/session."));
        using var client = server.CreateClient();
        await AssertServedForGoodAsync(client, assets);
    }

    private static List<string> AssetsOf(string page) =>
        Regex.Matches(page, "(?:href|src)=\"([^\"]+\\.(?:css|js))\"").Select(m => m.Groups[1].Value).ToList();

    private static async Task AssertServedForGoodAsync(HttpClient client, List<string> assets)
    {
        var manifest = System.Text.Json.JsonSerializer.Deserialize<Manifest>(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Imi.Portal.staticwebassets.endpoints.json")))!;

        var problems = new List<string>();
        foreach (var asset in assets)
        {
            var endpoints = manifest.Endpoints.Where(e => e.Route == asset).ToList();
            if (!Regex.IsMatch(asset, @"\.[a-z0-9]{10}\.[a-z.]+$"))
                problems.Add($"{asset}: no fingerprint in its name");
            if (!endpoints.Any(e => e.Selectors?.Any(s => s.Name == "Content-Encoding") == true))
                problems.Add($"{asset}: no compressed variant");
            if (!endpoints.All(e => e.ResponseHeaders.Any(h => h.Name == "Cache-Control" && h.Value.Contains("immutable"))))
                problems.Add($"{asset}: not cached for good");
            // And the running portal serves its content (a file the build names but cannot find is served empty).
            if ((await client.GetByteArrayAsync(asset)).Length < 500)
                problems.Add($"{asset}: served empty");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
