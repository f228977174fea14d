using System.Security.Claims;
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

public sealed record PendingState(Guid UserId, PendingStage Stage);

/// <summary>
/// The half-way state of a sign-in, between the password and the second step, kept in Identity's
/// short-lived, encrypted two-factor cookie. The positions asked are not here but on the account
/// (<see cref="Imi.Infrastructure.Identity.SignInService"/>): a new cookie cannot draw new ones.
/// </summary>
public static class PendingSignIn
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string StageClaim = "imi:stage";

    public static async Task StartAsync(HttpContext http, Guid userId, PendingStage stage)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, userId.ToString()),
            new(StageClaim, stage.ToString()),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.TwoFactorUserIdScheme));
        await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, principal,
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = DateTimeOffset.UtcNow + Lifetime });
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
        return new PendingState(userId, stage);
    }

    public static Task ClearAsync(HttpContext http) => http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
