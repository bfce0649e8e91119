namespace SituationRoom.Core.Devices;

/// <summary>A device's recorded status, its last report (server time), and a status reports suggest but not yet recorded.</summary>
public sealed record DeviceLiveState(
    DeviceStatus Status,
    DateTimeOffset Since,
    DateTimeOffset LastReportAt,
    DeviceStatus? PendingStatus = null,
    int PendingCount = 0,
    DateTimeOffset? PendingSince = null)
{
    /// <summary>From the first report, or Offline at registration if a device that never reports should count as dark.</summary>
    public static DeviceLiveState Start(DeviceStatus status, DateTimeOffset at) => new(status, at, at);

    internal DeviceLiveState WithoutPending() =>
        PendingStatus is null && PendingCount == 0 && PendingSince is null ? this : this with { PendingStatus = null, PendingCount = 0, PendingSince = null };
}
