using Imi.Infrastructure.Localization;

namespace Imi.Infrastructure.Mail;

/// <summary>
/// The one way the portal writes an e-mail: every subject and paragraph is a text of the catalogue's
/// area <c>Mail</c> (<c>Localization/Texts/Mail/{language}.json</c>: <c>Mail.{Kind}.Subject</c>,
/// <c>Mail.{Kind}.Body</c>, …), in the recipient's language (a user's preferred language; for an
/// authority's own address, the authority's language), with dates in that language's format.
/// Alerts say that something happened and link to it; they never carry personal data of an
/// exchange, and the temporary-password e-mail never carries the username.
/// </summary>
public sealed class MailWriter(Texts texts)
{
    /// <summary>The request alerts of DOMAIN.md (the outbox kind is <c>request.{Kind}</c>).</summary>
    public static readonly IReadOnlyList<string> AlertKinds =
    [
        "NewRequest", "Allocated", "ApprovalNeeded", "ReplyApprovalNeeded", "SentBack", "ReplySentBack", "Accepted", "AnswerDateProposed",
        "ClarificationAsked", "Clarified", "ReplyReceived", "AdditionalInformationAsked", "AdditionalInformationDeclined", "ReferralOpened",
        "ReferralClosed", "ReplyAccepted", "Forwarded", "AnswerDateNear", "AnswerDatePassed", "CoordinatorReminder",
    ];

    /// <summary>The e-mails about accounts and set-up (the outbox kind is the constant of <see cref="Identity.MailKinds"/>).</summary>
    public static readonly IReadOnlyList<string> AccountKinds = ["TemporaryPassword", "SignInReminder", "KeywordRequest", "ApplicationReceived", "ApplicationRejected",
        "KeywordRequestForwarded", "KeywordRequestDeclined", "KeywordAdded", "WeeklyDigest"];

    /// <summary>Every kind of e-mail: each has <c>Mail.{Kind}.Subject</c> in the catalogue.</summary>
    public static IEnumerable<string> Kinds => AccountKinds.Concat(AlertKinds);

    /// <summary>The texts in the recipient's language (English for an unknown language).</summary>
    public LanguageTexts In(string? language) => texts.In(language);

    /// <summary>A new temporary password (the secret the outbox forgets once sent), never the username.</summary>
    public MailMessageContent TemporaryPassword(string? language, string name, string temporaryPassword, string signInUrl)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.TemporaryPassword.Subject"],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.TemporaryPassword.Body", ("password", temporaryPassword)],
                t["Mail.TemporaryPassword.SignIn", ("link", signInUrl)],
                t["Mail.TemporaryPassword.Username"],
                t["Mail.Common.Signature"]),
            Secret: temporaryPassword);
    }

    /// <summary>A nudge to a registered user who has not signed in yet (step 12): no username, no password.</summary>
    public MailMessageContent SignInReminder(string? language, string name, string authority, string signInUrl)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.SignInReminder.Subject"],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.SignInReminder.Body", ("authority", authority), ("link", signInUrl)],
                t["Mail.Common.Signature"]));
    }

    /// <summary>To a coordinator: an authority it coordinates misses a keyword (steps 2 and 3). The proposal is the asker's own words.</summary>
    public MailMessageContent KeywordRequest(string? language, string person, string authority, string country, string list, string proposal)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.KeywordRequest.Subject", ("authority", authority)],
            Paragraphs(
                t["Mail.KeywordRequest.Body", ("person", person), ("authority", authority), ("country", country), ("list", list)],
                "    " + proposal,
                t["Mail.KeywordRequest.Forward"],
                t["Mail.Common.Signature"]));
    }

    /// <summary>To a coordinator's data administrators: an authority applied to join and waits for them (no applicant's data in the e-mail).</summary>
    public MailMessageContent ApplicationReceived(string? language, string name, string authority, string country, string link)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.ApplicationReceived.Subject", ("authority", authority)],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.ApplicationReceived.Body", ("authority", authority), ("country", country)],
                t["Mail.ApplicationReceived.Open", ("link", link)],
                t["Mail.Common.Signature"]));
    }

    /// <summary>To the person who applied: the coordinator rejected the application, in its own words.</summary>
    public MailMessageContent ApplicationRejected(string? language, string name, string authority, string reason)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.ApplicationRejected.Subject", ("authority", authority)],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.ApplicationRejected.Body", ("authority", authority)],
                "    " + reason,
                t["Mail.ApplicationRejected.Contact"],
                t["Mail.Common.Signature"]));
    }

    /// <summary>To the Commission's data administrators: a coordinator forwarded an authority's keyword proposal.</summary>
    public MailMessageContent KeywordRequestForwarded(string? language, string name, string authority, string list, string proposal, string link)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.KeywordRequestForwarded.Subject", ("list", list)],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.KeywordRequestForwarded.Body", ("authority", authority), ("list", list)],
                "    " + proposal,
                t["Mail.KeywordRequestForwarded.Open", ("link", link)],
                t["Mail.Common.Signature"]));
    }

    /// <summary>To the user who asked: the keyword will not be added, and why (the decider's own words).</summary>
    public MailMessageContent KeywordRequestDeclined(string? language, string name, string proposal, string list, string reason)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.KeywordRequestDeclined.Subject", ("proposal", proposal)],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.KeywordRequestDeclined.Body", ("proposal", proposal), ("list", list)],
                "    " + reason,
                t["Mail.Common.Signature"]));
    }

    /// <summary>To the user who asked: the keyword is in the list now, and can be chosen in the setup.</summary>
    public MailMessageContent KeywordAdded(string? language, string name, string keyword, string list, string link)
    {
        var t = In(language);
        return new MailMessageContent(
            t["Mail.KeywordAdded.Subject", ("keyword", keyword)],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.KeywordAdded.Body", ("keyword", keyword), ("list", list)],
                t["Mail.KeywordAdded.Choose", ("link", link)],
                t["Mail.Common.Signature"]));
    }

    /// <summary>
    /// A request alert: what happened, the link to the exchange and a reminder that it carries no
    /// personal data. <paramref name="date"/> (the answer date) is written in the recipient's format.
    /// </summary>
    public MailMessageContent RequestAlert(string kind, string? language, string reference, string area, string authority, string country,
        DateOnly? date, string link)
    {
        if (!AlertKinds.Contains(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a request alert.");
        var t = In(language);
        TextArg[] values =
        [
            ("reference", reference), ("area", area), ("authority", authority), ("country", country),
            ("date", date is { } d ? d : "–"), ("link", link),
        ];
        return new MailMessageContent(
            t[$"Mail.{kind}.Subject", values],
            Paragraphs(
                t[$"Mail.{kind}.Body", values],
                t["Mail.Alert.OpenRequest", values],
                t["Mail.Alert.NoPersonalData"],
                t["Mail.Common.Signature"]));
    }

    /// <summary>
    /// The weekly digest to a coordinator's user: the urgency list's counts of its scope and the indicators in red (those new this
    /// month marked), no exchange named.
    /// </summary>
    public MailMessageContent WeeklyDigest(string? language, string name, string coordinator, int notAccepted, int pastAnswerDate, int idle,
        IReadOnlyList<(Domain.Performance.Indicator Indicator, bool TurnedRed)> red, string link)
    {
        var t = In(language);
        var redText = red.Count == 0
            ? t["Performance.Digest.NoneRed"]
            : string.Join("; ", red.Select(r => t["Performance.Indicators." + r.Indicator + ".Name"] + (r.TurnedRed ? " " + t["Performance.Digest.TurnedRed"] : "")));
        return new MailMessageContent(
            t["Mail.WeeklyDigest.Subject", ("authority", coordinator)],
            Paragraphs(
                t["Mail.Common.Greeting", ("name", name)],
                t["Mail.WeeklyDigest.Urgent", ("authority", coordinator), ("notAccepted", notAccepted), ("pastAnswerDate", pastAnswerDate), ("idle", idle)],
                t["Mail.WeeklyDigest.Red", ("indicators", redText)],
                t["Mail.WeeklyDigest.Open", ("link", link)],
                t["Mail.WeeklyDigest.OptOut"],
                t["Mail.Common.Signature"]));
    }

    private static string Paragraphs(params string[] paragraphs) => string.Join("\n\n", paragraphs);
}
