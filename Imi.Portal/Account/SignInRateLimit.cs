using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Imi.Portal.Account;

/// <summary>
/// Limits sign-in form posts per client address and per username typed (ASP.NET Core's rate
/// limiter): together with <see cref="SignInLockout"/> this keeps one person from trying many
/// passwords, or from locking a whole authority out in a minute. Per instance: the lockout,
/// kept in the database, is the rule across instances. The public application form (<c>/apply</c>)
/// has its own, lower limit per address.
/// </summary>
public static class SignInRateLimit
{
    private static readonly string[] LimitedPaths = ["/account/sign-in", "/account/security-code", "/account/first-sign-in"];
    private const string ApplicationPath = "/apply";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, SecurityOptions options) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => TooManyAsync(context.HttpContext, ct);
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(http => IsSignInPost(http) ? "address:" + http.Connection.RemoteIpAddress : null, options.SignInPostsPerAddressPerMinute),
                Partitioned(http => IsSignInPost(http) && TypedUsername(http) is { } name ? "username:" + name : null, options.SignInPostsPerUsernamePerMinute),
                Partitioned(http => IsApplicationPost(http) ? "apply:" + http.Connection.RemoteIpAddress : null, options.ApplicationPostsPerAddressPerMinute));
        });

    /// <summary>Reads the sign-in form before the limiter runs (the limiter's partition key cannot wait for it).</summary>
    public static WebApplication UseSignInRateLimit(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (IsSignInPost(http) && http.Request.HasFormContentType)
                await http.Request.ReadFormAsync(http.RequestAborted);
            await next(http);
        });
        app.UseRateLimiter();
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(Func<HttpContext, string?> key, int permitsPerMinute) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => key(http) is { } partition
            ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsApplicationPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(ApplicationPath, StringComparison.OrdinalIgnoreCase);

    private static bool IsSignInPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && LimitedPaths.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static string? TypedUsername(HttpContext http) =>
        http.Request.HasFormContentType && http.Request.Form.TryGetValue("Input.Username", out var typed) && typed.ToString().Trim() is { Length: > 0 } name
            ? name.ToUpperInvariant()
            : null;

    private static async ValueTask TooManyAsync(HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString();
        http.Response.ContentType = "text/html; charset=utf-8";
        // Request localization runs before the limiter: the page is in the visitor's language.
        var texts = http.RequestServices.GetRequiredService<Texts>();
        var (prefix, back) = IsApplicationPost(http) ? ("Authorities.Apply.TooMany.", ApplicationPath) : ("Account.TooManyAttempts.", "/account/sign-in");
        string Text(string key) => HtmlEncoder.Default.Encode(texts[prefix + key]);
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="{HtmlEncoder.Default.Encode(CultureInfo.CurrentUICulture.Name)}"><head><meta charset="utf-8"><title>{Text("PageTitle")}</title></head>
            <body><main><h1>{Text("Heading")}</h1>
            <p data-testid="too-many">{Text("Text")}</p>
            <p><a href="{back}">{Text("Link")}</a></p>
            </main></body></html>
            """, ct);
    }
}
