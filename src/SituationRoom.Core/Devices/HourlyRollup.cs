namespace SituationRoom.Core.Devices;

/// <summary>One device's UTC hour; WIB is UTC+7 exactly, so it is also a WIB hour.</summary>
public sealed record HourlyRollup(DateTimeOffset HourStart, TimeSpan Up, TimeSpan Monitored)
{
    public UptimeResult ToUptime() => new(Up, Monitored);
}
