using System.Security.Claims;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Imi.Portal.Account;

/// <summary>
/// Checks the session cookie on every request, not every 30 minutes as Identity does by default:
/// its security stamp must still be the account's (sign-out, a lockout, a reset, a new password,
/// code, roles or username change it), and the session must be younger than
/// <see cref="SecurityOptions.SessionLifetime"/> however often it was renewed. A copied cookie
/// is then worth nothing once its owner signs out.
/// </summary>
public static class SessionValidation
{
    private const string StartedItem = "imi.session-started";

    /// <summary>Notes when the session began; renewals keep the note.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(StartedItem))
            context.Properties.Items[StartedItem] = Clock(context.HttpContext).GetUtcNow().ToUnixTimeSeconds().ToString();
        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<SecurityOptions>>().Value.SessionLifetime;
        var now = Clock(context.HttpContext).GetUtcNow();
        if (!context.Properties.Items.TryGetValue(StartedItem, out var started)
            || !long.TryParse(started, out var seconds)
            || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > lifetime
            || !await StampIsCurrentAsync(context.Principal, services, now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>One indexed read: the account's stamp and lock state.</summary>
    public static async Task<bool> StampIsCurrentAsync(ClaimsPrincipal? principal, IServiceProvider services, DateTimeOffset now)
    {
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || principal.FindFirstValue(stampClaim) is not { } stamp)
            return false;
        await using var db = await services.GetRequiredService<IDbContextFactory<ImiDbContext>>().CreateDbContextAsync();
        // Three columns, not the account: this runs on every request, and the row carries ~7 KB of security-code hashes.
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == userId)
            .Select(a => new { a.SecurityStamp, a.AccessFailedCount, a.LockoutEnd }).SingleOrDefaultAsync();
        return account is not null && account.SecurityStamp == stamp
               && !SignInLockout.IsLockedOut(account.AccessFailedCount, account.LockoutEnd, now);
    }

    private static TimeProvider Clock(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>();
}
