using System.Security.Claims;
using Imi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace Imi.Portal.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        // A form post from the shell, or from the idle timer. Antiforgery is checked by hand: a
        // session that has already expired (a laptop woken from sleep) still lands on the
        // signed-out page rather than on a bare 400.
        account.MapPost("/sign-out", async (HttpContext http, SignInManager<Imi.Infrastructure.Identity.Account> signIn,
            SignInService service, IAntiforgery antiforgery, ILogger<SignInService> logger) =>
        {
            var form = await http.Request.ReadFormAsync();
            var target = form["reason"] == "idle" ? "/account/signed-out?idle=true" : "/account/signed-out";
            if (!Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                return Results.LocalRedirect(target);
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                // Not a bare 400: a page with a fresh form asks the user to confirm.
                logger.LogWarning("Sign-out of user {UserId} without a valid antiforgery token; asking to confirm", userId);
                return Results.LocalRedirect("/account/confirm-sign-out");
            }
            // A new security stamp: this and every other session of the user ends (a copied cookie too).
            await service.SignOutAsync(userId, http.Connection.RemoteIpAddress?.ToString());
            await signIn.SignOutAsync();
            return Results.LocalRedirect(target);
        }).DisableAntiforgery();

        // Renews the sliding session cookie while the user is active in the (long-lived) circuit,
        // up to the session's absolute lifetime (SessionValidation).
        account.MapGet("/keep-alive", () => TypedResults.NoContent()).RequireAuthorization();
    }
}
