using System.Security.Cryptography;

namespace Imi.Portal.Hosting;

/// <summary>
/// The headers every response carries (pages, static files, attachment downloads, errors):
/// a Content-Security-Policy under which Blazor Server and MudBlazor work, no MIME sniffing, no
/// referrer leaving the portal, no framing.
/// </summary>
/// <remarks>
/// Scripts: only the portal's own files, plus the one inline script Blazor writes (the import map),
/// allowed by a nonce made per response (<see cref="NonceOf"/>; App.razor puts it on the import
/// map). No 'unsafe-eval': Blazor Server runs no code in the browser that needs it. Styles allow
/// 'unsafe-inline': MudBlazor writes its theme as a &lt;style&gt; element and positions popovers with
/// style attributes. connect-src 'self' covers the circuit's WebSocket on the same origin.
/// </remarks>
public static class SecurityHeaders
{
    private const string NonceKey = "imi.csp-nonce";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Hexadecimal, not base64: a '+' or '/' would reach the page HTML-encoded (harmless for a
        // browser, but the nonce then differs as text from the header's).
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>The nonce of this response's Content-Security-Policy, for the inline import map.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    public static string Policy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");
}
