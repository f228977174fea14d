using System.Security.Claims;
using Imi.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Imi.Portal.Account;

public enum PendingStage
{
    /// <summary>Password accepted; three digits of the security code asked.</summary>
    SecurityCode,
    /// <summary>Temporary password accepted; a new password and security code to choose.</summary>
    SetCredentials,
}

public sealed record PendingState(Guid UserId, PendingStage Stage, SecurityCodeChallenge? Challenge);

/// <summary>
/// The half-way state of a sign-in, between the password and the second step, kept in Identity's
/// short-lived, encrypted two-factor cookie. The digits asked are chosen here, on the server, and
/// chosen anew at each attempt.
/// </summary>
public static class PendingSignIn
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string StageClaim = "imi:stage";
    private const string ChallengeClaim = "imi:challenge";

    public static async Task<SecurityCodeChallenge?> StartAsync(HttpContext http, Guid userId, PendingStage stage)
    {
        var challenge = stage == PendingStage.SecurityCode ? SecurityCode.RandomChallenge(Random.Shared) : null;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, userId.ToString()),
            new(StageClaim, stage.ToString()),
        };
        if (challenge is not null)
            claims.Add(new Claim(ChallengeClaim, challenge.Index.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.TwoFactorUserIdScheme));
        await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, principal,
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = DateTimeOffset.UtcNow + Lifetime });
        return challenge;
    }

    public static async Task<PendingState?> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!result.Succeeded || result.Principal is null)
            return null;
        var principal = result.Principal;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.Name), out var userId)
            || !Enum.TryParse<PendingStage>(principal.FindFirstValue(StageClaim), out var stage))
            return null;
        SecurityCodeChallenge? challenge = null;
        if (int.TryParse(principal.FindFirstValue(ChallengeClaim), out var index) && index >= 0 && index < SecurityCode.AllChallenges.Count)
            challenge = SecurityCode.AllChallenges[index];
        return new PendingState(userId, stage, challenge);
    }

    public static Task ClearAsync(HttpContext http) => http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
