using Imi.Domain.Requests;
using Imi.Infrastructure.Requests;

namespace Imi.Tests.Domain.Requests;

/// <summary>
/// The state machine is the only place that knows states: every state has its traits, and every set
/// of states the portal uses (visibility, action list, reminders, retention) is read from there. A new
/// state added to the enum without being placed fails here, not silently in a query.
/// </summary>
public class StateSetsTests
{
    public static TheoryData<RequestStatus> EveryState() => new(Enum.GetValues<RequestStatus>());

    [Theory]
    [MemberData(nameof(EveryState))]
    public void EveryState_HasItsTraits(RequestStatus status) =>
        Assert.True(RequestWorkflow.Traits.ContainsKey(status), $"{status} has no row in RequestWorkflow.Traits.");

    [Theory]
    [MemberData(nameof(EveryState))]
    public void EveryState_ThatWaitsForSomeone_HasAStepOut_AndShowsInAnActionList(RequestStatus status)
    {
        var traits = RequestWorkflow.TraitsOf(status);
        var steps = RequestWorkflow.Table.Where(t => t.From.Contains(status)).ToList();
        var kinds = WaitingKinds.States.Where(k => k.Value.Contains(status)).Select(k => k.Key).ToList();
        if (traits.WaitsFor == WaitingSide.Nobody)
        {
            Assert.DoesNotContain(status, RequestWorkflow.OpenStates);
            Assert.Empty(kinds);
        }
        else
        {
            Assert.NotEmpty(steps);
            Assert.Contains(status, RequestWorkflow.OpenStates);
            Assert.NotEmpty(kinds);
        }
        Assert.Equal(traits.WaitsFor == WaitingSide.Responder, RequestWorkflow.AwaitingResponder.Contains(status));
        Assert.Equal(traits.WaitsFor == WaitingSide.Requester, RequestWorkflow.AwaitingRequester.Contains(status));
        Assert.Equal(traits.ReachedResponder, RequestWorkflow.VisibleToResponder.Contains(status));
    }

    [Fact]
    public void TheSets_AreTheOnesTheGuideDescribes()
    {
        Assert.Equal([RequestStatus.Sent, RequestStatus.Accepted, RequestStatus.AdditionalInformationRequested], RequestWorkflow.AwaitingResponder);
        Assert.Equal([RequestStatus.Draft, RequestStatus.AwaitingClarification, RequestStatus.Replied], RequestWorkflow.AwaitingRequester);
        Assert.DoesNotContain(RequestStatus.Draft, RequestWorkflow.Shared);
        Assert.DoesNotContain(RequestStatus.AwaitingApproval, RequestWorkflow.VisibleToResponder);
        Assert.Contains(RequestStatus.AwaitingApproval, RequestWorkflow.Shared);
        Assert.Equal([RequestStatus.Closed], RequestWorkflow.Ended);
        Assert.Equal([RequestStatus.Sent], WaitingKinds.States[WaitingKind.ToAccept]);
        Assert.Equal([RequestStatus.Accepted, RequestStatus.AdditionalInformationRequested], WaitingKinds.States[WaitingKind.ToAnswer]);
        Assert.True(WaitingKinds.IsWithResponder(WaitingKind.ToAnswer));
        Assert.False(WaitingKinds.IsWithResponder(WaitingKind.ReplyToReview));
    }

    [Fact]
    public void EveryWaitingKind_HasItsStates() =>
        Assert.All(Enum.GetValues<WaitingKind>(), kind => Assert.NotEmpty(WaitingKinds.States[kind]));
}
