using Imi.Domain.Common;

namespace Imi.Domain.Requests;

/// <summary>
/// The range of each date of a request, defined once: an answer date from tomorrow to two years
/// ahead (a later one is a typing error, and PostgreSQL would store 9999-12-31 as infinity); a date
/// of birth from 1900 to today.
/// </summary>
public static class RequestDates
{
    public const int AnswerDateMaxYearsAhead = 2;
    public static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static DateOnly EarliestAnswerDate(DateTimeOffset now) => Today(now).AddDays(1);

    public static DateOnly LatestAnswerDate(DateTimeOffset now) => Today(now).AddYears(AnswerDateMaxYearsAhead);

    /// <summary>Refuses an answer date outside its range, naming <paramref name="field"/>.</summary>
    public static void CheckAnswerDate(DateOnly date, DateTimeOffset now, string field)
    {
        if (date < EarliestAnswerDate(now))
            throw new DomainException(Refusals.Input.DateNotInFuture, field);
        if (date > LatestAnswerDate(now))
            throw new DomainException(Refusals.Input.DateTooFarAhead, field, ("count", AnswerDateMaxYearsAhead));
    }

    /// <summary>Refuses a date of birth before 1900 or in the future.</summary>
    public static void CheckDateOfBirth(DateOnly? date, DateTimeOffset now, string field)
    {
        if (date is { } born && (born < EarliestDateOfBirth || born > Today(now)))
            throw new DomainException(Refusals.Input.DateOfBirthOutOfRange, field, ("earliest", EarliestDateOfBirth));
    }
}
