using System.Security.Claims;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Users;
using Imi.Portal.Components.Account;

namespace Imi.Portal.Localization;

/// <summary>
/// <c>GET /language?code=de&amp;returnUrl=/search</c>: the language switcher's form. Remembers the choice in the
/// language cookie and, for a signed-in user, as their preferred language; then reloads the page in it.
/// </summary>
public static class LanguageEndpoints
{
    public static void MapLanguageEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/language", async (string? code, string? returnUrl, HttpContext http, ProfileService profiles, IHostEnvironment environment) =>
        {
            var chosen = PortalLanguages.CodeOf(code);
            // The pseudo-language is for tests and translators' checks, not offered in production.
            if (chosen is not null && (chosen != PortalLanguages.Pseudo || environment.IsDevelopment()))
            {
                LanguageSelection.Remember(http.Response, chosen, http.Request.IsHttps);
                if (chosen != PortalLanguages.Pseudo && http.User.Identity?.IsAuthenticated == true
                    && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                    await profiles.ChoosePreferredLanguageAsync(userId, chosen);
                else if (chosen != PortalLanguages.Pseudo)
                    LanguageSelection.RememberChosenBeforeSignIn(http.Response, http.Request.IsHttps);
            }
            return Results.LocalRedirect(SignIn.SafeReturnUrl(returnUrl));
        });

    /// <summary>
    /// At sign-in: the portal speaks the user's preferred language from now on; but a language the person
    /// chose in the switcher on the sign-in pages is their choice, and becomes their preferred language.
    /// </summary>
    public static async Task RememberPreferredLanguageAsync(HttpContext http, ProfileService profiles, Guid userId)
    {
        var chosenBeforeSignIn = LanguageSelection.ChosenBeforeSignIn(http.Request);
        if (chosenBeforeSignIn is not null && chosenBeforeSignIn != PortalLanguages.Pseudo)
        {
            await profiles.ChoosePreferredLanguageAsync(userId, chosenBeforeSignIn);
            LanguageSelection.ForgetChosenBeforeSignIn(http.Response);
        }
        else if (await profiles.PreferredLanguageAsync(userId) is { } preferred && PortalLanguages.IsSupported(preferred))
            LanguageSelection.Remember(http.Response, preferred, http.Request.IsHttps);
    }
}
