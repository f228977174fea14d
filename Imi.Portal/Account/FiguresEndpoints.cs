using System.Globalization;
using System.Security.Claims;
using System.Text;
using Imi.Domain.Common;
using Imi.Domain.Performance;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Performance;

namespace Imi.Portal.Account;

/// <summary>
/// The CSV export of the dashboard's figures: the same request and the same rights as the page (<see cref="PerformanceQueries"/>),
/// one row per month, headers in the reader's language, numbers with a full stop (as spreadsheets read CSV), UTF-8 with a BOM.
/// </summary>
public static class FiguresEndpoints
{
    public const string Path = "/performance/figures.csv";

    public static string Href(FiguresRequest r) =>
        $"{Path.TrimStart('/')}?of={r.Of}&authority={r.AuthorityId}&country={r.CountryCode}&area={r.AreaCode}&from={r.FromMonth:yyyy-MM}&to={r.ToMonth:yyyy-MM}";

    public static void MapFiguresEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (string? of, Guid? authority, string? country, string? area, string? from, string? to, ClaimsPrincipal user,
            PerformanceQueries queries, Texts texts, TimeProvider clock, CancellationToken ct) =>
        {
            if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                return Results.Unauthorized();
            var (defaultFrom, defaultTo) = PerformanceQueries.LastTwelveMonths(clock.GetUtcNow());
            var request = new FiguresRequest(Enum.TryParse<FiguresOf>(of, out var o) ? o : FiguresOf.Scope, authority,
                string.IsNullOrEmpty(country) ? null : country, string.IsNullOrEmpty(area) ? null : area,
                Month(from) ?? defaultFrom, Month(to) ?? defaultTo);
            PerformanceDashboard dashboard;
            try
            {
                dashboard = await queries.DashboardAsync(userId, request, ct);
            }
            catch (NotPermittedException)
            {
                return Results.NotFound();
            }
            var csv = new StringBuilder();
            string[] headers =
            [
                "Month", "Sent", "Received", "AwaitingAcceptance", "AcceptedInTime", "Accepted", "Answered", "AnswerDays", "AnsweredWithDate",
                "AnsweredOnTime", "Rated", "NegativeTimeliness", "NegativeEffort",
            ];
            csv.AppendJoin(',', headers.Select(h => Quote(texts["Performance.Csv." + h]))
                .Concat(Scoreboard.Targets.Select(t => Quote(texts["Performance.Indicators." + t.Indicator + ".Name"])))).Append("\r\n");
            foreach (var m in dashboard.Months)
            {
                var c = m.Counts;
                csv.AppendJoin(',', new object[] { m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), c.Sent, c.Received, c.AwaitingAcceptance,
                        c.AcceptedInTime, c.Accepted, c.Answered, c.AnswerDays, c.AnsweredWithDate, c.AnsweredOnTime, c.Rated, c.NegativeTimeliness,
                        c.NegativeEffort }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))
                    .Concat(Scoreboard.Targets.Select(t => c.ValueOf(t.Indicator)?.ToString("0.0", CultureInfo.InvariantCulture) ?? "")))
                    .Append("\r\n");
            }
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"imi-figures-{dashboard.Request.FromMonth:yyyy-MM}-{dashboard.Request.ToMonth:yyyy-MM}.csv");
        }).RequireAuthorization();

    private static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
