namespace SituationRoom.Web.Features.Access;

/// <summary>The roles a person is given; stored as text on <see cref="Data.User.Role"/>.</summary>
public static class AccessRoles
{
    public const string Administrator = "Administrator";
    public const string Leadership = "Leadership";
    public const string Analyst = "Analyst";
    public const string OpdHead = "OpdHead";
    public const string OpdStaff = "OpdStaff";

    /// <summary>Not a person: a wall display signed in with a device token.</summary>
    public const string WallDisplay = "WallDisplay";

    /// <summary>Not a person: a system pushing data in with an ingestion key.</summary>
    public const string IngestionClient = "IngestionClient";

    public static readonly string[] People = [Administrator, Leadership, Analyst, OpdHead, OpdStaff];

    /// <summary>Roles that read every OPD's internals; the OPD roles read only their own.</summary>
    public static readonly string[] CityWide = [Administrator, Leadership, Analyst];

    public static readonly string[] Opd = [OpdHead, OpdStaff];

    public static bool IsPerson(string role) => People.Contains(role, StringComparer.Ordinal);

    public static bool NeedsOpd(string role) => Opd.Contains(role, StringComparer.Ordinal);
}

/// <summary>
/// Named policies: protecting a route is one line, <c>.RequireAuthorization(AccessPolicies.X)</c> on a route or group,
/// or <c>@attribute [Authorize(Policy = AccessPolicies.X)]</c> on a page. Anything unmarked falls to the fallback
/// policy (a signed-in person); public routes opt out with <c>AllowAnonymous</c>.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in person (the fallback). Wall displays and ingestion clients are not people.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>The wall's views and their live feeds: any person, or a wall display device.</summary>
    public const string WallView = "WallView";

    /// <summary>The city-wide league table and scores: every person, including OPD roles.</summary>
    public const string League = "League";

    /// <summary>City-wide analysis (trends, every OPD's internals at once): administrators, leadership, analysts.</summary>
    public const string ReadCity = "ReadCity";

    /// <summary>Exports (CSV): analysts and administrators.</summary>
    public const string Export = "Export";

    /// <summary>One OPD's internals, the OPD taken from the route ({opd}, {code} or {opdCode}): city-wide roles, or
    /// OPD head and staff of that OPD. A refusal is audited.</summary>
    public const string OpdInternals = "OpdInternals";

    /// <summary>Acting on one OPD's complaints (route OPD as above): administrators, or OPD head and staff of that OPD.</summary>
    public const string OpdAct = "OpdAct";

    /// <summary>Users, credentials, device tokens, manual indicators, the audit trail.</summary>
    public const string Administer = "Administer";

    /// <summary>A system with a valid ingestion key (X-Api-Key header, or api_key for Open311).</summary>
    public const string Ingest = "Ingest";

    /// <summary>Ingestion by the given kinds of client only (<see cref="IngestionClientKinds"/>).</summary>
    public static Microsoft.AspNetCore.Authorization.AuthorizationPolicy IngestFrom(params string[] kinds) =>
        new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IngestionKeyHandler.SchemeName)
            .RequireRole(AccessRoles.IngestionClient)
            .RequireClaim(AccessClaims.IngestionKind, kinds)
            .Build();
}

/// <summary>The claims a session carries; all of them are re-checked against the database on every request.</summary>
public static class AccessClaims
{
    public const string Opd = "sr:opd";
    public const string Stamp = "sr:stamp";
    public const string Kind = "sr:kind";
    public const string DisplayName = "sr:display";
    public const string IngestionKind = "sr:ingest-kind";

    public const string PersonKind = "person";
    public const string WallKind = "wall";
    public const string IngestionKindValue = "ingestion";
}
