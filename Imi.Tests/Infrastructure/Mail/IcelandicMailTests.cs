using Imi.Domain.Users;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Mail;
using Imi.Infrastructure.Setup;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Imi.Tests.Infrastructure.Requests.RequestFixtures;

namespace Imi.Tests.Infrastructure.Mail;

/// <summary>
/// Issue 10: one e-mail of each kind arrives over SMTP (MailKit to the loopback inbox) in Icelandic
/// for an Icelandic recipient, its subject and paragraphs the Icelandic texts of the catalogue.
/// </summary>
public class IcelandicMailTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private LocalInbox _inbox = default!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imi-icelandic-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _inbox = new LocalInbox(_folder, FreePort.Next());
        await _inbox.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _inbox.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private TestServices Services() => database.Services(new Dictionary<string, string?>
    {
        ["Mail:Port"] = _inbox.Port.ToString(),
        ["Mail:MessageIdDomain"] = "imi.test",
    });

    private async Task<InboxMessage> ReceivedAsync(TestServices services, string to, string outboxKind)
    {
        while (await services.Get<OutboxSender>().SendDueAsync() > 0) { }
        return await Eventually.ReturnsAsync(() => _inbox.Messages().FirstOrDefault(m => m.To.Contains(to) && KindOf(m) == outboxKind),
            what: $"the {outboxKind} e-mail to {to}");
    }

    private string? KindOf(InboxMessage message) =>
        MimeKit.MimeMessage.Load(Path.Combine(_folder, message.Id + ".eml")).Headers["X-IMI-Kind"];

    private static string Text(InboxMessage message) => message.Text.Replace("\r\n", "\n").TrimEnd('\n');

    /// <summary>The subject is the kind's Icelandic subject, and each of its paragraphs is in the body; none is English.</summary>
    private static void AssertIcelandic(string kind, InboxMessage received)
    {
        var subject = MailSamples.Pattern("is", $"Mail.{kind}.Subject");
        Assert.Matches($"^{subject}$", received.Subject);
        Assert.DoesNotMatch($"^{MailSamples.Pattern("en", $"Mail.{kind}.Subject")}$", received.Subject);
        var body = Text(received);
        foreach (var key in MailSamples.KeysOf(kind).Where(k => !k.EndsWith(".Subject", StringComparison.Ordinal)))
        {
            Assert.Matches(MailSamples.Pattern("is", key), body);
            Assert.DoesNotMatch(MailSamples.Pattern("en", key), body);
        }
    }

    [Fact]
    public async Task OneEmailOfEachKind_ArrivesOverSmtp_InIcelandic()
    {
        await using var services = Services();
        var writer = services.Get<MailWriter>();
        await using (var db = await services.DbAsync())
        {
            foreach (var kind in MailWriter.Kinds)
                services.Get<Outbox>().Enqueue(db, MailSamples.Render(writer, kind, "is"), $"{kind.ToLowerInvariant()}@iceland.test", "Guðrún Jónsdóttir",
                    MailSamples.OutboxKind(kind));
            await db.SaveChangesAsync();
        }

        var icelandic = services.Get<Texts>().In("is");
        foreach (var kind in MailWriter.Kinds)
        {
            var received = await ReceivedAsync(services, $"{kind.ToLowerInvariant()}@iceland.test", MailSamples.OutboxKind(kind));
            AssertIcelandic(kind, received);
            var expected = MailSamples.Render(writer, kind, "is");
            Assert.Equal(expected.Subject, received.Subject);
            Assert.Equal(expected.TextBody, Text(received));
            Assert.EndsWith("\n\nIMI", Text(received));
            if (MailWriter.AlertKinds.Contains(kind))
            {
                Assert.Contains(icelandic["Mail.Alert.OpenRequest", ("link", MailSamples.Link)], Text(received));
                Assert.Contains(icelandic["Mail.Alert.NoPersonalData"], Text(received));
            }
            else
                Assert.Contains(kind == "KeywordRequest" ? MailSamples.Proposal : "Góðan dag Guðrún Jónsdóttir,", Text(received));
        }
        Assert.Equal("Tímabundið lykilorð þitt í IMI", (await ReceivedAsync(services, "temporarypassword@iceland.test", MailKinds.TemporaryPassword)).Subject);
        Assert.Contains("Svarfrestur: 15.1.2027.", Text(await ReceivedAsync(services, "accepted@iceland.test", "request.Accepted"))); // the Icelandic date

        await using var check = await services.DbAsync();
        Assert.False(await check.Outbox.AnyAsync(m => m.TextBody.Contains(MailSamples.Password) || m.Secret != null)); // the password went, and is gone
    }

    [Fact]
    public async Task IcelandicUsers_GetAlertsAndAccountMailsInIcelandic_WhileAnAuthoritysAddressKeepsItsLanguage()
    {
        await using var services = Services();
        const string irishAdministrator = "siobhan.murphy@enterprise.demo.ie";
        await using (var db = await services.DbAsync())
            await db.ImiUsers.Where(u => u.Username == GermanHandler || u.Email == irishAdministrator)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguageCode, "is"));
        var handlerEmail = await EmailOfAsync(services, GermanHandler);

        // A request alert: the Icelandic handler reads it in Icelandic, the chamber's own address in German.
        await SentRequestAsync(services);
        AssertIcelandic("NewRequest", await ReceivedAsync(services, handlerEmail, "request.NewRequest"));
        Assert.StartsWith("Neue IMI-Anfrage", (await ReceivedAsync(services, BavarianArchitectsMail, "request.NewRequest")).Subject);

        // Registered with Icelandic as their language: the temporary password and the reminder in Icelandic.
        var setup = services.Get<SetupService>();
        var admin = await UserAsync(services, "demo.fr.architects");
        await setup.ExecuteAsync(admin, new RegisterUser(new NewUser("Guðrún", "Jónsdóttir", "gudrun@architectes.demo.fr", null, "is"), false, []));
        AssertIcelandic("TemporaryPassword", await ReceivedAsync(services, "gudrun@architectes.demo.fr", MailKinds.TemporaryPassword));
        var gudrun = (await setup.GetAsync(admin)).Staff.Single(u => u.Email == "gudrun@architectes.demo.fr");
        await setup.ExecuteAsync(admin, new RemindToSignIn(gudrun.Id));
        AssertIcelandic("SignInReminder", await ReceivedAsync(services, "gudrun@architectes.demo.fr", MailKinds.SignInReminder));

        // A keyword request: the coordinator's Icelandic data administrator reads it in Icelandic, the coordinator's address in English.
        await setup.ExecuteAsync(await UserAsync(services, "demo.ie.cork"), new AskCoordinatorForKeyword("SERVICES_ACTIVITIES", "Christmas markets"));
        var keyword = await ReceivedAsync(services, irishAdministrator, MailKinds.KeywordRequest);
        AssertIcelandic("KeywordRequest", keyword);
        Assert.Contains("    Christmas markets", Text(keyword));
        Assert.StartsWith("Keyword requested by", (await ReceivedAsync(services, "imi@enterprise.demo.ie", MailKinds.KeywordRequest)).Subject);
    }

    private static async Task<string> EmailOfAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Email).SingleAsync();
    }
}
