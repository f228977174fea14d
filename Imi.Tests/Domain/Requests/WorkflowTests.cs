using Imi.Tests.Support;
using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.ReferenceData;
using Imi.Domain.Requests;
using static Imi.Tests.Domain.Requests.ExchangeCast;

namespace Imi.Tests.Domain.Requests;

/// <summary>Every command in every state, by the right role and by everyone else.</summary>
public class WorkflowTests
{
    private static readonly ExchangeCast Cast = new();

    private static void Run(RequestAction action, InformationRequest r, Actor actor)
    {
        switch (action)
        {
            case RequestAction.EditDraft: r.UpdateDraft(actor, Questions, new DraftContent(ResponderAuthority, ["PQ.SANCTIONS"], [], null, null, new DateOnly(2027, 1, 10)), Now); break;
            case RequestAction.Send: r.Send(actor, Cast.Oversight(false), Cast.Settings(), Now); break;
            case RequestAction.ApproveRequest: r.ApproveRequest(actor, Now); break;
            case RequestAction.SendBackRequest: r.SendBackRequest(actor, "Bitte präzisieren.", Now); break;
            case RequestAction.Allocate: r.Allocate(actor, [Cast.ResponderColleague.UserId], Cast.Pool, Now); break;
            case RequestAction.Unallocate: r.Unallocate(actor, Now); break;
            case RequestAction.Forward: r.Forward(actor, OtherAuthority, ResponderSettings.None, "Zuständig ist die Kammer.", Now); break;
            case RequestAction.Accept: r.Accept(actor, null, null, Now); break;
            case RequestAction.ProposeAnswerDate: r.ProposeAnswerDate(actor, new DateOnly(2027, 2, 1), "Archiv", Now); break;
            case RequestAction.AskForClarification: r.AskForClarification(actor, "Welches Diplom?", Now); break;
            case RequestAction.Clarify: r.Clarify(actor, "Le diplôme d'infirmier.", Now); break;
            case RequestAction.Answer: r.AnswerQuestion(actor, Questions, 0, "NO", null, Now); break;
            case RequestAction.SendReply:
                r.AnswerQuestion(actor, Questions, 0, "YES", null, Now);
                r.SendReply(actor, inPart: true, Now);
                break;
            case RequestAction.ApproveReply: r.ApproveReply(actor, Now); break;
            case RequestAction.SendBackReply: r.SendBackReply(actor, "Bitte ergänzen.", Now); break;
            case RequestAction.AcceptReply: r.AcceptReply(actor, Now); break;
            case RequestAction.AskForAdditionalInformation: r.AskForAdditionalInformation(actor, "Plus de détails.", Now); break;
            case RequestAction.DeclineAdditionalInformation: r.DeclineAdditionalInformation(actor, "Nicht möglich.", Now); break;
            case RequestAction.OpenReferral: r.OpenReferral(actor, "Réponse incomplète.", Now); break;
            case RequestAction.CommentOnReferral: r.CommentOnReferral(actor, "Kommentar.", Now); break;
            case RequestAction.CloseReferral: r.CloseReferral(actor, "Befund.", Now); break;
            case RequestAction.Rate: r.Rate(actor, 5, 4, null, Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static Actor Playing(ExchangeRole role) => role switch
    {
        ExchangeRole.RequesterHandler => Cast.Requester,
        ExchangeRole.ResponderHandler => Cast.Responder,
        ExchangeRole.ResponderAllocator => Cast.ResponderAllocator,
        ExchangeRole.RequestApprover => Cast.RequestApprover,
        ExchangeRole.ReplyApprover => Cast.ReplyApprover,
        ExchangeRole.Referee => Cast.ResponderReferee,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static TheoryData<RequestAction, RequestStatus> EveryActionInEveryState()
    {
        var data = new TheoryData<RequestAction, RequestStatus>();
        foreach (var action in Enum.GetValues<RequestAction>().Except(RequestWorkflow.NotSteps))
            foreach (var status in Enum.GetValues<RequestStatus>())
                data.Add(action, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionInEveryState))]
    public void EachCommand_WorksOnlyInTheStatesOfTheTable_AndOnlyForItsRoles(RequestAction action, RequestStatus status)
    {
        var rows = RequestWorkflow.Table.Where(t => t.Action == action).ToList();
        Assert.NotEmpty(rows);
        var allocation = action is RequestAction.Allocate or RequestAction.Unallocate;
        var allowedHere = rows.Where(t => t.From.Contains(status)).ToList();

        if (allowedHere.Count == 0)
        {
            // Wrong state: refused for the role that could do it elsewhere, with a code and the state.
            var r = Cast.In(status, allocation);
            var before = r.Status;
            var e = Assert.ThrowsAny<DomainException>(() => Run(action, r, Playing(rows[0].Role)));
            Assert.IsNotType<NotPermittedException>(e);
            Assert.Equal(Refusals.Request.NotInState, e.Code);
            Assert.Equal(status, e.Arg("status"));
            Assert.Equal(before, r.Status);
            return;
        }

        foreach (var row in allowedHere)
        {
            var r = Cast.In(status, allocation);
            var conditionRefusal = row.Condition?.Invoke(r);
            var timeline = r.Timeline.Count;
            if (conditionRefusal is null)
            {
                Run(action, r, Playing(row.Role));
                Assert.True(r.Timeline.Count >= timeline, "The timeline never loses steps.");
            }
            else
            {
                var e = Assert.ThrowsAny<DomainException>(() => Run(action, r, Playing(row.Role)));
                Assert.Equal(conditionRefusal, e.Code);
            }
        }

        // Everyone who plays none of the allowed roles is refused as not permitted, and nothing changes.
        var roles = allowedHere.Select(t => t.Role).ToHashSet();
        foreach (var (name, actor) in Cast.Everyone())
        {
            var r = Cast.In(status, allocation);
            if (r.RolesOf(actor).Overlaps(roles))
                continue;
            var revision = r.Revision;
            var e = Record.Exception(() => Run(action, r, actor));
            Assert.True(e is NotPermittedException, $"{name} should not be permitted to {action} when {status}; got {e?.GetType().Name ?? "success"}");
            Assert.Equal(revision, r.Revision);
        }
    }

    [Fact]
    public void TheFullJourney_IsRecordedStepByStep()
    {
        var r = Cast.In(RequestStatus.Closed);
        r.Rate(Cast.Requester, 4, 5, "Très utile", Now);

        Assert.Equal(RequestStatus.Closed, r.Status);
        Assert.Equal(
            [RequestAction.Send, RequestAction.ApproveRequest, RequestAction.Accept, RequestAction.SendReply, RequestAction.ApproveReply,
             RequestAction.AskForAdditionalInformation, RequestAction.DeclineAdditionalInformation, RequestAction.OpenReferral,
             RequestAction.CloseReferral, RequestAction.AcceptReply, RequestAction.Rate],
            r.Timeline.Select(t => t.Action));
        Assert.Equal(Cast.RequestApprover.UserId, r.Timeline[1].UserId);
        Assert.Equal(RequesterCoordinator, r.Timeline[1].AuthorityId);
        Assert.Equal(new FreeText("Nicht verfügbar.", "de"), r.Timeline[6].Note);
        Assert.Equal(new RequestRating(4, 5, new FreeText("Très utile", "fr")), r.Rating);
        Assert.Equal(Now, r.ClosedAt);
        var e = Assert.Throws<DomainException>(() => r.Rate(Cast.Requester, 1, 1, null, Now));
        Assert.Equal(Refusals.Request.AlreadyRated, e.Code);
    }

    [Fact]
    public void WithoutOversight_TheRequestGoesStraightToTheResponder_AndTheReplyStraightBack()
    {
        var r = Cast.Draft();
        r.Send(Cast.Requester, RequesterOversight.None, ResponderSettings.None, Now);
        Assert.Equal(RequestStatus.Sent, r.Status);
        Assert.Equal(Now, r.SentAt);
        r.Accept(Cast.Responder, new DateOnly(2027, 1, 15), "Archivsuche", Now);
        Assert.Equal(new DateOnly(2027, 1, 15), r.AgreedAnswerDate);
        Assert.Equal(new DateOnly(2026, 12, 20), r.RequestedAnswerDate);
        Assert.Equal([RequestAction.Send, RequestAction.Accept, RequestAction.ProposeAnswerDate], r.Timeline.Select(t => t.Action));
        r.AnswerQuestion(Cast.Responder, Questions, 0, "YES", "Geprüft beim Ministerium.", Now);
        r.SendReply(Cast.Responder, inPart: true, Now);
        Assert.Equal(RequestStatus.Replied, r.Status);
        Assert.True(r.AnsweredInPart);
        Assert.Equal(new FreeText("Geprüft beim Ministerium.", "de"), r.Questions[0].Answer!.Text);
    }

    [Fact]
    public void ApprovalRounds_SendBackWithAComment_ThenApprove()
    {
        var r = Cast.Draft();
        r.Send(Cast.Requester, Cast.Oversight(approval: true), Cast.Settings(replyApproval: true), Now);
        Assert.Equal(RequestStatus.AwaitingApproval, r.Status);
        Assert.Null(r.SentAt);
        Assert.Empty(r.RolesOf(Cast.Responder));
        var e = Assert.Throws<DomainException>(() => r.SendBackRequest(Cast.RequestApprover, " ", Now));
        Assert.Equal("comment", e.Field);
        r.SendBackRequest(Cast.RequestApprover, "Précisez le diplôme.", Now);
        Assert.Equal(RequestStatus.Draft, r.Status);
        r.Send(Cast.Requester, Cast.Oversight(approval: true), Cast.Settings(replyApproval: true), Now);
        r.ApproveRequest(Cast.RequestApprover, Now);
        Assert.Equal(RequestStatus.Sent, r.Status);

        r.Accept(Cast.Responder, null, null, Now);
        r.AnswerQuestion(Cast.Responder, Questions, 0, "YES", null, Now);
        r.SendReply(Cast.Responder, inPart: true, Now);
        Assert.Equal(RequestStatus.ReplyAwaitingApproval, r.Status);
        Assert.Empty(RequestWorkflow.AllowedActions(r, Cast.Requester));
        r.SendBackReply(Cast.ReplyApprover, "Bitte alle Fragen beantworten.", Now);
        Assert.Equal(RequestStatus.Accepted, r.Status);
        r.AnswerQuestion(Cast.Responder, Questions, 1, "NONE", null, Now);
        r.AnswerQuestion(Cast.Responder, Questions, 2, null, "Drei Jahre.", Now);
        r.SendReply(Cast.Responder, inPart: false, Now);
        r.ApproveReply(Cast.ReplyApprover, Now);
        Assert.Equal(RequestStatus.Replied, r.Status);
        Assert.False(r.AnsweredInPart);
    }

    [Fact]
    public void Clarification_ReturnsToTheStateItInterrupted()
    {
        var r = Cast.In(RequestStatus.Accepted);
        r.AskForClarification(Cast.Responder, "Welches Jahr?", Now);
        Assert.Equal(RequestStatus.AwaitingClarification, r.Status);
        Assert.Throws<NotPermittedException>(() => r.Clarify(Cast.Responder, "x", Now));
        r.Clarify(Cast.Requester, "2004.", Now);
        Assert.Equal(RequestStatus.Accepted, r.Status);
    }

    [Fact]
    public void SendingAReply_NeedsEveryAnswer_UnlessInPart()
    {
        var r = Cast.In(RequestStatus.Accepted);
        var e = Assert.Throws<DomainException>(() => r.SendReply(Cast.Responder, inPart: false, Now));
        Assert.Equal("answers", e.Field);
        r.AnswerQuestion(Cast.Responder, Questions, 0, "YES", null, Now);
        e = Assert.Throws<DomainException>(() => r.SendReply(Cast.Responder, inPart: false, Now));
        Assert.Equal(Refusals.Request.Unanswered, e.Code);
        Assert.Equal(2, e.Arg("count"));
        e = Assert.Throws<DomainException>(() => r.AnswerQuestion(Cast.Responder, Questions, 1, "MAYBE", null, Now));
        Assert.Equal("answer1", e.Field);
    }

    [Fact]
    public void WithAllocationOn_OnlyAllocatedHandlersAct_AndForwardingStartsOver()
    {
        var r = Cast.Draft();
        r.Send(Cast.Requester, RequesterOversight.None, Cast.Settings(allocation: true), Now);
        Assert.Throws<NotPermittedException>(() => r.Accept(Cast.Responder, null, null, Now));
        r.Allocate(Cast.ResponderAllocator, [Cast.Responder.UserId], Cast.Pool, Now);
        Assert.Throws<NotPermittedException>(() => r.Accept(Cast.ResponderColleague, null, null, Now));
        Assert.Contains(RequestAction.Accept, RequestWorkflow.AllowedActions(r, Cast.Responder));

        r.Forward(Cast.Responder, OtherAuthority, ResponderSettings.None, "Zuständig ist die Kammer in Lyon.", Now);
        Assert.Equal(OtherAuthority, r.RespondingAuthorityId);
        Assert.Empty(r.AllocatedHandlerIds);
        Assert.Empty(r.RolesOf(Cast.Responder));
        Assert.Contains(RequestAction.Accept, RequestWorkflow.AllowedActions(r, Cast.Outsider));
        Assert.Equal(OtherAuthority, r.Timeline[^1].OtherAuthorityId);
    }

    [Fact]
    public void Drafts_AreChecked()
    {
        var r = Cast.Draft();
        var e = Assert.Throws<DomainException>(() => r.UpdateDraft(Cast.Requester, Questions,
            new DraftContent(RequesterAuthority, [], [], null, null, null), Now));
        Assert.Equal("responder", e.Field);
        e = Assert.Throws<DomainException>(() => r.UpdateDraft(Cast.Requester, Questions,
            new DraftContent(ResponderAuthority, ["PQ.UNKNOWN"], [], null, null, null), Now));
        Assert.Equal("questions", e.Field);
        e = Assert.Throws<DomainException>(() => r.UpdateDraft(Cast.Requester, Questions,
            new DraftContent(ResponderAuthority, [], [], new SubjectData("", new DateOnly(1980, 1, 1), null, null, null, null), null, null), Now));
        Assert.Equal("subjectName", e.Field);
        e = Assert.Throws<DomainException>(() => r.UpdateDraft(Cast.Requester, Questions,
            new DraftContent(ResponderAuthority, [], [], null, null, DateOnly.FromDateTime(Now.UtcDateTime)), Now));
        Assert.Equal("requestedAnswerDate", e.Field);

        r.UpdateDraft(Cast.Requester, Questions, new DraftContent(null, [], [" "], null, null, null), Now);
        e = Assert.Throws<DomainException>(() => r.Send(Cast.Requester, RequesterOversight.None, ResponderSettings.None, Now));
        Assert.Equal("responder", e.Field);
        r.UpdateDraft(Cast.Requester, Questions, new DraftContent(ResponderAuthority, [], [], null, null, null), Now);
        e = Assert.Throws<DomainException>(() => r.Send(Cast.Requester, RequesterOversight.None, ResponderSettings.None, Now));
        Assert.Equal("questions", e.Field);
        Assert.Equal(RequestStatus.Draft, r.Status);

        Assert.Throws<NotPermittedException>(() => InformationRequest.CreateDraft(Cast.RequesterInServicesOnly, Questions,
            new DraftContent(null, [], [], null, null, null), Now));
    }

    [Fact]
    public void Attachments_AreLimitedInTypeAndSize()
    {
        var r = Cast.Draft();
        var a = r.AddAttachment(Cast.Requester, AttachmentSide.Request, "diplome.pdf", 120_000, Now);
        Assert.Equal("application/pdf", a.ContentType);
        var e = Assert.Throws<DomainException>(() => r.AddAttachment(Cast.Requester, AttachmentSide.Request, "virus.exe", 100, Now));
        Assert.Equal(Refusals.Attachments.TypeNotAccepted, e.Code);
        Assert.Equal("PDF, JPG, JPEG, PNG, TXT, ODT, DOCX", e.Arg("types"));
        e = Assert.Throws<DomainException>(() => r.AddAttachment(Cast.Requester, AttachmentSide.Request, "scan.png", 11 * 1024 * 1024, Now));
        Assert.Equal(Refusals.Attachments.TooLarge, e.Code);
        Assert.Equal(("scan.png", 11.0, 10L), (e.Arg("fileName"), e.Arg("size"), e.Arg("max")));
        Assert.Throws<DomainException>(() => r.AddAttachment(Cast.Responder, AttachmentSide.Reply, "antwort.pdf", 100, Now));
        var accepted = Cast.In(RequestStatus.Accepted);
        accepted.AddAttachment(Cast.Responder, AttachmentSide.Reply, "antwort.pdf", 100, Now);
        Assert.Throws<NotPermittedException>(() => accepted.AddAttachment(Cast.Requester, AttachmentSide.Reply, "x.pdf", 100, Now));
        Assert.Throws<NotPermittedException>(() => accepted.AddAttachment(Cast.Outsider, AttachmentSide.Reply, "x.pdf", 100, Now));
    }

    [Fact]
    public void UnderTheBlockThenDeleteRule_DataIsBlockedAfterSixMonths_AndErasedAfterThreeYears()
    {
        var r = Cast.In(RequestStatus.Closed);
        var rule = PersonalDataRule.BlockThenDelete;
        Assert.Equal(PersonalDataStep.None, r.PersonalDataDue(Now + TimeSpan.FromDays(182), rule));
        Assert.Equal(PersonalDataStep.Block, r.PersonalDataDue(Now + TimeSpan.FromDays(183), rule));
        r.BlockPersonalData(Now + TimeSpan.FromDays(183));
        Assert.NotNull(r.Subject);
        Assert.Equal(PersonalDataStep.None, r.PersonalDataDue(Now + TimeSpan.FromDays(1000), rule));
        Assert.Equal(PersonalDataStep.Erase, r.PersonalDataDue(Now + TimeSpan.FromDays(3 * 365 + 1), rule));
        Assert.Throws<DomainException>(() => Cast.In(RequestStatus.Accepted).BlockPersonalData(Now));
        Assert.Equal(PersonalDataStep.None, Cast.In(RequestStatus.Replied).PersonalDataDue(Now + TimeSpan.FromDays(5000), rule));
    }

    [Fact]
    public void ErasingPersonalData_LeavesTheAnonymousRecord()
    {
        var r = Cast.In(RequestStatus.Closed);
        Assert.Equal(PersonalDataStep.None, r.PersonalDataDue(Now + TimeSpan.FromDays(182), PersonalDataRule.DeleteAfterSixMonths));
        Assert.Equal(PersonalDataStep.Erase, r.PersonalDataDue(Now + TimeSpan.FromDays(183), PersonalDataRule.DeleteAfterSixMonths));
        var steps = r.Timeline.Count;

        r.ErasePersonalData(Now + TimeSpan.FromDays(183));

        Assert.Null(r.Subject);
        Assert.Null(r.Comment);
        Assert.All(r.Timeline, t => Assert.Null(t.Note));
        Assert.Equal(steps, r.Timeline.Count);
        Assert.Equal("", r.Questions[2].Text!.Text);
        Assert.Equal("YES", r.Questions[0].Answer!.OptionCode);
        Assert.Null(r.Questions[2].Answer!.Text);
        Assert.Empty(r.Referral!.Comments);
        Assert.Equal(PersonalDataStep.None, r.PersonalDataDue(Now + TimeSpan.FromDays(400), PersonalDataRule.DeleteAfterSixMonths));
        Assert.Throws<DomainException>(() => Cast.In(RequestStatus.Replied).ErasePersonalData(Now));
    }
}
