using SituationRoom.Core.Devices;

namespace SituationRoom.Web.Features.Devices;

/// <summary>
/// One hour of one group of devices (kind, kecamatan, owning OPD): seconds up and seconds monitored, summed over
/// its devices. Derived from the intervals and replaced whole when recomputed, so it can never count twice.
/// </summary>
public sealed class DeviceHourlyRollup
{
    /// <summary>A UTC hour; WIB is UTC+7 exactly, so it is a WIB hour too.</summary>
    public DateTime HourStart { get; set; }

    public DeviceKind Kind { get; set; }

    public required string KecamatanCode { get; set; }

    public required string OpdCode { get; set; }

    public double UpSeconds { get; set; }

    public double MonitoredSeconds { get; set; }

    /// <summary>Devices with any monitored time in the hour.</summary>
    public int Devices { get; set; }
}

/// <summary>A device held one lifecycle from <see cref="From"/> until <see cref="To"/>; written only when it changes.</summary>
public sealed class DeviceLifecyclePeriod
{
    public long Id { get; set; }

    public required string DeviceId { get; set; }

    public DeviceLifecycle Lifecycle { get; set; }

    /// <summary>Why, e.g. the budget decision that switched a camera off.</summary>
    public string? Reference { get; set; }

    public DateTime From { get; set; }

    public DateTime? To { get; set; }

    public required string ChangedBy { get; set; }
}

/// <summary>Maintenance an administrator announced: excluded from uptime, and not "down now" while it lasts.</summary>
public sealed class DeviceMaintenanceWindow
{
    public long Id { get; set; }

    public MaintenanceScope Scope { get; set; }

    /// <summary>A device id, kecamatan code or OPD code, by <see cref="Scope"/>.</summary>
    public required string ScopeCode { get; set; }

    /// <summary>Only hotspots or only cameras; null for both.</summary>
    public DeviceKind? Kind { get; set; }

    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    public required string Reason { get; set; }

    public required string DeclaredBy { get; set; }

    public DateTime DeclaredAt { get; set; }

    /// <summary>A cancelled window is kept for the record and excludes nothing.</summary>
    public DateTime? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    public MaintenanceWindow ToWindow() => new(Scope, ScopeCode, Kind, new TimeWindow(Utc(Start), Utc(End)));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>An area incident as stored: written when it opens, each time its counts change, and when it closes.</summary>
public sealed class AreaIncidentRecord
{
    /// <summary>From area and start (<see cref="AreaIncident.IdFor"/>), so a replay after a restart finds the same row.</summary>
    public required string Id { get; set; }

    public AreaLevel Level { get; set; }

    public required string AreaCode { get; set; }

    public required string KecamatanCode { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public int DevicesDark { get; set; }

    public int DevicesAffected { get; set; }

    public int DevicesInArea { get; set; }

    public string? MergedInto { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One run of the server's monitoring, kept alive by the history writer. The gap between one run's last sign of
/// life and the next run's start is time nobody watched: it is left out of uptime rather than guessed.
/// </summary>
public sealed class DeviceMonitorRun
{
    public long Id { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime AliveAt { get; set; }

    public DateTime? StoppedAt { get; set; }
}
