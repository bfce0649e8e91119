namespace SituationRoom.Core.Devices;

/// <summary>
/// Time up and time monitored for one device within one UTC hour starting at <see cref="HourStart"/>.
/// WIB is UTC+7 exactly, so a UTC hour is also a WIB hour.
/// </summary>
public sealed record HourlyRollup(DateTimeOffset HourStart, TimeSpan Up, TimeSpan Monitored)
{
    public UptimeResult ToUptime() => new(Up, Monitored);
}
