namespace SituationRoom.Web.Features.Access;

/// <summary>A system that pushes data in: the SMS gateway, a hotspot controller, the camera management system.</summary>
public sealed class IngestionClient
{
    public int Id { get; set; }

    /// <summary>Unique; message ids are unique per client, so the name must never be reused for another system.</summary>
    public required string Name { get; set; }

    /// <summary>One of <see cref="IngestionClientKinds"/>.</summary>
    public required string Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public List<IngestionCredential> Credentials { get; set; } = [];
}

/// <summary>One key of a client. Only its SHA-256 is kept; two can be valid at once while a client rotates.</summary>
public sealed class IngestionCredential
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The key's first characters, so an operator can tell which key a gateway holds.</summary>
    public required string KeyPrefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

public static class IngestionClientKinds
{
    public const string SmsGateway = "SmsGateway";
    public const string HotspotController = "HotspotController";
    public const string CameraSystem = "CameraSystem";

    /// <summary>Call centre, app back ends and Open311 clients filing complaints.</summary>
    public const string ComplaintSource = "ComplaintSource";

    public static readonly string[] All = [SmsGateway, HotspotController, CameraSystem, ComplaintSource];
}

/// <summary>A wall display: an administrator makes a token, the display opens /wall?device=TOKEN once and keeps a cookie.</summary>
public sealed class WallDevice
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token; the token itself is shown once, when made.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>One line of the audit trail: who did what to which thing, and when. Append-only (database triggers).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The user name, device or client; "system" for the app itself.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: "user:budi", "complaint:LH-2026-000123", "opd:DPU".</summary>
    public required string Subject { get; set; }

    /// <summary>The OPD the subject belongs to, when it belongs to one.</summary>
    public string? OpdCode { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client address of the request, when there was one.</summary>
    public string? Address { get; set; }
}

public static class AuditActions
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignedOut";
    public const string AccessDenied = "AccessDenied";
    public const string UserCreated = "UserCreated";
    public const string UserChanged = "UserChanged";
    public const string UserDisabled = "UserDisabled";
    public const string UserEnabled = "UserEnabled";
    public const string PasswordReset = "PasswordReset";
    public const string ClientCreated = "IngestionClientCreated";
    public const string CredentialRotated = "IngestionKeyRotated";
    public const string CredentialRevoked = "IngestionKeyRevoked";
    public const string ClientRevoked = "IngestionClientRevoked";
    public const string WallDeviceCreated = "WallDeviceCreated";
    public const string WallDeviceRevoked = "WallDeviceRevoked";
    public const string WallDeviceSignedIn = "WallDeviceSignedIn";
    public const string ComplaintTransition = "ComplaintTransition";
    public const string ManualIndicator = "ManualIndicator";
    public const string ReporterViewed = "ReporterViewed";
    public const string DeviceRegistered = "DeviceRegistered";
    public const string DeviceChanged = "DeviceChanged";
    public const string DeviceLifecycleChanged = "DeviceLifecycleChanged";
    public const string MaintenanceDeclared = "MaintenanceDeclared";
    public const string MaintenanceCancelled = "MaintenanceCancelled";
    public const string ComplaintReopenRefused = "ComplaintReopenRefused";
}
