using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace SituationRoom.Web.Features.Access;

/// <summary>
/// Whose internals a person may see and act on, decided from the session's role and OPD (issued at sign-in from the
/// database and re-checked against it on every request), never from anything the page sent.
/// </summary>
public static class OpdAccess
{
    /// <summary>Route values that name an OPD, in the routes that exist: /opd/{code}, /api/scorecards/{opd}, /trends/rapor/{opdCode}.</summary>
    public static readonly string[] RouteKeys = ["opd", "code", "opdCode"];

    /// <summary>City-wide roles see every OPD's internals; OPD head and staff only their own.</summary>
    public static bool MaySeeInternals(ClaimsPrincipal user, string? opdCode) => Allows(user, opdCode, act: false);

    /// <summary>Administrators act on any OPD's complaints; OPD head and staff on their own. Leadership and analysts read.</summary>
    public static bool MayAct(ClaimsPrincipal user, string? opdCode) => Allows(user, opdCode, act: true);

    public static string? RouteOpd(RouteValueDictionary values) =>
        RouteKeys.Select(k => values.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => v is { Length: > 0 });

    private static bool Allows(ClaimsPrincipal user, string? opdCode, bool act)
    {
        if (!Sessions.IsPerson(user))
        {
            return false;
        }

        if (user.IsInRole(AccessRoles.Administrator) || (!act && (user.IsInRole(AccessRoles.Leadership) || user.IsInRole(AccessRoles.Analyst))))
        {
            return true;
        }

        return (user.IsInRole(AccessRoles.OpdHead) || user.IsInRole(AccessRoles.OpdStaff))
            && opdCode is { Length: > 0 }
            && string.Equals(Sessions.OpdOf(user), opdCode, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The OPD in the route must be one the user may see (or act on).</summary>
public sealed class OpdScopeRequirement(bool act) : IAuthorizationRequirement
{
    public bool Act { get; } = act;
}

internal sealed class OpdScopeHandler : AuthorizationHandler<OpdScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OpdScopeRequirement requirement)
    {
        var opd = context.Resource switch
        {
            HttpContext http => OpdAccess.RouteOpd(http.Request.RouteValues),
            Microsoft.AspNetCore.Components.RouteData route => OpdAccess.RouteOpd(new RouteValueDictionary(route.RouteValues)),
            _ => null,
        };
        if (requirement.Act ? OpdAccess.MayAct(context.User, opd) : OpdAccess.MaySeeInternals(context.User, opd))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The fallback: a signed-in person. A wall display is let through only to the Blazor circuit's own hub; each
/// page it opens still needs <see cref="AccessPolicies.WallView"/>, so a device token opens nothing else.</summary>
public sealed class SignedInRequirement : IAuthorizationRequirement;

internal sealed class SignedInHandler : AuthorizationHandler<SignedInRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInRequirement requirement)
    {
        // The framework's own script (/_framework/blazor.web.js) is public code, mapped as an endpoint without metadata.
        var http = context.Resource as HttpContext;
        if (Sessions.IsPerson(context.User)
            || http?.Request.Path.StartsWithSegments("/_framework") == true
            || (Sessions.IsWall(context.User) && http?.Request.Path.StartsWithSegments("/_blazor") == true))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
