using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using Imi.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;

namespace Imi.Portal.Localization;

/// <summary>
/// The language of each request, and so of each circuit (a circuit keeps the culture of the request that
/// opened it): the language cookie (set by the switcher, and from the preferred language at sign-in),
/// else the browser's Accept-Language, else English. Changing language reloads the page through
/// <c>/language/{code}</c>, which also saves it as a signed-in user's preferred language.
/// </summary>
public static class LanguageSelection
{
    public const string CookieName = ".imi.language";

    public static IServiceCollection AddImiLocalization(this IServiceCollection services)
    {
        services.TryAddSingleton(TextCatalog.Shipped);
        services.TryAddSingleton<Texts>();
        services.AddTransient<MudBlazor.MudLocalizer, ImiMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = PortalLanguages.Codes.Select(PortalLanguages.CultureOf).Append(PortalLanguages.CultureOf(PortalLanguages.Pseudo)).Distinct().ToList();
            options.DefaultRequestCulture = new RequestCulture(PortalLanguages.CultureOf(PortalLanguages.Fallback));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = false;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new BrowserLanguageProvider(),
            ];
        });
        return services;
    }

    /// <summary>Writes the language cookie (a year, readable only by the server).</summary>
    public static void Remember(HttpResponse response, string code, bool secure)
    {
        var culture = PortalLanguages.CultureOf(code);
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = secure });
    }

    private const string ChosenCookieName = ".imi.language.chosen";

    /// <summary>The switcher was used before sign-in: at sign-in, that language becomes the preferred one.</summary>
    public static void RememberChosenBeforeSignIn(HttpResponse response, bool secure) =>
        response.Cookies.Append(ChosenCookieName, "1",
            new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = secure });

    /// <summary>The language chosen in the switcher before sign-in (the language cookie's), or null if none was chosen.</summary>
    public static string? ChosenBeforeSignIn(HttpRequest request) =>
        request.Cookies.ContainsKey(ChosenCookieName)
        && request.Cookies.TryGetValue(CookieName, out var value)
        && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed && parsed.UICultures.Count > 0
            ? PortalLanguages.CodeOf(parsed.UICultures[0].Value)
            : null;

    public static void ForgetChosenBeforeSignIn(HttpResponse response) => response.Cookies.Delete(ChosenCookieName);

    /// <summary>
    /// Accept-Language mapped onto the portal's languages ("nb" and "nn" read Norwegian, "pt-BR" Portuguese),
    /// in the browser's order of preference.
    /// </summary>
    private sealed class BrowserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
            var code = header
                .Where(l => l.Quality is null or > 0)
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => PortalLanguages.CodeOf(l.Value.Value))
                .FirstOrDefault(c => c is not null && c != PortalLanguages.Pseudo);
            if (code is null)
                return NullProviderCultureResult;
            var name = PortalLanguages.CultureOf(code).Name;
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(name, name));
        }
    }
}
