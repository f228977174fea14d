using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Imi.Portal;

/// <summary>The /health answer: overall status and each check's one-line description, as JSON.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
