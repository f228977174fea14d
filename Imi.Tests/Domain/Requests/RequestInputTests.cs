using Imi.Tests.Support;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using static Imi.Tests.Domain.Requests.ExchangeCast;

namespace Imi.Tests.Domain.Requests;

/// <summary>What a user types into a request: dates within their range, texts without hidden characters.</summary>
public class RequestInputTests
{
    private static readonly ExchangeCast Cast = new();
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static DraftContent Content(DateOnly? answerDate = null, SubjectData? subject = null, string? comment = null, string[]? free = null) =>
        new(ResponderAuthority, ["PQ.SANCTIONS"], free ?? [], subject, comment, answerDate ?? Today.AddDays(20));

    [Fact]
    public void AnAnswerDateFarAhead_IsRefusedNextToTheField()
    {
        var r = Cast.Draft();
        var e = Assert.Throws<DomainException>(() => r.UpdateDraft(Cast.Requester, Questions, Content(answerDate: new DateOnly(9999, 12, 31)), Now));
        Assert.Equal("requestedAnswerDate", e.Field);
        Assert.Equal(Refusals.Input.DateTooFarAhead, e.Code);
        Assert.Equal(RequestDates.AnswerDateMaxYearsAhead, e.Arg("count"));
        r.UpdateDraft(Cast.Requester, Questions, Content(answerDate: Today.AddYears(RequestDates.AnswerDateMaxYearsAhead)), Now);
    }

    [Fact]
    public void AProposedAnswerDateFarAhead_IsRefusedNextToTheField()
    {
        var r = Cast.In(RequestStatus.Sent);
        var e = Assert.Throws<DomainException>(() => r.Accept(Cast.Responder, new DateOnly(9999, 12, 31), "Archiv", Now));
        Assert.Equal("answerDate", e.Field);
        r = Cast.In(RequestStatus.Accepted);
        e = Assert.Throws<DomainException>(() => r.ProposeAnswerDate(Cast.Responder, Today.AddYears(3), "Archiv", Now));
        Assert.Equal("answerDate", e.Field);
        Assert.Throws<DomainException>(() => r.ProposeAnswerDate(Cast.Responder, Today, null, Now)); // not in the future
    }

    [Theory]
    [InlineData(1899, 12, 31)]
    [InlineData(2026, 11, 28)] // tomorrow
    public void ADateOfBirthOutOfRange_IsRefusedNextToTheField(int year, int month, int day)
    {
        var r = Cast.Draft();
        var e = Assert.Throws<DomainException>(() => r.UpdateDraft(Cast.Requester, Questions,
            Content(subject: new SubjectData("Jeanne Martin", new DateOnly(year, month, day), null, null, null, null)), Now));
        Assert.Equal(SubjectData.DateOfBirthField, e.Field);
    }

    [Fact]
    public void ADateOfBirthToday_OrIn1900_IsTaken()
    {
        var r = Cast.Draft();
        r.UpdateDraft(Cast.Requester, Questions, Content(subject: new SubjectData("Jeanne Martin", Today, null, null, null, null)), Now);
        r.UpdateDraft(Cast.Requester, Questions, Content(subject: new SubjectData("Jeanne Martin", RequestDates.EarliestDateOfBirth, null, null, null, null)), Now);
        Assert.Equal(RequestDates.EarliestDateOfBirth, r.Subject!.DateOfBirth);
    }

    [Fact]
    public void FreeTexts_LoseControlBidiAndZeroWidthCharacters()
    {
        var r = Cast.Draft();
        r.UpdateDraft(Cast.Requester, Questions, Content(
            subject: new SubjectData("Jeanne\u202E Martin\u0007", null, "FR\u200B", null, null, null),
            comment: "Dossier\0 4711\u001B[31m", free: ["Combien\u2066 d'heures ?"]), Now);
        Assert.Equal("Jeanne Martin", r.Subject!.FullName);
        Assert.Equal("FR", r.Subject.Nationality);
        Assert.Equal("Dossier 4711[31m", r.Comment!.Text);
        Assert.Equal("Combien d'heures ?", r.Questions.Single(q => q.Code is null).Text!.Text);

        r = Cast.In(RequestStatus.Accepted);
        r.AskForClarification(Cast.Responder, "Welches\u200F Diplom?", Now);
        Assert.Equal("Welches Diplom?", r.Timeline[^1].Note!.Text);
    }

    [Fact]
    public void AnAnswer_IsCleanedToo()
    {
        var r = Cast.In(RequestStatus.Accepted);
        r.AnswerQuestion(Cast.Responder, Questions, 2, null, "Drei\u0000 Jahre\u200D.", Now);
        Assert.Equal("Drei Jahre.", r.Questions[2].Answer!.Text!.Text);
    }
}
