using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace SituationRoom.Web.Components;

/// <summary>Bahasa Indonesia first, English on request; the choice is kept in a cookie so the Blazor circuit sees it too.</summary>
public static class Localization
{
    public static readonly CultureInfo[] Supported = [new("id-ID"), new("en-US")];

    public static IServiceCollection AddSituationLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>GET /culture/{lang}?returnUrl=...: remembers the language and goes back to a local page.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{lang}", (string lang, string? returnUrl, HttpContext http) =>
        {
            var culture = Supported.FirstOrDefault(c => c.TwoLetterISOLanguageName == lang);
            if (culture is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Bahasa tidak dikenal / Unknown language",
                    detail: "Gunakan 'id' atau 'en' / Use 'id' or 'en'.");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var local = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
            return Results.LocalRedirect(local ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }
}
