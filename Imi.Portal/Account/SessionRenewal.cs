using Imi.Infrastructure.Identity;
using Imi.Portal.Components.Account;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Imi.Portal.Account;

/// <summary>
/// After a new password or security code on "My profile" (in a circuit, which cannot set a cookie), the account has
/// a new security stamp and every session of the user has ended, the one that made the change too. This gives that
/// one browser a new session cookie: the circuit navigates to <c>/account/renew-session</c> with a ticket that names
/// the user and the new stamp, is encrypted and signed by the portal, lasts a minute, and works once (using it takes
/// another new stamp, so a copy of the address, e.g. from a log, opens nothing).
/// </summary>
public sealed class SessionRenewal(IDataProtectionProvider protection)
{
    public const string Path = "/account/renew-session";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Imi.Portal.Account.SessionRenewal").ToTimeLimitedDataProtector();

    /// <summary>The address that renews the session of <paramref name="userId"/>, whose account now has <paramref name="stamp"/>.</summary>
    public string Url(Guid userId, string stamp, string returnUrl) =>
        $"{Path.TrimStart('/')}?ticket={Uri.EscapeDataString(_protector.Protect($"{userId:N}|{stamp}", Lifetime))}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public bool TryRead(string? ticket, out Guid userId, out string stamp)
    {
        userId = Guid.Empty;
        stamp = "";
        if (string.IsNullOrEmpty(ticket))
            return false;
        try
        {
            var parts = _protector.Unprotect(ticket).Split('|');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out userId))
                return false;
            stamp = parts[1];
            return stamp.Length > 0;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // forged, expired, or from another key ring
        }
    }

    public static void MapSessionRenewal(IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (string? ticket, string? returnUrl, SessionRenewal renewal, SignInManager<Imi.Infrastructure.Identity.Account> signIn,
            TimeProvider clock, ILogger<SessionRenewal> logger) =>
        {
            if (!renewal.TryRead(ticket, out var userId, out var stamp)
                || await signIn.UserManager.FindByIdAsync(userId.ToString()) is not { } account
                || account.SecurityStamp != stamp
                || SignInLockout.IsLockedOut(account, clock.GetUtcNow()))
            {
                logger.LogWarning("A session renewal ticket was refused (expired, used or forged)");
                return Results.LocalRedirect($"/account/sign-in?returnUrl={Uri.EscapeDataString(SignIn.SafeReturnUrl(returnUrl))}");
            }
            // Once only: a new stamp (the row's concurrency stamp makes a parallel second use fail here).
            if (!(await signIn.UserManager.UpdateSecurityStampAsync(account)).Succeeded)
                return Results.LocalRedirect("/account/sign-in");
            await signIn.SignInAsync(account, isPersistent: false);
            return Results.LocalRedirect(SignIn.SafeReturnUrl(returnUrl));
        });
}
