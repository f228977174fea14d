using System.Text.RegularExpressions;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Mail;
using Imi.Tests.Support;

namespace Imi.Tests.Infrastructure.Mail;

/// <summary>Every e-mail is written from the catalogue's area Mail, in each of the 26 languages.</summary>
public class MailTextTests
{
    private static readonly MailWriter Writer = new(new Texts(TextCatalog.Shipped));

    public static TheoryData<string> Kinds() => MailSamples.Kinds();

    [Fact]
    public void EveryKindInTheCatalogue_IsAKindTheWriterSends_AndTheOtherWayRound()
    {
        var inCatalogue = TextCatalog.Shipped.TextsOf("en").Keys
            .Where(k => k.StartsWith("Mail.", StringComparison.Ordinal) && k.EndsWith(".Subject", StringComparison.Ordinal))
            .Select(k => k["Mail.".Length..^".Subject".Length]);
        Assert.Equal(MailWriter.Kinds.Order(), inCatalogue.Order());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_IsWrittenInEachOfThe26Languages_FromItsOwnTexts_WithEveryPlaceholderFilled(string kind)
    {
        var english = MailSamples.Render(Writer, kind, "en");
        foreach (var language in PortalLanguages.Codes)
        {
            var mail = MailSamples.Render(Writer, kind, language);
            Assert.DoesNotMatch(new Regex(@"\{\w+(:[^}]*)?\}"), mail.Subject + mail.TextBody);
            foreach (var key in MailSamples.KeysOf(kind))
            {
                var pattern = MailSamples.Pattern(language, key);
                Assert.True(pattern.IsMatch(key.EndsWith(".Subject") ? mail.Subject : mail.TextBody), $"{key} in {language}: not in {mail.Subject}\n{mail.TextBody}");
            }
            Assert.True(language == "en" || (mail.Subject != english.Subject && mail.TextBody != english.TextBody), $"{kind} in {language} is the English text");
            Assert.EndsWith("\n\nIMI", mail.TextBody);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Alerts_LinkToTheExchange_AndWriteTheAnswerDateInTheRecipientsFormat(string kind)
    {
        if (!MailWriter.AlertKinds.Contains(kind))
            return;
        foreach (var language in PortalLanguages.Codes)
        {
            var mail = MailSamples.Render(Writer, kind, language);
            Assert.Contains(MailSamples.Link, mail.TextBody);
            Assert.True((mail.Subject + mail.TextBody).Contains(MailSamples.Reference)
                        || !TextCatalog.Shipped.TextsOf(language)[$"Mail.{kind}.Subject"].Single!.Contains("{reference}"));
            var date = MailSamples.AnswerDate.ToString("d", PortalLanguages.CultureOf(language));
            if (TextCatalog.Shipped.TextsOf("en")[$"Mail.{kind}.Body"].Single!.Contains("{date}"))
                Assert.Contains(date, mail.TextBody);
            if (date != "2027-01-15") // Lithuanian and Swedish write dates that way; the others do not
                Assert.DoesNotContain("2027-01-15", mail.TextBody);
        }
    }

    [Fact]
    public void TheTemporaryPassword_IsTheSecretTheOutboxForgets_AndTheMailGreetsByName()
    {
        var mail = Writer.TemporaryPassword("is", "Guðrún Jónsdóttir", "Kq7m-Xp3t-Rw9z", "https://imi.test/account/sign-in");

        Assert.Equal("Kq7m-Xp3t-Rw9z", mail.Secret);
        Assert.Equal("Tímabundið lykilorð þitt í IMI", mail.Subject);
        Assert.StartsWith("Góðan dag Guðrún Jónsdóttir,\n\n", mail.TextBody);
        Assert.Contains("https://imi.test/account/sign-in", mail.TextBody);
        Assert.Null(Writer.SignInReminder("is", "Guðrún Jónsdóttir", "X", "https://imi.test").Secret);
    }

    [Fact]
    public void AnUnknownLanguage_GetsEnglish()
    {
        var mail = Writer.RequestAlert("Accepted", "xx", "IMI-000042", "Services", "Ministry", "IE", new DateOnly(2027, 1, 15), "http://imi/requests/1");

        Assert.Equal("IMI request IMI-000042 accepted", mail.Subject);
        Assert.StartsWith("Ministry (IE) has accepted your request IMI-000042. Answer date: 15/01/2027.", mail.TextBody);
    }

    [Fact]
    public void AnAlertWithoutAnAnswerDate_SaysSoWithADash()
    {
        var mail = Writer.RequestAlert("NewRequest", "de", "IMI-000042", "Dienstleistungen", "Ministry", "IE", null, "http://imi/requests/1");

        Assert.Contains(": –.", mail.TextBody);
    }
}
