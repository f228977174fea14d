using System.Globalization;
using Imi.Domain.Performance;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Performance;

namespace Imi.Portal.Components.Performance;

/// <summary>How the figures read, in the reader's language and number format: shared by the dashboard's cards, charts and tables.</summary>
public static class FiguresText
{
    public static bool IsShare(Indicator indicator) => indicator != Indicator.DaysToAnswer;

    /// <summary>"84.2 %", "12.5 days", or "–" when nothing counts yet.</summary>
    public static string Value(Texts t, Indicator indicator, double? value) => value is not { } v
        ? t["Performance.NoValue"]
        : IsShare(indicator) ? t["Performance.Percent", ("value", Math.Round(v, 1))] : t["Performance.Days", ("value", Math.Round(v, 1))];

    public static string Target(Texts t, IndicatorTarget target) =>
        t["Performance.Indicators." + target.Indicator + ".Target", ("value", target.Target)];

    public static string Light(Texts t, TrafficLight light) => t["Performance.Lights." + light];

    public static string Month(DateOnly month) => month.ToDateTime(TimeOnly.MinValue).ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The subject as a title: an authority, the authorities a coordinator coordinates, a country, or the EEA.</summary>
    public static string Subject(Texts t, FiguresChoice choice, ScopeKind scope) => choice.Of switch
    {
        FiguresOf.Network => t["Performance.Subjects.Network"],
        FiguresOf.Country => t["Performance.Subjects.Country", ("country", choice.Name)],
        FiguresOf.Scope when scope == ScopeKind.Coordinated => t["Performance.Subjects.Coordinated", ("authority", choice.Name)],
        FiguresOf.Scope when scope == ScopeKind.Country => t["Performance.Subjects.Country", ("country", choice.Name)],
        _ => choice.Name,
    };

    /// <summary>True when <see cref="Subject"/> is an authority's own title (data: marked not to be translated on the page).</summary>
    public static bool IsBareName(FiguresChoice choice, ScopeKind scope) =>
        choice.Of == FiguresOf.Authority || (choice.Of == FiguresOf.Scope && scope == ScopeKind.OwnAuthority);

    public static string CssOf(TrafficLight light) => "imi-light imi-light-" + light.ToString().ToLowerInvariant();
}
