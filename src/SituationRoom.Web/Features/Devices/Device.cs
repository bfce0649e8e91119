using SituationRoom.Core.Devices;

namespace SituationRoom.Web.Features.Devices;

/// <summary>A public Wi-Fi hotspot or a CCTV camera, with its place, owner, lifecycle and current status.</summary>
public sealed class Device
{
    /// <summary>The id feeds report under, e.g. WIFI-0001 or CCTV-00001.</summary>
    public required string Id { get; set; }

    public DeviceKind Kind { get; set; }

    public required string Name { get; set; }

    public required string KecamatanCode { get; set; }

    public string? KelurahanCode { get; set; }

    public required string OpdCode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DeviceLifecycle Lifecycle { get; set; }

    /// <summary>Why the lifecycle is what it is, e.g. the budget decision that switched a camera off.</summary>
    public string? LifecycleReference { get; set; }

    public DeviceStatus Status { get; set; }

    public DateTime StatusSince { get; set; }

    /// <summary>Server receive time of the last report; liveness never trusts the device's own clock.</summary>
    public DateTime? LastReportAt { get; set; }

    public int ReportIntervalSeconds { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>The device's own time on its newest report: orders its reports, never dates anything.</summary>
    public DateTime? LastReportedAt { get; set; }

    /// <summary>Clients connected at the last report (hotspots that send it).</summary>
    public int? LastClients { get; set; }

    /// <summary>Stream bitrate at the last report (cameras that send it).</summary>
    public double? LastBitrateKbps { get; set; }
}

/// <summary>A device held one status from <see cref="From"/> until <see cref="To"/> (null: still holds it).</summary>
public sealed class DeviceStatusInterval
{
    public long Id { get; set; }

    public required string DeviceId { get; set; }

    public DeviceStatus Status { get; set; }

    public DateTime From { get; set; }

    public DateTime? To { get; set; }
}
