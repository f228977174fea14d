using System.Security.Claims;
using Imi.Domain.Common;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Users;
using Imi.Portal.Account;
using Imi.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Imi.Tests.Infrastructure;

/// <summary>"My profile": what a user changes about themselves, on real PostgreSQL.</summary>
public class ProfileServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string NewPassword = "Harbour-Lights-77";
    private const string NewCode = "730154982617";

    private static async Task<Guid> IdOfAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Account> AccountAsync(TestServices services, Guid userId)
    {
        await using var db = await services.DbAsync();
        return await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == userId);
    }

    /// <summary>The whole sign-in (password, then the three digits asked), as SignInService does it.</summary>
    private static Task<bool> SignsInAsync(TestServices services, string username, string password, string code) =>
        services.InScopeAsync(async sp =>
        {
            var signIn = sp.GetRequiredService<SignInService>();
            var step1 = await signIn.CheckPasswordAsync(username, password, null);
            if (step1.Outcome != PasswordCheck.NeedsSecurityCode)
                return false;
            var asked = await signIn.PendingChallengeAsync(step1.UserId!.Value);
            return (await signIn.CheckSecurityCodeAsync(step1.UserId.Value, asked!.DigitsOf(code), null)).Outcome == CodeCheck.Succeeded;
        });

    /// <summary>Would a session cookie carrying <paramref name="stamp"/> still be accepted (the portal's per-request check)?</summary>
    private static Task<bool> SessionWithStampIsValidAsync(TestServices services, Guid userId, string stamp)
    {
        var stampClaim = services.Get<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(stampClaim, stamp)], "test"));
        return SessionValidation.StampIsCurrentAsync(principal, services.Provider, services.Clock.GetUtcNow());
    }

    [Fact]
    public async Task ThePreferredLanguage_IsSaved()
    {
        await using var services = database.Services();
        var userId = await IdOfAsync(services, "demo.ie.basic");

        await services.Get<ProfileService>().ChoosePreferredLanguageAsync(userId, "fi");

        Assert.Equal("fi", (await services.Get<ProfileService>().GetAsync(userId)).PreferredLanguageCode);
    }

    [Fact]
    public async Task ContactDetails_AreSaved_TheEmailAddressStays()
    {
        await using var services = database.Services();
        var userId = await IdOfAsync(services, "demo.ie.cork");
        var profiles = services.Get<ProfileService>();
        var before = await profiles.GetAsync(userId);

        var saved = await profiles.ChangeContactAsync(userId, new ContactChange("  Seán Óg ", "Ryan-Hayes", "+353 21 492 4000"));

        Assert.Equal(("Seán Óg", "Ryan-Hayes", "+353 21 492 4000"), (saved.GivenName, saved.FamilyName, saved.Phone));
        await using var db = await services.DbAsync();
        var user = await db.ImiUsers.SingleAsync(u => u.Id == userId);
        Assert.Equal(("Seán Óg", "Ryan-Hayes", "+353 21 492 4000"), (user.GivenName, user.FamilyName, user.Phone));
        Assert.Equal(before.Email, user.Email);
        Assert.Equal(before.PreferredLanguageCode, user.PreferredLanguageCode);

        var refused = await Assert.ThrowsAsync<DomainException>(() => profiles.ChangeContactAsync(userId, new ContactChange(" ", "Ryan", null)));
        Assert.Equal("GivenName", refused.Field);
    }

    [Fact]
    public async Task ThePassword_ChangesOnlyWithTheRightCurrentOne_TheOldOneNoLongerWorks_AndOtherSessionsEnd()
    {
        await using var services = database.Services();
        var userId = await IdOfAsync(services, "demo.de.handler2");
        var profiles = services.Get<ProfileService>();
        var oldStamp = (await AccountAsync(services, userId)).SecurityStamp!;

        var wrong = await Assert.ThrowsAsync<DomainException>(() => profiles.ChangePasswordAsync(userId, "Not-The-Password-1", NewPassword));
        Assert.Equal((Refusals.Profile.WrongPassword, ProfileService.Fields.CurrentPassword), (wrong.Code, wrong.Field));
        Assert.Equal(("count", (object?)(SignInLockout.AttemptsPerLockout - 1)), wrong.Args.Single());
        var afterWrong = await AccountAsync(services, userId);
        Assert.Equal(1, afterWrong.AccessFailedCount); // counted like a wrong sign-in answer
        Assert.Equal(oldStamp, afterWrong.SecurityStamp);

        var common = await Assert.ThrowsAsync<DomainException>(() => profiles.ChangePasswordAsync(userId, DemoNetwork.Password, "Password1234"));
        Assert.Equal((Refusals.Password.CommonPassword, ProfileService.Fields.NewPassword), (common.Code, common.Field));
        var same = await Assert.ThrowsAsync<DomainException>(() => profiles.ChangePasswordAsync(userId, DemoNetwork.Password, DemoNetwork.Password));
        Assert.Equal(Refusals.Profile.SamePassword, same.Code);

        var newStamp = await profiles.ChangePasswordAsync(userId, DemoNetwork.Password, NewPassword);

        var account = await AccountAsync(services, userId);
        Assert.Equal(newStamp, account.SecurityStamp);
        Assert.NotEqual(oldStamp, newStamp);
        Assert.Equal(0, account.AccessFailedCount);
        Assert.False(await SessionWithStampIsValidAsync(services, userId, oldStamp)); // every other session ends
        Assert.True(await SessionWithStampIsValidAsync(services, userId, newStamp)); // the one renewed with it goes on
        await using (var db = await services.DbAsync())
            Assert.Contains(await db.SignInAttempts.Where(a => a.UserId == userId).Select(a => a.Outcome).ToListAsync(),
                o => o == SignInOutcome.CredentialsChanged);

        Assert.False(await SignsInAsync(services, "demo.de.handler2", DemoNetwork.Password, DemoNetwork.SecurityCode));
        Assert.True(await SignsInAsync(services, "demo.de.handler2", NewPassword, DemoNetwork.SecurityCode));
    }

    [Fact]
    public async Task TheSecurityCode_ChangesOnlyWithThePasswordAndTheWholeCurrentCode_UnderTheFirstSignInRules()
    {
        await using var services = database.Services();
        var userId = await IdOfAsync(services, "demo.pt.handler");
        var profiles = services.Get<ProfileService>();
        var oldStamp = (await AccountAsync(services, userId)).SecurityStamp!;
        // One digit wrong, the last: the refusal does not say which.
        var almost = DemoNetwork.SecurityCode[..^1] + (DemoNetwork.SecurityCode[^1] == '0' ? '1' : '0');

        var wrongCode = await Assert.ThrowsAsync<DomainException>(() =>
            profiles.ChangeSecurityCodeAsync(userId, DemoNetwork.Password, almost, NewCode));
        Assert.Equal((Refusals.Profile.WrongSecurityCode, ProfileService.Fields.CurrentSecurityCode), (wrongCode.Code, wrongCode.Field));
        Assert.Equal(["count"], wrongCode.Args.Select(a => a.Name));
        var wrongPassword = await Assert.ThrowsAsync<DomainException>(() =>
            profiles.ChangeSecurityCodeAsync(userId, "Not-The-Password-1", DemoNetwork.SecurityCode, NewCode));
        Assert.Equal(ProfileService.Fields.CurrentPassword, wrongPassword.Field);
        Assert.Equal(2, (await AccountAsync(services, userId)).AccessFailedCount);

        foreach (var weak in new[] { "123456789012", "121212121212", "111122223333", "12345" })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                profiles.ChangeSecurityCodeAsync(userId, DemoNetwork.Password, DemoNetwork.SecurityCode, weak));
            Assert.Equal(ProfileService.Fields.NewSecurityCode, refused.Field);
        }
        var same = await Assert.ThrowsAsync<DomainException>(() =>
            profiles.ChangeSecurityCodeAsync(userId, DemoNetwork.Password, DemoNetwork.SecurityCode, DemoNetwork.SecurityCode));
        Assert.Equal(Refusals.Profile.SameSecurityCode, same.Code);
        Assert.Equal(oldStamp, (await AccountAsync(services, userId)).SecurityStamp);

        var newStamp = await profiles.ChangeSecurityCodeAsync(userId, DemoNetwork.Password, DemoNetwork.SecurityCode, NewCode);

        Assert.NotEqual(oldStamp, newStamp);
        Assert.False(await SessionWithStampIsValidAsync(services, userId, oldStamp));
        Assert.Equal(0, (await AccountAsync(services, userId)).AccessFailedCount);
        Assert.False(await SignsInAsync(services, "demo.pt.handler", DemoNetwork.Password, DemoNetwork.SecurityCode));
        Assert.True(await SignsInAsync(services, "demo.pt.handler", DemoNetwork.Password, NewCode));
    }

    [Fact]
    public async Task FiveWrongCurrentPasswords_LockTheAccount_AndEndThisSessionToo()
    {
        await using var services = database.Services();
        var userId = await IdOfAsync(services, "demo.fr.handler");
        var profiles = services.Get<ProfileService>();
        var stamp = (await AccountAsync(services, userId)).SecurityStamp!;

        for (var i = 1; i < SignInLockout.AttemptsPerLockout; i++)
            Assert.Equal(Refusals.Profile.WrongPassword,
                (await Assert.ThrowsAsync<DomainException>(() => profiles.ChangePasswordAsync(userId, "Wrong-Guess-" + i, NewPassword))).Code);
        var last = await Assert.ThrowsAsync<DomainException>(() => profiles.ChangePasswordAsync(userId, "Wrong-Guess-5", NewPassword));

        Assert.Equal(Refusals.Profile.LockedOut, last.Code);
        Assert.False(await SessionWithStampIsValidAsync(services, userId, stamp));
        // Locked: the right password changes nothing now, and signing in waits too.
        Assert.Equal(Refusals.Profile.LockedOut,
            (await Assert.ThrowsAsync<DomainException>(() => profiles.ChangePasswordAsync(userId, DemoNetwork.Password, NewPassword))).Code);
        Assert.False(await SignsInAsync(services, "demo.fr.handler", DemoNetwork.Password, DemoNetwork.SecurityCode));
        services.Clock.Advance(SignInLockout.FirstLockout + TimeSpan.FromMinutes(1));
        Assert.True(await SignsInAsync(services, "demo.fr.handler", DemoNetwork.Password, DemoNetwork.SecurityCode));
    }
}
