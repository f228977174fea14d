using Imi.Domain.Authorities;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Setup;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Infrastructure;

/// <summary>
/// Control and invisible characters (NUL, BEL, ESC, zero-width, right-to-left override) never reach
/// PostgreSQL or an e-mail, whichever way a text comes in.
/// </summary>
public class StoredTextTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    // NUL, BEL, ESC, a zero-width space and a right-to-left override.
    private const string Hidden = "\u0000\u0007\u001B\u200B\u202E";

    private static async Task<Guid> UserIdAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    private static Task<SetupResult> RunAsync(TestServices services, Guid actor, SetupCommand command) =>
        services.InScopeAsync(sp => sp.GetRequiredService<SetupService>().ExecuteAsync(actor, command));

    [Fact]
    public async Task ATitleWithHiddenCharacters_IsStoredClean()
    {
        await using var services = database.Services();
        var first = await UserIdAsync(services, DemoNetwork.NewFirstUsername);
        var revision = (await services.InScopeAsync(sp => sp.GetRequiredService<SetupService>().GetAsync(first))).Revision;
        var info = new GeneralInformation($"Dental{Hidden} Council", $"Registers{Hidden} dentists.\nAnd recognises qualifications.",
            AuthorityLevel.National, ["en"], new ContactDetails($"57 Merrion{Hidden} Square", "D02 EH90", "Dublin", null, null, null),
            $"imi@dental{Hidden}council.demo.ie");

        await RunAsync(services, first, new SaveGeneralInformation(revision, info, NeedsNewTranslation: false));

        await using var db = await services.DbAsync();
        var stored = await db.Authorities.AsNoTracking().SingleAsync(a => a.InformalTitle.StartsWith("Dental"));
        Assert.Equal("Dental Council", stored.InformalTitle);
        Assert.Equal("Registers dentists.\nAnd recognises qualifications.", stored.ShortProfile);
        Assert.Equal("57 Merrion Square", stored.Contact.Street);
        Assert.Equal("imi@dentalcouncil.demo.ie", stored.Email);
    }

    [Fact]
    public async Task AKeywordProposal_ReachesTheCoordinatorsMailClean()
    {
        await using var services = database.Services();
        var first = await UserIdAsync(services, "demo.ie.cork");

        await RunAsync(services, first, new AskCoordinatorForKeyword("SERVICES_ACTIVITIES", $"Christmas{Hidden} markets"));

        await using var db = await services.DbAsync();
        var mails = await db.Outbox.AsNoTracking().Where(m => m.Kind == MailKinds.KeywordRequest).ToListAsync();
        Assert.NotEmpty(mails);
        Assert.All(mails, m =>
        {
            Assert.Contains("Christmas markets", m.TextBody);
            Assert.False(Imi.Domain.Common.TextInput.HasHiddenCharacters(m.Subject + m.ToName + m.ToAddress));
        });
    }

    [Fact]
    public async Task AnOutboxMessage_WithHiddenCharactersInNamesAndSubject_IsStoredClean()
    {
        await using var services = database.Services();
        await using (var db = await services.DbAsync())
        {
            services.Get<Imi.Infrastructure.Mail.Outbox>().Enqueue(db,
                new Imi.Infrastructure.Mail.MailMessageContent($"New{Hidden} request", $"Body{Hidden}\nline two"),
                $"someone{Hidden}@example.test", $"Eve{Hidden}\r\nBcc: x@example.test", "test");
            await db.SaveChangesAsync();
        }

        await using var check = await services.DbAsync();
        var row = await check.Outbox.AsNoTracking().SingleAsync(m => m.Kind == "test");
        Assert.Equal("New request", row.Subject);
        Assert.Equal("Body\nline two", row.TextBody);
        Assert.Equal("someone@example.test", row.ToAddress);
        Assert.Equal("Eve Bcc: x@example.test", row.ToName); // one line: no header injection
    }
}
