using Imi.Domain.Access;
using Imi.Domain.Allocation;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;

namespace Imi.Domain.Requests;

// Responding: the responder allocates, forwards, accepts, agrees the date, asks for clarification and answers.
public sealed partial class InformationRequest
{
    // ----- the responding side ----------------------------------------------------------------

    /// <summary>
    /// Allocates the request to one or several handlers of the responding authority (replacing the
    /// earlier allocation): each must be in <paramref name="pool"/>, the request handlers of the area.
    /// An absent handler may be chosen (their deputy covers); suggestions skip them.
    /// </summary>
    public void Allocate(Actor actor, IReadOnlyCollection<Guid> handlerIds, IReadOnlyList<HandlerOnDuty> pool, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Allocate);
        if (handlerIds.Count == 0)
            throw new DomainException(Refusals.Request.HandlersRequired, "handlers");
        if (handlerIds.Any(id => pool.All(h => h.UserId != id)))
            throw new DomainException(Refusals.Allocation.NotAHandler, "handlers");
        _allocatedHandlerIds = handlerIds.Distinct().ToList();
        Record(actor, RequestAction.Allocate, now);
    }

    /// <summary>Takes every handler off the request: it is back among the requests not allocated.</summary>
    public void Unallocate(Actor actor, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Unallocate);
        _allocatedHandlerIds.Clear();
        Record(actor, RequestAction.Unallocate, now);
    }

    /// <summary>
    /// Automatic allocation when the request reaches a responder whose area has it on: the handler
    /// <see cref="AllocationRules.Automatic"/> picks, recorded as done by the responding authority (no
    /// user). Nothing happens when the request already has handlers or nobody is present under capacity.
    /// </summary>
    public Guid? AllocateAutomatically(AllocationMode mode, IReadOnlyList<HandlerOnDuty> pool, DateTimeOffset now)
    {
        if (mode == AllocationMode.Manual || !ResponderSettings.AllocationEnabled || RespondingAuthorityId is not { } responder
            || _allocatedHandlerIds.Count > 0 || !RequestWorkflow.StatesAllowing(RequestAction.Allocate).Contains(Status))
            return null;
        if (AllocationRules.Automatic(mode, pool, DateOnly.FromDateTime(now.UtcDateTime)) is not { } handler)
            return null;
        _allocatedHandlerIds.Add(handler);
        _timeline.Add(new TimelineEntry(now, RequestAction.AllocateAutomatically, Guid.Empty, responder, null, null, null));
        Touch();
        return handler;
    }

    /// <summary>Passes the request, before accepting it, to an authority better placed to answer.</summary>
    public void Forward(Actor actor, Guid newRespondingAuthorityId, ResponderSettings newResponder, string reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Forward);
        if (newRespondingAuthorityId == RespondingAuthorityId || newRespondingAuthorityId == RequestingAuthorityId)
            throw new DomainException(Refusals.Request.ForwardToThirdAuthority, "forwardTo");
        var note = Required(reason, actor, "forwardReason", Refusals.Request.SayWhyForward);
        RespondingAuthorityId = newRespondingAuthorityId;
        ResponderSettings = newResponder;
        _allocatedHandlerIds.Clear();
        Record(actor, RequestAction.Forward, now, note, otherAuthorityId: newRespondingAuthorityId);
    }

    /// <summary>Accepts the request, keeping the requested answer date or proposing another.</summary>
    public void Accept(Actor actor, DateOnly? proposedAnswerDate, string? reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Accept);
        Status = RequestStatus.Accepted;
        AcceptedAt = now;
        if (ResponderSettings.AllocationEnabled && _allocatedHandlerIds.Count == 0)
            _allocatedHandlerIds.Add(actor.UserId);
        Record(actor, RequestAction.Accept, now);
        if (proposedAnswerDate is { } date && date != AgreedAnswerDate)
            SetAnswerDate(actor, date, reason, now);
    }

    public void ProposeAnswerDate(Actor actor, DateOnly date, string? reason, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.ProposeAnswerDate);
        SetAnswerDate(actor, date, reason, now);
    }

    private void SetAnswerDate(Actor actor, DateOnly date, string? reason, DateTimeOffset now)
    {
        RequestDates.CheckAnswerDate(date, now, "answerDate");
        AgreedAnswerDate = date;
        Record(actor, RequestAction.ProposeAnswerDate, now, Optional(reason, actor, "answerDateReason"), date: date);
    }

    public void AskForClarification(Actor actor, string question, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.AskForClarification);
        var note = Required(question, actor, "clarification", Refusals.Request.SayWhatNeedsClarifying);
        ResumeStatus = Status;
        Status = RequestStatus.AwaitingClarification;
        Record(actor, RequestAction.AskForClarification, now, note);
    }

    public void Clarify(Actor actor, string clarification, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Clarify);
        var note = Required(clarification, actor, "clarification", Refusals.Input.Required);
        Status = ResumeStatus ?? RequestStatus.Sent;
        ResumeStatus = null;
        Record(actor, RequestAction.Clarify, now, note);
    }

    /// <summary>Saves the answer to one question (not yet sent): an option of the question set, free text, or both.</summary>
    public void AnswerQuestion(Actor actor, QuestionSet questionSet, int questionIndex, string? optionCode, string? text, DateTimeOffset now)
    {
        RequestWorkflow.Require(this, actor, RequestAction.Answer);
        if (questionIndex < 0 || questionIndex >= _questions.Count)
            throw new DomainException(Refusals.Request.NoSuchQuestion);
        var question = _questions[questionIndex];
        if (optionCode is not null)
        {
            var options = questionSet.Questions.FirstOrDefault(q => q.Code == question.Code)?.AnswerOptions ?? [];
            if (options.All(o => o.Code != optionCode))
                throw new DomainException(Refusals.Request.AnswerNotOffered, $"answer{questionIndex}");
        }
        var freeText = Optional(text, actor, $"answer{questionIndex}");
        question.Answered(optionCode is null && freeText is null ? null : new RequestAnswer(optionCode, freeText, actor.UserId, now));
        LastActivityAt = now;
        Touch();
    }

    /// <summary>
    /// Sends the reply. Every question needs an answer unless the responder says it answers in part;
    /// with reply approval set by its coordinator, the reply goes there first.
    /// </summary>
}
