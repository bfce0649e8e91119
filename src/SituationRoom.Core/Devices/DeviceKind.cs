namespace SituationRoom.Core.Devices;

public enum DeviceKind
{
    Hotspot,
    Camera,
}

/// <summary>What a device last reported, or what liveness concluded from its silence.</summary>
/// <remarks>
/// Hotspots report up/down; cameras online/offline/degraded/no_frames/frozen. A camera that answers a
/// ping but sends no frames, or a frozen image, is not online: only <see cref="Online"/> and
/// <see cref="Degraded"/> count as up.
/// </remarks>
public enum DeviceStatus
{
    Online,
    Degraded,
    NoFrames,
    Frozen,
    Offline,
}

/// <summary>Whether a device is expected to be working at all. Only active devices count against uptime.</summary>
public enum DeviceLifecycle
{
    Active,
    Maintenance,
    /// <summary>Switched off by decision (e.g. a budget decision); neither down nor decommissioned.</summary>
    SwitchedOff,
    Decommissioned,
}

public static class DeviceStatuses
{
    public static bool IsUp(this DeviceStatus status) => status is DeviceStatus.Online or DeviceStatus.Degraded;
}
