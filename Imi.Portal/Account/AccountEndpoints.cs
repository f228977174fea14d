using System.Security.Claims;
using Imi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Imi.Portal.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        // A form post (with antiforgery) from the shell, or from the idle timer.
        account.MapPost("/sign-out", async (HttpContext http, SignInManager<Imi.Infrastructure.Identity.Account> signIn,
            SignInService service, [FromForm] string? reason) =>
        {
            if (Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                await service.RecordSignOutAsync(userId, http.Connection.RemoteIpAddress?.ToString());
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(reason == "idle" ? "/account/signed-out?idle=true" : "/account/signed-out");
        });

        // Renews the sliding session cookie while the user is active in the (long-lived) circuit.
        account.MapGet("/keep-alive", () => TypedResults.NoContent()).RequireAuthorization();
    }
}
