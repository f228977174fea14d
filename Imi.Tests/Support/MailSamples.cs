using System.Text.RegularExpressions;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Mail;

namespace Imi.Tests.Support;

/// <summary>One e-mail of each kind, with made-up values, and the catalogue's texts as patterns to find in it.</summary>
public static partial class MailSamples
{
    public static readonly DateOnly AnswerDate = new(2027, 1, 15);
    public const string Reference = "IMI-000042";
    public const string Link = "http://127.0.0.1:5080/requests/5c1f0a52-7d1e-4f37-9d0e-8a1b2c3d4e5f";
    public const string SignInLink = "http://127.0.0.1:5080/account/sign-in";
    public const string Password = "Kq7m-Xp3t-Rw9z";
    public const string Proposal = "Jólamarkaðir";

    /// <summary>Every kind: the account and set-up e-mails, then the request alerts.</summary>
    public static TheoryData<string> Kinds() => [.. MailWriter.Kinds];

    public static MailMessageContent Render(MailWriter writer, string kind, string language) => kind switch
    {
        "TemporaryPassword" => writer.TemporaryPassword(language, "Guðrún Jónsdóttir", Password, SignInLink),
        "SignInReminder" => writer.SignInReminder(language, "Guðrún Jónsdóttir", "Arkitektafélag Íslands", SignInLink),
        "KeywordRequest" => writer.KeywordRequest(language, "Guðrún Jónsdóttir", "Arkitektafélag Íslands", "Ísland", "Þjónustustarfsemi", Proposal),
        "ApplicationReceived" => writer.ApplicationReceived(language, "Guðrún Jónsdóttir", "Arkitektafélag Íslands", "Ísland", SignInLink),
        "ApplicationRejected" => writer.ApplicationRejected(language, "Guðrún Jónsdóttir", "Arkitektafélag Íslands", Proposal),
        "KeywordRequestForwarded" => writer.KeywordRequestForwarded(language, "Guðrún Jónsdóttir", "Arkitektafélag Íslands", "Þjónustustarfsemi", Proposal, SignInLink),
        "KeywordRequestDeclined" => writer.KeywordRequestDeclined(language, "Guðrún Jónsdóttir", Proposal, "Þjónustustarfsemi", "Of sértækt."),
        "KeywordAdded" => writer.KeywordAdded(language, "Guðrún Jónsdóttir", Proposal, "Þjónustustarfsemi", SignInLink),
        "WeeklyDigest" => writer.WeeklyDigest(language, "Guðrún Jónsdóttir", "Landsskrifstofa IMI", 3, 2, 5,
            [(Imi.Domain.Performance.Indicator.AcceptedWithinWeek, true), (Imi.Domain.Performance.Indicator.NegativeEffort, false)], Link),
        _ => writer.RequestAlert(kind, language, Reference, "Starfsréttindi", "Bayerische Architektenkammer", "DE", AnswerDate, Link),
    };

    /// <summary>The outbox's name of the kind (what the X-IMI-Kind header carries).</summary>
    public static string OutboxKind(string kind) => kind switch
    {
        "TemporaryPassword" => MailKinds.TemporaryPassword,
        "SignInReminder" => MailKinds.SignInReminder,
        "KeywordRequest" => MailKinds.KeywordRequest,
        "ApplicationReceived" => MailKinds.ApplicationReceived,
        "ApplicationRejected" => MailKinds.ApplicationRejected,
        "KeywordRequestForwarded" => MailKinds.KeywordRequestForwarded,
        "KeywordRequestDeclined" => MailKinds.KeywordRequestDeclined,
        "KeywordAdded" => MailKinds.KeywordAdded,
        "WeeklyDigest" => MailKinds.WeeklyDigest,
        _ => "request." + kind,
    };

    /// <summary>The keys of the kind's subject and paragraphs (besides the shared greeting, alert footer and signature).</summary>
    public static IEnumerable<string> KeysOf(string kind)
    {
        var prefix = $"Mail.{kind}.";
        return TextCatalog.Shipped.TextsOf("en").Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order();
    }

    /// <summary>A text of the catalogue in a language as a pattern: its words exactly, any value where a placeholder is.</summary>
    public static Regex Pattern(string language, string key)
    {
        var text = TextCatalog.Shipped.TextsOf(language)[key].Single!;
        return new Regex(EscapedPlaceholder().Replace(Regex.Escape(text), ".+?"));
    }

    [GeneratedRegex(@"\\\{[A-Za-z0-9]+(?::[^}]*)?\}")]
    private static partial Regex EscapedPlaceholder();
}
