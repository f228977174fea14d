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

        var code = await AnswerAsync(services, password.UserId!.Value, DemoNetwork.SecurityCode);

        Assert.Equal(CodeCheck.Succeeded, code.Outcome);
        await using var db = await services.DbAsync();
        var user = await db.ImiUsers.SingleAsync(u => u.Username == "demo.ie.handler");
        Assert.Equal(services.Clock.GetUtcNow(), user.LastSignedInAt);
        Assert.Contains(await db.SignInAttempts.Where(a => a.UserId == user.Id).ToListAsync(), a => a.Outcome == SignInOutcome.Succeeded);
    }

    /// <summary>Decision 010: only users of a validated authority sign in; a stranger learns nothing of it (wrong password: the usual answer).</summary>
    [Fact]
    public async Task AUserOfADeactivatedAuthority_IsToldSoAfterTheRightPasswordOnly()
    {
        await using var services = database.Services();
        var beforeDeactivation = await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.porto", DemoNetwork.Password, null));
        await using (var db = await services.DbAsync())
        {
            var porto = await db.ImiUsers.Where(u => u.Username == "demo.pt.porto").Select(u => u.AuthorityId).SingleAsync();
            var portugueseNimic = await db.ImiUsers.Where(u => u.Username == "demo.pt.coordinator").Select(u => u.Id).SingleAsync();
            await services.Get<Imi.Infrastructure.Coordination.CoordinationService>().ExecuteAsync(portugueseNimic, new Imi.Infrastructure.Coordination.DeactivateAuthority(porto));
        }

        // Half-way through signing in when it happened: the security code step sends the user back to the password step.
        Assert.Equal(CodeCheck.Expired, (await AnswerAsync(services, beforeDeactivation.UserId!.Value, DemoNetwork.SecurityCode)).Outcome);
        Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.porto", "wrong", null))).Outcome);
        var right = await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.porto", DemoNetwork.Password, null));

        Assert.Equal((PasswordCheck.AuthorityNotActive, (Guid?)null), (right.Outcome, right.UserId)); // no pending sign-in to go on with
        await using var check = await services.DbAsync();
        var user = await check.ImiUsers.SingleAsync(u => u.Username == "demo.pt.porto");
        Assert.Contains(await check.SignInAttempts.Where(a => a.UserId == user.Id).ToListAsync(), a => a.Outcome == SignInOutcome.AuthorityNotActive);
        Assert.Equal(PasswordCheck.NeedsSecurityCode, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.handler", DemoNetwork.Password, null))).Outcome);
    }

    [Fact]
    public async Task WrongAnswers_PasswordOrCode_LockForFifteenMinutes_ThenLonger_ThenBlockUntilReset()
    {
        await using var services = database.Services();
        var first = await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null));
        var userId = first.UserId!.Value;
        for (var i = 0; i < 2; i++)
            Assert.Equal(CodeCheck.Rejected, (await AnswerAsync(services, userId, WrongCode)).Outcome);
        for (var i = 0; i < 2; i++)
            Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", "wrong", null))).Outcome);
        await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", "wrong-again", null)); // the fifth

        // Locked: even the right password is refused, with the same answer as a wrong one.
        Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null))).Outcome);
        services.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null))).Outcome);
        services.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(PasswordCheck.NeedsSecurityCode, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null))).Outcome);

        // Five more: 30 minutes this time.
        for (var i = 0; i < 4; i++)
            await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", "wrong", null));
        Assert.Equal(CodeCheck.LockedOut, (await AnswerAsync(services, userId, WrongCode)).Outcome);
        services.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null))).Outcome);
        services.Clock.Advance(TimeSpan.FromMinutes(15));

        // Five more make fifteen: blocked until a password reset, however long one waits.
        for (var i = 0; i < 5; i++)
            await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", "wrong", null));
        services.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", DemoNetwork.Password, null))).Outcome);

        await using var db = await services.DbAsync();
        var outcomes = await db.SignInAttempts.Where(a => a.UserId == userId).Select(a => a.Outcome).ToListAsync();
        Assert.Equal(2, outcomes.Count(o => o == SignInOutcome.WrongSecurityCode));
        Assert.Equal(5, outcomes.Count(o => o == SignInOutcome.LockedOut)); // two lockouts, three attempts while locked
        Assert.Equal(2, outcomes.Count(o => o == SignInOutcome.Blocked)); // the block and one attempt after it

        var (_, temporary) = await IssueTemporaryPasswordAsync(services, "demo.fr.handler");
        Assert.Equal(PasswordCheck.MustSetCredentials, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.fr.handler", temporary, null))).Outcome);
    }

    [Fact]
    public async Task ALockedAccount_AnswersLikeAnUnknownName_AfterTheSameHashWork()
    {
        var hasher = new CountingPasswordHasher();
        await using var services = TestServices.Build(database.ConnectionString,
            configure: s => s.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Account>>(hasher));
        for (var i = 0; i < SignInLockout.AttemptsPerLockout; i++)
            await WithSignIn(services, s => s.CheckPasswordAsync("demo.it.lombardia", "Wrong-Password-" + i, null));

        hasher.Verifications = 0;
        var locked = await WithSignIn(services, s => s.CheckPasswordAsync("demo.it.lombardia", DemoNetwork.Password, null));
        Assert.Equal(1, hasher.Verifications);
        hasher.Verifications = 0;
        var unknown = await WithSignIn(services, s => s.CheckPasswordAsync("demo.it.nobody", DemoNetwork.Password, null));
        Assert.Equal(1, hasher.Verifications);

        Assert.Equal(unknown, locked);
    }

    [Fact]
    public async Task ThePositionsAsked_StayTheSame_UntilAnsweredOrExpired_AndEveryWrongAnswerCounts()
    {
        await using var services = database.Services();
        var userId = (await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.engineers", DemoNetwork.Password, null))).UserId!.Value;
        var asked = await WithSignIn(services, s => s.PendingChallengeAsync(userId));
        Assert.NotNull(asked);

        for (var i = 0; i < 10; i++)
            await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.engineers", DemoNetwork.Password, null));
        Assert.Equal(asked, await WithSignIn(services, s => s.PendingChallengeAsync(userId)));
        Assert.Equal(CodeCheck.Rejected, (await AnswerAsync(services, userId, WrongCode)).Outcome);
        Assert.Equal(asked, await WithSignIn(services, s => s.PendingChallengeAsync(userId)));
        await using (var db = await services.DbAsync())
            Assert.Equal(1, (await db.Accounts.SingleAsync(a => a.Id == userId)).AccessFailedCount);

        services.Clock.Advance(SignInService.ChallengeLifetime + TimeSpan.FromSeconds(1));
        Assert.Null(await WithSignIn(services, s => s.PendingChallengeAsync(userId)));
        Assert.Equal(CodeCheck.Expired, (await AnswerAsync(services, userId, DemoNetwork.SecurityCode)).Outcome);

        await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.engineers", DemoNetwork.Password, null));
        Assert.Equal(CodeCheck.Succeeded, (await AnswerAsync(services, userId, DemoNetwork.SecurityCode)).Outcome);
        Assert.Null(await WithSignIn(services, s => s.PendingChallengeAsync(userId)));
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
        Assert.Equal(Refusals.Password.PasswordTooShort, weak.Code); // Identity's code, with the rule's value, not its English
        Assert.Equal(("count", (object?)10), Assert.Single(weak.Args));
        var badCode = await Assert.ThrowsAsync<DomainException>(() =>
            WithSignIn(services, async s => { await s.SetCredentialsAsync(userId, "Nova-Palavra-2026", "1234", null); return 0; }));
        Assert.Equal("SecurityCode", badCode.Field);

        await WithSignIn(services, async s => { await s.SetCredentialsAsync(userId, "Nova-Palavra-2026", "135792468024", null); return 0; });

        Assert.Equal(PasswordCheck.Rejected, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.handler", temporary, null))).Outcome);
        Assert.Equal(PasswordCheck.NeedsSecurityCode, (await WithSignIn(services, s => s.CheckPasswordAsync("demo.pt.handler", "Nova-Palavra-2026", null))).Outcome);
        Assert.Equal(CodeCheck.Succeeded, (await AnswerAsync(services, userId, "135792468024")).Outcome);
    }

    [Theory]
    [InlineData("Password1234", "NewPassword", Refusals.Password.CommonPassword)] // in the list of common passwords
    [InlineData("Qwertyuiop12", "NewPassword", Refusals.Password.CommonPassword)]
    [InlineData("My-demo.es.abogados-2026", "NewPassword", Refusals.Password.ContainsUsername)] // contains the username
    public async Task ChoosingAGuessablePassword_IsRefusedNextToThePasswordField(string password, string field, string code)
    {
        await using var services = database.Services();
        var (userId, _) = await IssueTemporaryPasswordAsync(services, "demo.es.abogados");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            WithSignIn(services, async s => { await s.SetCredentialsAsync(userId, password, "135792468024", null); return 0; }));
        Assert.Equal(field, refused.Field);
        Assert.Equal(code, refused.Code);
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("987654321098")]
    [InlineData("123412341234")]
    [InlineData("246824682468")]
    public async Task ChoosingASequenceOrRepetitionAsSecurityCode_IsRefused(string code)
    {
        await using var services = database.Services();
        var (userId, _) = await IssueTemporaryPasswordAsync(services, "demo.ie.cork");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            WithSignIn(services, async s => { await s.SetCredentialsAsync(userId, "Cork-Harbour-Light-26", code, null); return 0; }));
        Assert.Equal("SecurityCode", refused.Field);
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

    private static readonly string WrongCode =
        new(DemoNetwork.SecurityCode.Select(c => c == '9' ? '0' : (char)(c + 1)).ToArray());

    /// <summary>Answers the positions asked now with the digits of <paramref name="code"/>.</summary>
    private static Task<CodeCheckResult> AnswerAsync(TestServices services, Guid userId, string code) =>
        WithSignIn(services, async s =>
        {
            var asked = await s.PendingChallengeAsync(userId);
            return await s.CheckSecurityCodeAsync(userId, asked?.DigitsOf(code) ?? "000", null);
        });

    private sealed class CountingPasswordHasher : Microsoft.AspNetCore.Identity.IPasswordHasher<Account>
    {
        private readonly Microsoft.AspNetCore.Identity.PasswordHasher<Account> _real = new();
        public int Verifications;

        public string HashPassword(Account user, string password) => _real.HashPassword(user, password);

        public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public static string TemporaryPasswordIn(string mailText) =>
        System.Text.RegularExpressions.Regex.Match(mailText, @"[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}").Value;
}
