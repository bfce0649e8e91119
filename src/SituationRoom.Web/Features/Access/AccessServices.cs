using Microsoft.AspNetCore.DataProtection;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

/// <summary>Sign-in, roles and policies, ingestion keys, wall device tokens, limits and security headers.</summary>
public static class AccessServices
{
    private const string SelectScheme = "SituationRoom";

    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AccessOptions.Section);
        services.Configure<AccessOptions>(section);
        var limits = section.Get<AccessOptions>()?.Limits ?? new AccessLimits();
        var development = builder.Environment.IsDevelopment();

        // Sign-in cookies and wall device cookies are protected with these keys: kept beside the database, they
        // survive a restart, so a wall reconnecting to a restarted server is still signed in.
        var database = builder.Configuration.GetSection(SituationRoom.Web.Data.DatabaseOptions.Section).Get<SituationRoom.Web.Data.DatabaseOptions>()
            ?? new SituationRoom.Web.Data.DatabaseOptions();
        var keys = Path.Combine(Path.GetDirectoryName(database.FullPath(builder.Environment.ContentRootPath))!, "keys");
        services.AddDataProtection().SetApplicationName("SituationRoom").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddSingleton<Accounts>();
        services.AddSingleton<IngestionKeys>();
        services.AddSingleton<WallDevices>();
        services.AddSingleton<CircuitCounts>();
        services.AddSingleton<HubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        services.AddScoped<CircuitHandler, AccessCircuitHandler>();
        services.AddSingleton<IAuthorizationHandler, OpdScopeHandler>();
        services.AddSingleton<IAuthorizationHandler, SignedInHandler>();
        services.ConfigureDbContext<SituationDbContext>((_, o) => o.AddInterceptors(new AuditTrailInterceptor()));

        services.AddAuthentication(SelectScheme)
            // Ingestion endpoints take a key and nothing else; the situation hub also takes a device token as a bearer
            // (server-to-server consumers); every other route takes the person's or device's cookie.
            .AddPolicyScheme(SelectScheme, null, o => o.ForwardDefaultSelector = http =>
                http.GetEndpoint()?.Metadata.GetMetadata<IngestionEndpoint>() is not null ? IngestionKeyHandler.SchemeName
                : WallDeviceBearerHandler.Presents(http.Request) ? WallDeviceBearerHandler.SchemeName
                : Sessions.Scheme)
            .AddScheme<AuthenticationSchemeOptions, IngestionKeyHandler>(IngestionKeyHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, WallDeviceBearerHandler>(WallDeviceBearerHandler.SchemeName, null)
            .AddCookie(Sessions.Scheme, o =>
            {
                o.Cookie.Name = "sr.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = "/masuk";
                o.LogoutPath = "/keluar";
                o.ReturnUrlParameter = "returnUrl";
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
                o.Events.OnRedirectToLogin = context =>
                {
                    if (Refusals.WantsProblem(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = Refusals.ForbiddenAsync;
            });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(Sessions.Scheme)
            .Configure<IOptions<AccessOptions>>((o, access) => o.ExpireTimeSpan = access.Value.SessionLifetime);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInRequirement()).Build())
            .AddPolicy(AccessPolicies.SignedIn, p => p.RequireRole(AccessRoles.People))
            .AddPolicy(AccessPolicies.WallView, p => p.RequireRole([.. AccessRoles.People, AccessRoles.WallDisplay]))
            .AddPolicy(AccessPolicies.League, p => p.RequireRole(AccessRoles.People))
            .AddPolicy(AccessPolicies.ReadCity, p => p.RequireRole(AccessRoles.CityWide))
            .AddPolicy(AccessPolicies.Export, p => p.RequireRole(AccessRoles.Administrator, AccessRoles.Analyst))
            .AddPolicy(AccessPolicies.OpdInternals, p => p.RequireRole(AccessRoles.People).AddRequirements(new OpdScopeRequirement(act: false)))
            .AddPolicy(AccessPolicies.OpdAct, p => p.RequireRole(AccessRoles.Administrator, AccessRoles.OpdHead, AccessRoles.OpdStaff).AddRequirements(new OpdScopeRequirement(act: true)))
            .AddPolicy(AccessPolicies.Administer, p => p.RequireRole(AccessRoles.Administrator))
            .AddPolicy(AccessPolicies.Ingest, p => p.AddAuthenticationSchemes(IngestionKeyHandler.SchemeName).RequireRole(AccessRoles.IngestionClient));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(AccessRateLimits.Partition);
            o.OnRejected = AccessRateLimits.RejectedAsync;
        });

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes);
        services.Configure<HubOptions>(o => o.MaximumReceiveMessageSize = limits.MaxHubMessageBytes);
        services.PostConfigure<CircuitOptions>(o => o.DetailedErrors &= development);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>The Blazor hub's own message size limit (it does not take the global hub options).</summary>
    public static IServerSideBlazorBuilder AddAccessLimits(this IServerSideBlazorBuilder blazor, IConfiguration configuration)
    {
        var limits = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>()?.Limits ?? new AccessLimits();
        return blazor.AddHubOptions(o => o.MaximumReceiveMessageSize = limits.MaxHubMessageBytes);
    }

    /// <summary>Order matters: headers first (so every response has them, static files and refusals included), then
    /// plain-HTTP refusal for ingestion, who the caller is, the limits that depend on it, the device-token exchange,
    /// and only then what the caller may do.</summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        app.Use(SecurityHeaders.AddAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(Refusals.PlainHttpIngestionAsync);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.Use(CircuitCounts.CapAsync);
        app.Use(WallDevices.ExchangeAsync);
        app.UseAuthorization();
        return app;
    }

    /// <summary>The first administrator, and in Development the demo users, ingestion clients and wall device.</summary>
    public static async Task PrepareAccessAsync(this WebApplication app)
    {
        await AccessSeed.RunAsync(app.Services, app.Environment, app.Configuration);
    }
}

/// <summary>How refusals look: 401/403 problems for APIs, a redirect to /masuk or a short page for people.</summary>
internal static class Refusals
{
    public static bool WantsProblem(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || request.Path.StartsWithSegments("/hubs")
        || request.Path.StartsWithSegments("/_blazor")
        || request.Path.StartsWithSegments("/open311")
        || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static async Task ForbiddenAsync(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var user = http.User;
        var opd = OpdAccess.RouteOpd(http.Request.RouteValues);
        await Audit.RecordAsync(
            http.RequestServices.GetRequiredService<IDbContextFactory<SituationDbContext>>(),
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            Audit.Actor(user),
            AuditActions.AccessDenied,
            opd is null ? "route:" + http.Request.Path : "opd:" + opd,
            opd,
            $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString} as {user.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "-"}/{Sessions.OpdOf(user) ?? "-"}",
            Audit.Address(http));

        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (WantsProblem(http.Request))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Akses ditolak / Access denied",
                detail: "Peran atau OPD Anda tidak mengizinkan ini; penolakan ini dicatat. / Your role or OPD does not allow this; the refusal is recorded.").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Akses ditolak</title><link rel=\"stylesheet\" href=\"/app.css\"></head>"
            + "<body><main class=\"access-denied\"><h1>Akses ditolak</h1><p>Peran atau OPD Anda tidak mengizinkan halaman ini. Penolakan ini dicatat di jejak audit.</p>"
            + "<p lang=\"en\">Access denied: your role or OPD does not allow this page. The refusal is recorded in the audit trail.</p>"
            + "<p><a href=\"/\">Beranda / Home</a> · <a href=\"/scorecards\">Liga SMART / SMART league</a></p></main></body></html>");
    }

    /// <summary>Ingestion keys must never cross the network in clear: plain HTTP is refused, not redirected (a
    /// redirect would only teach a gateway to send the key twice).</summary>
    public static async Task PlainHttpIngestionAsync(HttpContext http, Func<Task> next)
    {
        if (!http.Request.IsHttps && http.GetEndpoint()?.Metadata.GetMetadata<IngestionEndpoint>() is not null)
        {
            var options = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
            var required = options.RequireHttpsForIngestion ?? !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
            if (required)
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "HTTPS diperlukan / HTTPS required",
                    detail: "Kirim ke alamat https:// yang sama; kunci ini sekarang harus dianggap bocor. / Send to the same https:// address; treat this key as leaked.").ExecuteAsync(http);
                return;
            }
        }

        await next();
    }
}

internal static class SecurityHeaders
{
    // Blazor Server needs no eval; scripts come only from the app itself. ApexCharts and Blazor set inline styles,
    // so styles allow 'unsafe-inline' (styles cannot run code). connect-src 'self' covers the circuit's WebSocket.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static Task AddAsync(HttpContext http, Func<Task> next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next();
    }
}

/// <summary>
/// Limits that lose nothing. A signed-in person or device and an authenticated ingestion client are never limited:
/// a gateway does not retry a 4xx, so a valid message must never get one (a store that cannot persist answers 503
/// with Retry-After instead, and the gateway does retry that). Anonymous traffic, and above all traffic presenting
/// a credential that did not authenticate, is limited per client address.
/// </summary>
internal static class AccessRateLimits
{
    public static RateLimitPartition<string> Partition(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/health"))
        {
            return RateLimitPartition.GetNoLimiter("open");
        }

        var limits = http.RequestServices.GetRequiredService<IOptionsMonitor<AccessOptions>>().CurrentValue.Limits;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (PresentsCredential(http))
        {
            return Fixed("invalid:" + address, limits.InvalidPerMinute);
        }

        return HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/masuk")
            ? Fixed("sign-in:" + address, limits.SignInPerMinute)
            : Fixed("anonymous:" + address, limits.AnonymousPerMinute);
    }

    /// <summary>Authentication has already run: a credential here is one that failed.</summary>
    private static bool PresentsCredential(HttpContext http) =>
        http.Request.Headers.ContainsKey(Complaints.IngestionAuth.HeaderName)
        || http.Request.Query.ContainsKey(Complaints.IngestionAuth.Open311Parameter)
        || http.Request.Query.ContainsKey(WallDevices.QueryParameter)
        || WallDeviceBearerHandler.Presents(http.Request)
        || http.GetEndpoint()?.Metadata.GetMetadata<IngestionEndpoint>() is not null;

    private static RateLimitPartition<string> Fixed(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public static async ValueTask RejectedAsync(Microsoft.AspNetCore.RateLimiting.OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
        response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Terlalu banyak permintaan / Too many requests",
            detail: $"Coba lagi dalam {retry} detik. / Try again in {retry} seconds.").ExecuteAsync(context.HttpContext);
    }
}
