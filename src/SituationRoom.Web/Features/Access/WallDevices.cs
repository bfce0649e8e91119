using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Access;

/// <summary>A new device token: shown once.</summary>
public sealed record IssuedDeviceToken(int Id, string Name, string Token, string Url);

/// <summary>
/// Wall displays: an administrator makes a token, the display opens /wall?device=TOKEN once, gets a long-lived
/// cookie (read-only: the WallView policy) and is sent on without the token in its address bar. The token is kept
/// only as a hash; revoking it ends the display's session on its next request and its live circuit within
/// <see cref="AccessOptions.CircuitRevalidation"/>.
/// </summary>
public sealed class WallDevices(IDbContextFactory<SituationDbContext> factory, TimeProvider clock)
{
    public const string QueryParameter = "device";
    public const string TokenPrefix = "srw_";

    public async Task<(IssuedDeviceToken? Token, Dictionary<string, string[]> Errors)> CreateAsync(string? name, string actor, CancellationToken cancellationToken, string? knownToken = null)
    {
        var errors = new Dictionary<string, string[]>();
        var clean = name?.Trim() ?? "";
        if (clean.Length is < 1 or > 120)
        {
            errors["name"] = ["Beri nama layar (maks. 120 karakter), mis. \"Ruang Situasi, layar utama\". / Name the display (at most 120 characters)."];
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var token = knownToken ?? Secrets.NewKey(TokenPrefix);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var device = new WallDevice { Name = clean, TokenHash = Secrets.Hash(token), CreatedAt = now.UtcDateTime, CreatedBy = actor };
        db.WallDevices.Add(device);
        Audit.Add(db, now, actor, AuditActions.WallDeviceCreated, "wall-device:" + clean);
        await db.SaveChangesAsync(cancellationToken);
        return (new IssuedDeviceToken(device.Id, device.Name, token, $"/wall?{QueryParameter}={Uri.EscapeDataString(token)}"), errors);
    }

    public async Task<bool> RevokeAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var device = await db.WallDevices.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (device is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        device.RevokedAt ??= now.UtcDateTime;
        Audit.Add(db, now, actor, AuditActions.WallDeviceRevoked, "wall-device:" + device.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The exchange: GET /wall…?device=TOKEN signs the display in and redirects to the same address without the token.</summary>
    public static async Task ExchangeAsync(HttpContext http, Func<Task> next)
    {
        if (!HttpMethods.IsGet(http.Request.Method)
            || !http.Request.Path.StartsWithSegments("/wall")
            || http.Request.Query[QueryParameter].ToString() is not { Length: > 0 } token)
        {
            await next();
            return;
        }

        var db = http.RequestServices.GetRequiredService<SituationDbContext>();
        var hash = Secrets.Hash(token);
        var device = await db.WallDevices.FirstOrDefaultAsync(d => d.TokenHash == hash && d.RevokedAt == null, http.RequestAborted);
        if (device is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "Token perangkat tidak dikenal atau sudah dicabut. Minta token baru kepada administrator.\n"
                + "Unknown or revoked device token. Ask an administrator for a new one.\n");
            return;
        }

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.WallSessionLifetime;
        await http.SignInAsync(Sessions.Scheme, Sessions.Wall(device), new AuthenticationProperties { IsPersistent = true, ExpiresUtc = now + lifetime, AllowRefresh = true });
        Audit.Add(db, now, "wall:" + device.Name, AuditActions.WallDeviceSignedIn, "wall-device:" + device.Name, address: Audit.Address(http));
        await db.SaveChangesAsync(http.RequestAborted);

        var query = new QueryBuilder(http.Request.Query.Where(q => q.Key != QueryParameter).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        http.Response.Redirect(http.Request.PathBase + http.Request.Path + query.ToQueryString());
    }
}

/// <summary>
/// The "WallDeviceBearer" scheme: a server-to-server consumer of <see cref="SituationHub"/> (a province room's back end)
/// presents the same revocable, read-only device token a display exchanges at /wall, as <c>Authorization: Bearer TOKEN</c>,
/// or as <c>access_token=TOKEN</c> in the query, the only way a browser's WebSocket or server-sent events can carry it.
/// Only requests to the hub select this scheme, so the token opens nothing else; no cookie is issued; every request is
/// checked against the store, so a revoked token is refused at once, and <see cref="HubSessions"/> closes a connection
/// already open within <see cref="AccessOptions.CircuitRevalidation"/>.
/// </summary>
public sealed class WallDeviceBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<SituationDbContext> factory,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "WallDeviceBearer";
    public const string QueryParameter = "access_token";

    /// <summary>A request to the situation hub carrying a device token: the only requests this scheme handles.</summary>
    public static bool Presents(HttpRequest request) => request.Path.StartsWithSegments(SituationHub.Path) && Token(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Token(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var hash = Secrets.Hash(token);
        var device = await db.WallDevices.AsNoTracking().FirstOrDefaultAsync(d => d.TokenHash == hash && d.RevokedAt == null, Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked device token.");
        }

        // One audit line per connection, like a display's sign-in, not one per long-polling request.
        if (Request.Path.StartsWithSegments(SituationHub.Path + "/negotiate"))
        {
            Audit.Add(db, clock.GetUtcNow(), "wall:" + device.Name, AuditActions.WallDeviceSignedIn, "wall-device:" + device.Name, detail: "bearer token, " + SituationHub.Path, address: Audit.Address(Context));
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(Sessions.Wall(device, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Token perangkat tidak dikenal atau sudah dicabut / Unknown or revoked device token",
            detail: "Minta token perangkat baru kepada administrator (/admin/walls). / Ask an administrator for a new device token (/admin/walls).").ExecuteAsync(Context);
    }

    private static string? Token(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header["Bearer ".Length..].Trim() is { Length: > 0 } bearer)
        {
            return bearer;
        }

        return request.Query[QueryParameter].ToString() is { Length: > 0 } query ? query : null;
    }
}
