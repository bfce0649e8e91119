using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

/// <summary>
/// POST /keluar (sign out); the administrators' API under /api/admin (users, ingestion clients and keys, wall device
/// tokens, the audit trail); GET /api/complaints/{ticket}/reporter (the reporter's contact, unmasked only for the
/// officers who need it, and audited). Secrets are returned once, when made.
/// </summary>
public static class AccessApi
{
    private const string Invalid = "Permintaan tidak valid / Invalid request";

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/keluar", SignOutAsync).RequireAuthorization(AccessPolicies.WallView);

        var admin = app.MapGroup("/api/admin").WithTags("Access").RequireAuthorization(AccessPolicies.Administer);
        admin.MapGet("/users", UsersAsync);
        admin.MapPost("/users", CreateUserAsync);
        admin.MapPut("/users/{id:int}", UpdateUserAsync);
        admin.MapPost("/users/{id:int}/disable", DisableUserAsync);
        admin.MapPost("/users/{id:int}/enable", EnableUserAsync);
        admin.MapGet("/ingestion-clients", ClientsAsync);
        admin.MapPost("/ingestion-clients", CreateClientAsync);
        admin.MapPost("/ingestion-clients/{id:int}/rotate", RotateAsync);
        admin.MapPost("/ingestion-clients/{id:int}/keys/{keyId:int}/revoke", RevokeKeyAsync);
        admin.MapPost("/ingestion-clients/{id:int}/revoke", RevokeClientAsync);
        admin.MapGet("/wall-devices", DevicesAsync);
        admin.MapPost("/wall-devices", CreateDeviceAsync);
        admin.MapPost("/wall-devices/{id:int}/revoke", RevokeDeviceAsync);
        admin.MapGet("/audit", AuditAsync);

        app.MapGet("/api/complaints/{ticket}/reporter", ReporterAsync).WithTags("Access").RequireAuthorization(AccessPolicies.SignedIn);
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SituationDbContext db, TimeProvider clock)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Invalid, detail: "Token antiforgery tidak valid. / Invalid antiforgery token.");
        }

        Audit.Add(db, clock.GetUtcNow(), Audit.Actor(http.User), AuditActions.SignedOut, "user:" + Audit.Actor(http.User), Sessions.OpdOf(http.User), address: Audit.Address(http));
        await db.SaveChangesAsync();
        await http.SignOutAsync(Sessions.Scheme);
        return TypedResults.LocalRedirect("/masuk");
    }

    public sealed record UserView(int Id, string UserName, string DisplayName, string Role, string? OpdCode, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset? LastSignInAt);

    private static async Task<Ok<List<UserView>>> UsersAsync(SituationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AdminQueries.UsersAsync(db, cancellationToken));

    private static async Task<Results<Created<UserView>, ValidationProblem>> CreateUserAsync(AccountRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var (user, errors) = await accounts.CreateAsync(request, Audit.Actor(http.User), cancellationToken);
        return user is null ? TypedResults.ValidationProblem(errors, title: Invalid) : TypedResults.Created($"/api/admin/users/{user.Id}", View(user));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, NotFound>> UpdateUserAsync(int id, AccountRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var (user, errors) = await accounts.UpdateAsync(id, request, Audit.Actor(http.User), cancellationToken);
        return user is not null ? TypedResults.Ok(View(user)) : errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(errors, title: Invalid);
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, NotFound>> DisableUserAsync(int id, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var (user, errors) = await accounts.DisableAsync(id, Audit.Actor(http.User), cancellationToken);
        return user is not null ? TypedResults.Ok(View(user)) : errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(errors, title: Invalid);
    }

    private static async Task<Results<Ok<UserView>, NotFound>> EnableUserAsync(int id, HttpContext http, Accounts accounts, CancellationToken cancellationToken) =>
        await accounts.EnableAsync(id, Audit.Actor(http.User), cancellationToken) is { } user ? TypedResults.Ok(View(user)) : TypedResults.NotFound();

    public sealed record ClientRequest(string? Name, string? Kind);

    public sealed record KeyView(int Id, string KeyPrefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record ClientView(int Id, string Name, string Kind, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, IReadOnlyList<KeyView> Keys);

    private static async Task<Ok<List<ClientView>>> ClientsAsync(SituationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AdminQueries.ClientsAsync(db, cancellationToken));

    private static async Task<Results<Created<IssuedKey>, ValidationProblem>> CreateClientAsync(ClientRequest request, HttpContext http, IngestionKeys keys, CancellationToken cancellationToken)
    {
        var (key, errors) = await keys.CreateAsync(request.Name, request.Kind, Audit.Actor(http.User), cancellationToken);
        return key is null ? TypedResults.ValidationProblem(errors, title: Invalid) : TypedResults.Created($"/api/admin/ingestion-clients/{key.ClientId}", key);
    }

    private static async Task<Results<Ok<IssuedKey>, NotFound>> RotateAsync(int id, HttpContext http, IngestionKeys keys, CancellationToken cancellationToken) =>
        await keys.RotateAsync(id, Audit.Actor(http.User), cancellationToken) is { } key ? TypedResults.Ok(key) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RevokeKeyAsync(int id, int keyId, HttpContext http, IngestionKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeKeyAsync(id, keyId, Audit.Actor(http.User), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RevokeClientAsync(int id, HttpContext http, IngestionKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeClientAsync(id, Audit.Actor(http.User), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public sealed record DeviceRequest(string? Name);

    public sealed record DeviceView(int Id, string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

    private static async Task<Ok<List<DeviceView>>> DevicesAsync(SituationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AdminQueries.DevicesAsync(db, cancellationToken));

    private static async Task<Results<Created<IssuedDeviceToken>, ValidationProblem>> CreateDeviceAsync(DeviceRequest request, HttpContext http, WallDevices devices, CancellationToken cancellationToken)
    {
        var (token, errors) = await devices.CreateAsync(request.Name, Audit.Actor(http.User), cancellationToken);
        return token is null ? TypedResults.ValidationProblem(errors, title: Invalid) : TypedResults.Created($"/api/admin/wall-devices/{token.Id}", token);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeDeviceAsync(int id, HttpContext http, WallDevices devices, CancellationToken cancellationToken) =>
        await devices.RevokeAsync(id, Audit.Actor(http.User), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? OpdCode, string? Detail, string? Address);

    /// <summary>GET /api/admin/audit?action=&amp;actor=&amp;opd=&amp;before=ID&amp;take=100: newest first, paged by id.</summary>
    private static async Task<Ok<List<AuditView>>> AuditAsync(string? action, string? actor, string? opd, long? before, int? take, SituationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await AuditQueries.PageAsync(db, new AuditFilter(action, actor, opd, before), Math.Clamp(take ?? 100, 1, 1000), cancellationToken))
            .Select(a => new AuditView(a.Id, Utc(a.At), a.Actor, a.Action, a.Subject, a.OpdCode, a.Detail, a.Address)).ToList());

    public sealed record ReporterView(string Ticket, string? Phone, string? Name, bool Masked);

    /// <summary>The officers of the complaint's OPD (and administrators) see the reporter's number and name, and each
    /// look is audited; leadership and analysts see them masked; another OPD's officer is refused and audited.</summary>
    private static async Task<Results<Ok<ReporterView>, NotFound, ProblemHttpResult>> ReporterAsync(string ticket, HttpContext http, SituationDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var look = await ReporterContact.LookAsync(db, http.User, ticket, maskedForReaders: true, clock.GetUtcNow(), Audit.Address(http), cancellationToken);
        return look.Access switch
        {
            ReporterAccess.NotFound => TypedResults.NotFound(),
            ReporterAccess.Refused => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Akses ditolak / Access denied", detail: "Pengaduan ini milik OPD lain. / This complaint belongs to another OPD."),
            _ => TypedResults.Ok(new ReporterView(look.Ticket!, look.Phone, look.Name, look.Access == ReporterAccess.Masked)),
        };
    }

    internal static UserView View(User u) => new(u.Id, u.UserName, u.DisplayName, u.Role, u.OpdCode, u.DisabledAt is not null, Utc(u.LockedUntil), Utc(u.LastSignInAt));

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    internal static DateTimeOffset? Utc(DateTime? value) => value is null ? null : Utc(value.Value);
}

/// <summary>Names are personal data too: the first letter of each word, the rest hidden.</summary>
public static class NameMask
{
    public static string Mask(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "" : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1] + new string('*', Math.Max(3, w.Length - 1))));
}

/// <summary>The lists the admin API returns and the admin pages show: one query each, so both say the same.</summary>
public static class AdminQueries
{
    public static async Task<List<AccessApi.UserView>> UsersAsync(SituationDbContext db, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken)).Select(AccessApi.View).ToList();

    public static async Task<List<AccessApi.ClientView>> ClientsAsync(SituationDbContext db, CancellationToken cancellationToken) =>
        (await db.IngestionClients.AsNoTracking().Include(c => c.Credentials).OrderBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => new AccessApi.ClientView(
                c.Id, c.Name, c.Kind, AccessApi.Utc(c.CreatedAt), AccessApi.Utc(c.RevokedAt),
                c.Credentials.OrderBy(k => k.Id).Select(k => new AccessApi.KeyView(k.Id, k.KeyPrefix, AccessApi.Utc(k.CreatedAt), AccessApi.Utc(k.RevokedAt))).ToList()))
            .ToList();

    public static async Task<List<AccessApi.DeviceView>> DevicesAsync(SituationDbContext db, CancellationToken cancellationToken) =>
        (await db.WallDevices.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken))
            .Select(d => new AccessApi.DeviceView(d.Id, d.Name, AccessApi.Utc(d.CreatedAt), d.CreatedBy, AccessApi.Utc(d.RevokedAt))).ToList();
}

public sealed record AuditFilter(string? Action, string? Actor, string? OpdCode, long? Before);

public static class AuditQueries
{
    public static async Task<List<AuditEntry>> PageAsync(SituationDbContext db, AuditFilter filter, int take, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Action is { Length: > 0 } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.Actor is { Length: > 0 } actor)
        {
            query = query.Where(a => a.Actor == actor);
        }

        if (filter.OpdCode is { Length: > 0 } opd)
        {
            query = query.Where(a => a.OpdCode == opd);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        return await query.OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }
}
