using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Identity;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Imi.Tests.Infrastructure;

public class SignInServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static Task<T> WithSignIn<T>(TestServices services, Func<SignInService, Task<T>> work) =>
        services.InScopeAsync(sp => work(sp.GetRequiredService<SignInService>()));

    [Fact]
    public async Task PasswordThenThreeDigits_SignsIn_AndRecordsTheSignIn()
    {
        await using var services = database.Services();
        var password = await WithSignIn(services, s => s.CheckPasswordAsync("demo.ie.handler", DemoNetwork.Password, "127.0.0.1"));
        Assert.Equal(PasswordCheck.NeedsSecurityCode, password.Outcome);

        var challenge = SecurityCodeChallenge.Of(2, 7, 11);
        var code = await WithSignIn(services, s => s.CheckSecurityCodeAsync(password.UserId!.Value, challenge,
            challenge.DigitsOf(DemoNetwork.SecurityCode), "127.0.0.1"));

        Assert.Equal(CodeCheck.Succeeded, code.Outcome);
        await using var db = await services.DbAsync();
        var user = await db.ImiUsers.SingleAsync(u => u.Username == "demo.ie.handler");
        Assert.Equal(services.Clock.GetUtcNow(), user.LastSignedInAt);
        Assert.Contains(await db.SignInAttempts.Where(a => a.UserId == user.Id).ToListAsync(), a => a.Outcome == SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task FiveFailures_PasswordOrCode_BlockTheAccount_EvenForTheRightPasswordAfterwards()
    {
        await using var services = database.Services();
        var first = await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null));
        var challenge = SecurityCodeChallenge.Of(1, 2, 3);
        for (var i = 0; i < 2; i++)
            await WithSignIn(services, s => s.CheckSecurityCodeAsync(first.UserId!.Value, challenge, "000", null));
        for (var i = 0; i < 2; i++)
            Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", "wrong", null))).Outcome);

        var fifth = await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", "wrong-again", null));
        var afterwards = await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null));

        Assert.Equal(PasswordCheck.Blocked, fifth.Outcome);
        Assert.Equal(PasswordCheck.Blocked, afterwards.Outcome);
        await using var db = await services.DbAsync();
        var outcomes = await db.SignInAttempts.Where(a => a.UserId == first.UserId).Select(a => a.Outcome).ToListAsync();
        Assert.Equal(2, outcomes.Count(o => o == SignInOutcome.WrongSecurityCode));
        Assert.Equal(2, outcomes.Count(o => o == SignInOutcome.WrongPassword));
        Assert.Equal(2, outcomes.Count(o => o == SignInOutcome.Blocked));
    }

    [Fact]
    public async Task UnknownUsername_IsRejectedLikeAWrongPassword_AndLoggedWithoutThePassword()
    {
        await using var services = database.Services();
        var result = await WithSignIn(services, s => s.CheckPasswordAsync("nobody.here", "Secret-Guess-1", null));

        Assert.Equal(PasswordCheck.Rejected, result.Outcome);
        await using var db = await services.DbAsync();
        var attempt = await db.SignInAttempts.SingleAsync(a => a.UnknownUsername == "nobody.here");
        Assert.Equal(SignInOutcome.UnknownUsername, attempt.Outcome);
        Assert.False(await db.SignInAttempts.AnyAsync(a => a.UnknownUsername!.Contains("Secret")));
    }

    [Fact]
    public async Task TemporaryPassword_LeadsToChoosingCredentials_ThenTheNewOnesWork()
    {
        await using var services = database.Services();
        var (userId, temporary) = await IssueTemporaryPasswordAsync(services, "demo.pt.handler");

        var check = await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.handler", temporary, null));
        Assert.Equal(PasswordCheck.MustSetCredentials, check.Outcome);

        var weak = await Assert.ThrowsAsync<DomainException>(() =>
            WithSignIn(services, async s => { await s.SetCredentialsAsync(userId, "short", "135792468024", null); return 0; }));
        Assert.Equal("NewPassword", weak.Field);
        var badCode = await Assert.ThrowsAsync<DomainException>(() =>
            WithSignIn(services, async s => { await s.SetCredentialsAsync(userId, "Nova-Palavra-2026", "1234", null); return 0; }));
        Assert.Equal("SecurityCode", badCode.Field);

        await WithSignIn(services, async s => { await s.SetCredentialsAsync(userId, "Nova-Palavra-2026", "135792468024", null); return 0; });

        Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.handler", temporary, null))).Outcome);
        Assert.Equal(PasswordCheck.NeedsSecurityCode, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.handler", "Nova-Palavra-2026", null))).Outcome);
        var challenge = SecurityCodeChallenge.Of(4, 8, 12);
        Assert.Equal(CodeCheck.Succeeded, (await WithSignIn(services, s => s.CheckSecurityCodeAsync(userId, challenge, challenge.DigitsOf("135792468024"), null))).Outcome);
    }

    [Fact]
    public async Task SecurityCode_IsNotInTheDatabase_AndADumpWithoutTheKeyCannotCheckIt()
    {
        await using var services = database.Services();
        await using var db = await services.DbAsync();
        var user = await db.ImiUsers.SingleAsync(u => u.Username == "demo.de.handler");
        var stored = (await db.Accounts.SingleAsync(a => a.Id == user.Id)).SecurityCodeHashes!;

        Assert.DoesNotContain(DemoNetwork.SecurityCode, System.Text.Encoding.ASCII.GetString(stored));
        var challenge = SecurityCodeChallenge.Of(1, 2, 3);
        var rightKey = services.Get<SecurityCodeHasher>();
        var otherKey = new SecurityCodeHasher(Options.Create(new SecurityOptions { SecurityCodeKey = Convert.ToBase64String(new byte[32]) }));
        Assert.True(rightKey.Verify(user.Id, stored, challenge, challenge.DigitsOf(DemoNetwork.SecurityCode)));
        // Someone with the dump but not the key cannot test any of the 1,000 possible digit triples.
        Assert.DoesNotContain(Enumerable.Range(0, 1000), n => otherKey.Verify(user.Id, stored, challenge, n.ToString("D3")));
    }

    /// <summary>What a password reset by an administrator does (the reset screen comes with the setup wizard).</summary>
    private static async Task<(Guid UserId, string TemporaryPassword)> IssueTemporaryPasswordAsync(TestServices services, string username)
    {
        return await services.InScopeAsync(async sp =>
        {
            await using var db = await services.DbAsync();
            var user = await db.ImiUsers.SingleAsync(u => u.Username == username);
            var account = await db.Accounts.SingleAsync(a => a.Id == user.Id);
            sp.GetRequiredService<AccountCredentials>().IssueTemporaryPassword(db, account, user);
            await db.SaveChangesAsync();
            var mail = await db.Outbox.Where(m => m.ToAddress == user.Email).OrderByDescending(m => m.CreatedAt).FirstAsync();
            return (user.Id, TemporaryPasswordIn(mail.TextBody));
        });
    }

    public static string TemporaryPasswordIn(string mailText) =>
        System.Text.RegularExpressions.Regex.Match(mailText, @"[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}").Value;
}
