namespace SituationRoom.Core.Devices;

/// <summary>
/// What liveness knows of one device: the status recorded in its history since <see cref="Since"/>, the server
/// time of its last report, and a candidate status that reports suggest but that is not yet recorded.
/// </summary>
public sealed record DeviceLiveState(
    DeviceStatus Status,
    DateTimeOffset Since,
    DateTimeOffset LastReportAt,
    DeviceStatus? PendingStatus = null,
    int PendingCount = 0,
    DateTimeOffset? PendingSince = null)
{
    /// <summary>
    /// A device's first state: from its first report, or <see cref="DeviceStatus.Offline"/> at registration
    /// when a registered device that has never reported should count as dark.
    /// </summary>
    public static DeviceLiveState Start(DeviceStatus status, DateTimeOffset at) => new(status, at, at);

    internal DeviceLiveState WithoutPending() => this with { PendingStatus = null, PendingCount = 0, PendingSince = null };
}
