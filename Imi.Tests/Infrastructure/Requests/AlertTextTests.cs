using System.Text.RegularExpressions;
using Imi.Infrastructure.Requests;

namespace Imi.Tests.Infrastructure.Requests;

public class AlertTextTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["reference"] = "IMI-000042", ["area"] = "AREA", ["authority"] = "AUTHORITY", ["country"] = "DE", ["date"] = "2027-01-15", ["link"] = "http://imi/requests/1",
    };

    public static TheoryData<string> Kinds() =>
    [
        "NewRequest", "Allocated", "ApprovalNeeded", "ReplyApprovalNeeded", "SentBack", "ReplySentBack", "Accepted", "AnswerDateProposed",
        "ClarificationAsked", "Clarified", "ReplyReceived", "AdditionalInformationAsked", "AdditionalInformationDeclined", "ReferralOpened",
        "ReferralClosed", "ReplyAccepted", "Forwarded", "AnswerDateNear", "AnswerDatePassed",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryAlert_ExistsInThe24OfficialLanguagesAndIcelandicAndNorwegian_AndFillsEveryPlaceholder(string kind)
    {
        Assert.Equal(26, RequestAlertTexts.Languages.Count);
        var english = RequestAlertTexts.Render(kind, "en", Values);
        foreach (var language in RequestAlertTexts.Languages)
        {
            var mail = RequestAlertTexts.Render(kind, language, Values);
            Assert.DoesNotMatch(new Regex(@"\{\w+\}"), mail.Subject + mail.TextBody);
            Assert.Contains("http://imi/requests/1", mail.TextBody);
            Assert.True(language == "en" || mail.TextBody != english.TextBody, $"{kind} in {language} is the English text");
        }
    }
}
