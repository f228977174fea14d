namespace Imi.Domain.Performance;

/// <summary>The five indicators the Single Market Scoreboard publishes for IMI, per country (issue 12).</summary>
public enum Indicator
{
    /// <summary>Share of the requests received that were accepted within <see cref="Scoreboard.AcceptanceDays"/> days (%).</summary>
    AcceptedWithinWeek,
    /// <summary>Average number of days from receiving a request to the first reply reaching the requester.</summary>
    DaysToAnswer,
    /// <summary>Share of the replies with an agreed answer date that reached the requester on or before it (%).</summary>
    AnsweredOnTime,
    /// <summary>Share of the ratings that rated timeliness negatively (%).</summary>
    NegativeTimeliness,
    /// <summary>Share of the ratings that rated effort negatively (%).</summary>
    NegativeEffort,
}

/// <summary>The Scoreboard's colours: the target met (green), missed by less than the amber band (amber), missed by more (red).</summary>
public enum TrafficLight { None, Green, Amber, Red }

/// <summary>An indicator's target: at least <see cref="Target"/> (shares to reach), or below it (days, negative ratings).</summary>
public sealed record IndicatorTarget(Indicator Indicator, double Target, bool HigherIsBetter, double AmberBand)
{
    public TrafficLight LightOf(double? value)
    {
        if (value is not { } v)
            return TrafficLight.None;
        if (HigherIsBetter)
            return v >= Target ? TrafficLight.Green : v >= Target - AmberBand ? TrafficLight.Amber : TrafficLight.Red;
        return v < Target ? TrafficLight.Green : v < Target + AmberBand ? TrafficLight.Amber : TrafficLight.Red;
    }
}

/// <summary>
/// The indicators' definitions and targets, defined once: the per-exchange measures (<see cref="ExchangeMeasures"/>), the
/// figures (<see cref="PerformanceCounts"/>), the urgency list and the dashboard's colours all derive from here.
/// </summary>
public static class Scoreboard
{
    /// <summary>A request is accepted in time when accepted on the day it was received or within this many calendar days after.</summary>
    public const int AcceptanceDays = 7;

    /// <summary>A rating of this score or lower (on 1–5) counts as negative.</summary>
    public const int NegativeScoreAtMost = 2;

    /// <summary>An open exchange with no step for this many months is idle (urgency list).</summary>
    public const int IdleMonths = 2;

    public static readonly IReadOnlyList<IndicatorTarget> Targets =
    [
        new(Indicator.AcceptedWithinWeek, 80, HigherIsBetter: true, AmberBand: 10),
        new(Indicator.DaysToAnswer, 16, HigherIsBetter: false, AmberBand: 4),
        new(Indicator.AnsweredOnTime, 80, HigherIsBetter: true, AmberBand: 10),
        new(Indicator.NegativeTimeliness, 5, HigherIsBetter: false, AmberBand: 5),
        new(Indicator.NegativeEffort, 5, HigherIsBetter: false, AmberBand: 5),
    ];

    public static IndicatorTarget TargetOf(Indicator indicator) => Targets.Single(t => t.Indicator == indicator);

    public static TrafficLight LightOf(Indicator indicator, double? value) => TargetOf(indicator).LightOf(value);

    /// <summary>The calendar day (UTC) a moment falls on: the indicators count days, not hours.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The first day of the month a moment falls on (the figures are kept per month).</summary>
    public static DateOnly MonthOf(DateTimeOffset at) => MonthOf(DayOf(at));

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>
/// The counts behind the indicators, for one scope and period; added up from the figures kept per authority and month.
/// <see cref="Received"/> counts every request received; <see cref="AwaitingAcceptance"/> those of them still within
/// their <see cref="Scoreboard.AcceptanceDays"/> days and not yet accepted (not yet decided either way).
/// </summary>
public sealed record PerformanceCounts(
    long Sent, long Received, long AwaitingAcceptance, long AcceptedInTime, long Accepted,
    long Answered, long AnswerDays, long AnsweredWithDate, long AnsweredOnTime,
    long Rated, long NegativeTimeliness, long NegativeEffort)
{
    public static readonly PerformanceCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The requests whose acceptance is decided: accepted, or past their days without being accepted.</summary>
    public long AcceptanceDecided => Received - AwaitingAcceptance;

    public static PerformanceCounts operator +(PerformanceCounts a, PerformanceCounts b) => new(
        a.Sent + b.Sent, a.Received + b.Received, a.AwaitingAcceptance + b.AwaitingAcceptance, a.AcceptedInTime + b.AcceptedInTime,
        a.Accepted + b.Accepted, a.Answered + b.Answered, a.AnswerDays + b.AnswerDays, a.AnsweredWithDate + b.AnsweredWithDate,
        a.AnsweredOnTime + b.AnsweredOnTime, a.Rated + b.Rated, a.NegativeTimeliness + b.NegativeTimeliness, a.NegativeEffort + b.NegativeEffort);

    /// <summary>The indicator's value (a percentage, or days), or null when nothing counts towards it yet.</summary>
    public double? ValueOf(Indicator indicator) => indicator switch
    {
        Indicator.AcceptedWithinWeek => Percent(AcceptedInTime, AcceptanceDecided),
        Indicator.DaysToAnswer => Answered == 0 ? null : (double)AnswerDays / Answered,
        Indicator.AnsweredOnTime => Percent(AnsweredOnTime, AnsweredWithDate),
        Indicator.NegativeTimeliness => Percent(NegativeTimeliness, Rated),
        Indicator.NegativeEffort => Percent(NegativeEffort, Rated),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>How many exchanges the indicator's value is computed from.</summary>
    public long BasisOf(Indicator indicator) => indicator switch
    {
        Indicator.AcceptedWithinWeek => AcceptanceDecided,
        Indicator.DaysToAnswer => Answered,
        Indicator.AnsweredOnTime => AnsweredWithDate,
        _ => Rated,
    };

    public TrafficLight LightOf(Indicator indicator) => Scoreboard.LightOf(indicator, ValueOf(indicator));

    private static double? Percent(long part, long whole) => whole <= 0 ? null : 100.0 * part / whole;
}
