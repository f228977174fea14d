using Imi.Domain.Performance;
using Imi.Domain.Requests;

namespace Imi.Infrastructure.Performance;

/// <summary>
/// One exchange's <see cref="ExchangeMeasures"/> as a row (table <c>exchange_facts</c>), with the two authorities' countries:
/// written by <see cref="Data.ImiDbContext"/> in the same transaction as every save of the exchange. A trigger adds its
/// contributions to the figures per authority and per country and month (<see cref="PerformanceByAuthority"/>,
/// <see cref="PerformanceByCountry"/>); the urgency list reads it directly.
/// </summary>
public sealed class ExchangeFact
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public RequestStatus Status { get; set; }
    public Guid RequesterId { get; set; }
    public string RequesterCountry { get; set; } = "";
    public Guid? ResponderId { get; set; }
    public string? ResponderCountry { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateOnly? AcceptBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public bool? AcceptedInTime { get; set; }
    public DateTimeOffset? FirstRepliedAt { get; set; }
    public int? AnswerDays { get; set; }
    public DateOnly? AnswerDate { get; set; }
    public bool? AnsweredOnTime { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    public bool? NegativeTimeliness { get; set; }
    public bool? NegativeEffort { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateOnly? AgreedAnswerDate { get; set; }
    public Guid? WaitingAuthorityId { get; set; }
    public DateTimeOffset? NotAcceptedFrom { get; set; }
    public DateTimeOffset? PastAnswerDateFrom { get; set; }
    public DateTimeOffset? IdleFrom { get; set; }
    /// <summary>The earliest of the three: the urgency list's order and index (null once closed).</summary>
    public DateTimeOffset? UrgentFrom { get; set; }

    /// <summary>Copies the measures of <paramref name="r"/> (its countries are set by the caller).</summary>
    public void CopyFrom(InformationRequest r, ExchangeMeasures m)
    {
        Id = r.Id;
        AreaCode = m.AreaCode;
        Status = m.Status;
        RequesterId = m.RequesterId;
        ResponderId = m.ResponderId;
        SentAt = m.SentAt;
        ReceivedAt = m.ReceivedAt;
        AcceptBy = m.ReceivedAt is { } received ? ExchangeMeasures.AcceptBy(received) : null;
        AcceptedAt = m.AcceptedAt;
        AcceptedInTime = m.AcceptedInTime;
        FirstRepliedAt = m.FirstRepliedAt;
        AnswerDays = m.AnswerDays;
        AnswerDate = m.AnswerDate;
        AnsweredOnTime = m.AnsweredOnTime;
        RatedAt = m.RatedAt;
        NegativeTimeliness = m.NegativeTimeliness;
        NegativeEffort = m.NegativeEffort;
        LastActivityAt = m.LastActivityAt;
        AgreedAnswerDate = m.AgreedAnswerDate;
        WaitingAuthorityId = m.WaitingAuthorityId;
        NotAcceptedFrom = m.NotAcceptedFrom;
        PastAnswerDateFrom = m.PastAnswerDateFrom;
        IdleFrom = m.IdleFrom;
        UrgentFrom = m.UrgentFrom;
    }

    public ExchangeMeasures ToMeasures() => new(RequesterId, ResponderId, AreaCode, Status, SentAt, ReceivedAt, AcceptedAt, AcceptedInTime,
        FirstRepliedAt, AnswerDays, AnswerDate, AnsweredOnTime, RatedAt, NegativeTimeliness, NegativeEffort, LastActivityAt, AgreedAnswerDate,
        WaitingAuthorityId, NotAcceptedFrom, PastAnswerDateFrom, IdleFrom);
}

/// <summary>The counts of one month, kept by the database's trigger on <c>exchange_facts</c> (never written by the portal).</summary>
public abstract class PerformanceMonth
{
    public DateOnly Month { get; set; }
    public string CountryCode { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public long Sent { get; set; }
    public long Received { get; set; }
    public long AcceptedInTime { get; set; }
    public long Accepted { get; set; }
    public long Answered { get; set; }
    public long AnswerDays { get; set; }
    public long AnsweredWithDate { get; set; }
    public long AnsweredOnTime { get; set; }
    public long Rated { get; set; }
    public long NegativeTimeliness { get; set; }
    public long NegativeEffort { get; set; }
}

/// <summary>One authority's counts in one area and month (table <c>performance_by_authority</c>).</summary>
public sealed class PerformanceByAuthority : PerformanceMonth
{
    public Guid AuthorityId { get; set; }
}

/// <summary>One country's counts in one area and month (table <c>performance_by_country</c>): the EEA-wide views read only these.</summary>
public sealed class PerformanceByCountry : PerformanceMonth;
