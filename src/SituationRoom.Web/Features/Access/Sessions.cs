using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

/// <summary>What a session carries, and the check that it is still true: made at sign-in, re-checked against the
/// database on every request and periodically on every live circuit.</summary>
public static class Sessions
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static ClaimsPrincipal Person(User user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(AccessClaims.Kind, AccessClaims.PersonKind),
            new Claim(AccessClaims.Stamp, user.SecurityStamp),
            new Claim(AccessClaims.DisplayName, user.DisplayName),
            .. user.OpdCode is null ? Array.Empty<Claim>() : [new Claim(AccessClaims.Opd, user.OpdCode)],
        ],
        Scheme));

    /// <param name="scheme">The cookie for a display; <see cref="WallDeviceBearerHandler.SchemeName"/> for a hub consumer presenting the token.</param>
    public static ClaimsPrincipal Wall(WallDevice device, string scheme = Scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, "wall:" + device.Name),
            new Claim(ClaimTypes.Role, AccessRoles.WallDisplay),
            new Claim(AccessClaims.Kind, AccessClaims.WallKind),
            new Claim(AccessClaims.Stamp, device.TokenHash[..16]),
            new Claim(AccessClaims.DisplayName, device.Name),
        ],
        scheme));

    public static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static bool IsPerson(ClaimsPrincipal user) => user.FindFirstValue(AccessClaims.Kind) == AccessClaims.PersonKind;

    public static bool IsWall(ClaimsPrincipal user) => user.FindFirstValue(AccessClaims.Kind) == AccessClaims.WallKind;

    public static string? OpdOf(ClaimsPrincipal user) => user.FindFirstValue(AccessClaims.Opd);

    /// <summary>A key per user or device, for counting its circuits.</summary>
    public static string? Key(ClaimsPrincipal user) =>
        user.FindFirstValue(AccessClaims.Kind) is { } kind && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? kind + ":" + id : null;

    /// <summary>True while the account or device still exists, is not disabled or revoked, and has the role, OPD and
    /// stamp the session was issued with. Any change to those ends every session at once.</summary>
    public static async Task<bool> IsCurrentAsync(SituationDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return false;
        }

        var stamp = user.FindFirstValue(AccessClaims.Stamp);
        if (IsPerson(user))
        {
            var row = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.DisabledAt, u.Role, u.OpdCode }).FirstOrDefaultAsync(cancellationToken);
            return row is not null
                && row.DisabledAt is null
                && row.SecurityStamp.Length > 0
                && row.SecurityStamp == stamp
                && row.Role == user.FindFirstValue(ClaimTypes.Role)
                && row.OpdCode == OpdOf(user);
        }

        if (IsWall(user))
        {
            var device = await db.WallDevices.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.TokenHash, d.RevokedAt }).FirstOrDefaultAsync(cancellationToken);
            return device is not null && device.RevokedAt is null && device.TokenHash[..16] == stamp;
        }

        return false;
    }

    /// <summary>The cookie handler's per-request check.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } user)
        {
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<SituationDbContext>();
        if (!await IsCurrentAsync(db, user, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
