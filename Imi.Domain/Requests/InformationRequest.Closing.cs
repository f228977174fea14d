using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;

namespace Imi.Domain.Requests;

// Closing and retention: the rating of the reply, then the blocking and deletion of personal data.
public sealed partial class InformationRequest
{
    public void Rate(Actor actor, int timeliness, int effort, string? comment, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Rate);
        if (timeliness is < RequestRating.MinScore or > RequestRating.MaxScore)
            throw new DomainException(Refusals.Request.TimelinessRating, "timeliness", ("min", RequestRating.MinScore), ("max", RequestRating.MaxScore));
        if (effort is < RequestRating.MinScore or > RequestRating.MaxScore)
            throw new DomainException(Refusals.Request.EffortRating, "effort", ("min", RequestRating.MinScore), ("max", RequestRating.MaxScore));
        Rating = new RequestRating(timeliness, effort, Optional(comment, actor, "ratingComment"));
        Record(actor, RequestAction.Rate, now);
    }

    // ----- data protection --------------------------------------------------------------------

    /// <summary>The rule of the guide: personal data is deleted at the latest six months after closure.</summary>
    public static readonly TimeSpan PersonalDataRetention = TimeSpan.FromDays(183);

    /// <summary>The later rule (Regulation 1024/2012, art. 14): blocked data is deleted three years after closure.</summary>
    public static readonly TimeSpan BlockedDataRetention = TimeSpan.FromDays(3 * 365 + 1);

    /// <summary>What retention has to do to this exchange now, under the area's rule.</summary>
    public PersonalDataStep PersonalDataDue(DateTimeOffset now, PersonalDataRule rule)
    {
        if (!RequestWorkflow.Ended.Contains(Status) || PersonalDataErasedAt is not null || ClosedAt is not { } closed)
            return PersonalDataStep.None;
        if (rule == PersonalDataRule.DeleteAfterSixMonths)
            return closed + PersonalDataRetention <= now ? PersonalDataStep.Erase : PersonalDataStep.None;
        if (closed + BlockedDataRetention <= now)
            return PersonalDataStep.Erase;
        return closed + PersonalDataRetention <= now && PersonalDataBlockedAt is null ? PersonalDataStep.Block : PersonalDataStep.None;
    }

    /// <summary>Hides the personal data: from now on it is shown only to a party's handler who gives a justification.</summary>
    public void BlockPersonalData(DateTimeOffset now)
    {
        if (!RequestWorkflow.Ended.Contains(Status))
            throw new DomainException(Refusals.Request.BlockOnlyWhenClosed);
        PersonalDataBlockedAt ??= now;
        Touch();
    }

    /// <summary>
    /// Deletes the subject's data, every free text (which may name the subject) and the attachments,
    /// leaving the anonymous record: area, authorities, questions asked, options answered, dates, timeline.
    /// Returns what was deleted, for the audit entry.
    /// </summary>
    public string ErasePersonalData(DateTimeOffset now)
    {
        if (!RequestWorkflow.Ended.Contains(Status))
            throw new DomainException(Refusals.Request.DeleteOnlyWhenClosed);
        var deleted = $"subject: {(Subject is null ? "none" : "deleted")}, attachments: {_attachments.Count}, " +
                      $"free texts: {_questions.Count(q => q.Text is not null || q.Answer?.Text is not null) + _timeline.Count(t => t.Note is not null) + (Comment is null ? 0 : 1)}";
        Subject = null;
        Comment = null;
        _attachments.Clear();
        foreach (var question in _questions)
            question.ErasePersonalData();
        _timeline = _timeline.Select(t => t.Note is null ? t : t with { Note = null }).ToList();
        Referral?.ErasePersonalData();
        if (Rating is not null)
            Rating = Rating with { Comment = null };
        PersonalDataErasedAt = now;
        Touch();
        return deleted;
    }
}
