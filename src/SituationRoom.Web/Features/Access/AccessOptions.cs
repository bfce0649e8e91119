namespace SituationRoom.Web.Features.Access;

/// <summary>The "Access" section: sign-in, the first administrator, device tokens and the limits.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Created at first run when no administrator exists. Outside Development the password must be given
    /// (e.g. Access__Bootstrap__Password in the environment); there is no default.</summary>
    public BootstrapAdministrator Bootstrap { get; set; } = new();

    /// <summary>Development only: seed one demo user per role with the documented passwords (docs/access.md).</summary>
    public bool SeedDemoUsers { get; set; } = true;

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int LockoutFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a person's sign-in lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How long a wall display's cookie lasts; revoking its token ends it at once.</summary>
    public TimeSpan WallSessionLifetime { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often a live circuit re-checks that its user or device is still allowed.</summary>
    public TimeSpan CircuitRevalidation { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long ingestion keys are cached before the database is read again (another instance may have revoked one).</summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Refuse plain HTTP to ingestion endpoints; unset means "outside Development". Behind a TLS-terminating
    /// proxy, enable forwarded headers so the request is seen as HTTPS.</summary>
    public bool? RequireHttpsForIngestion { get; set; }

    /// <summary>Development only: a wall device with this token is seeded (docs/access.md).</summary>
    public string? DevelopmentWallToken { get; set; }

    public AccessLimits Limits { get; set; } = new();
}

public sealed class BootstrapAdministrator
{
    public string UserName { get; set; } = "admin";

    public string DisplayName { get; set; } = "Administrator";

    public string? Password { get; set; }
}

/// <summary>
/// Limits that lose nothing: signed-in people and authenticated ingestion clients are never rate-limited (gateways
/// do not retry a 4xx); anonymous and invalid traffic is, per client address.
/// </summary>
public sealed class AccessLimits
{
    /// <summary>Anonymous requests per address per minute (pages, static files, public reads; /health is exempt).</summary>
    public int AnonymousPerMinute { get; set; } = 300;

    /// <summary>Requests per address per minute that present a credential which is not valid (ingestion key, device token).</summary>
    public int InvalidPerMinute { get; set; } = 10;

    /// <summary>Sign-in form posts per address per minute, whatever their outcome (lockout also applies per user).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Any request body; the manual-indicator form's evidence file (10 MB) is the largest the app takes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 12 * 1024 * 1024;

    /// <summary>Ingestion endpoints: one message or one batch of device reports.</summary>
    public long MaxIngestionBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>SignalR (Blazor circuits and hubs): one message from a browser.</summary>
    public long MaxHubMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Connected circuits one user or device may hold at once (tabs, windows).</summary>
    public int CircuitsPerUser { get; set; } = 12;
}
