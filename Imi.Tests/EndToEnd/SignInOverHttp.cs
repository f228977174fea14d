using System.Net;
using System.Text.RegularExpressions;

namespace Imi.Tests.EndToEnd;

/// <summary>
/// Signs in with plain HTTP form posts, as a script would: no browser, so a test can copy the
/// session cookie and replay it later, as someone who stole it would.
/// </summary>
public sealed partial class SignInOverHttp : IDisposable
{
    public const string SessionCookie = "imi.session";
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;
    private readonly Uri _base;

    public SignInOverHttp(PortalServer server)
    {
        _base = server.BaseAddress;
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = _base };
    }

    /// <summary>Posts username and password to the sign-in form; the response (a redirect when right).</summary>
    public async Task<HttpResponseMessage> PostPasswordAsync(string username, string password)
    {
        var token = TokenIn(await _client.GetStringAsync("account/sign-in"));
        return await _client.PostAsync("account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Username"] = username,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Password, then the three digits asked; returns the value of the session cookie.</summary>
    public async Task<string> SignInAsync(string username, string password, string code)
    {
        var response = await PostPasswordAsync(username, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _client.GetStringAsync("account/security-code");
        var positions = PositionPattern().Matches(page).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(3, positions.Count);
        var answer = await _client.PostAsync("account/security-code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "security-code",
            ["__RequestVerificationToken"] = TokenIn(page),
            ["Input.Digit1"] = code[positions[0] - 1].ToString(),
            ["Input.Digit2"] = code[positions[1] - 1].ToString(),
            ["Input.Digit3"] = code[positions[2] - 1].ToString(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return _cookies.GetCookies(_base)[SessionCookie]?.Value ?? throw new InvalidOperationException("No session cookie after signing in.");
    }

    /// <summary>A page as the signed-in user's browser first gets it (the prerendered HTML).</summary>
    public Task<string> GetStringAsync(string path) => _client.GetStringAsync(path);

    /// <summary>Every cookie the portal set so far (the session, the language), as a browser context takes them.</summary>
    public IEnumerable<Microsoft.Playwright.Cookie> BrowserCookies() =>
        _cookies.GetCookies(_base).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = _base.Host, Path = string.IsNullOrEmpty(c.Path) ? "/" : c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure,
        });

    /// <summary>Signs out with the shell's form, as the sign-out button does.</summary>
    public async Task SignOutAsync()
    {
        var token = TokenIn(await _client.GetStringAsync(""));
        var response = await _client.PostAsync("account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("signed-out", response.Headers.Location?.ToString());
    }

    /// <summary>A GET with only <paramref name="sessionCookie"/>, as a copied cookie would be sent; the status code, or where it sends.</summary>
    public static async Task<string> ReplayAsync(PortalServer server, string sessionCookie, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{SessionCookie}={sessionCookie}");
        var response = await client.SendAsync(request);
        var location = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.ToString();
        return response.StatusCode == HttpStatusCode.OK ? "200" : $"{(int)response.StatusCode} {location}";
    }

    private static string TokenIn(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"position-[123]\"[^>]*>Digit ([0-9]+)<")]
    private static partial Regex PositionPattern();

    public void Dispose() => _client.Dispose();
}
