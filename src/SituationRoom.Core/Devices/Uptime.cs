namespace SituationRoom.Core.Devices;

/// <summary>A half-open span of time [Start, End).</summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.Zero;
}

/// <summary>A device held one status from <see cref="From"/> until <see cref="To"/> (null: still holds it).</summary>
public sealed record StatusInterval(DeviceStatus Status, DateTimeOffset From, DateTimeOffset? To);

/// <summary>Time up out of time monitored. Sums across devices, so a kecamatan or the city is the sum of its devices.</summary>
public readonly record struct UptimeResult(TimeSpan Up, TimeSpan Monitored)
{
    public static readonly UptimeResult None = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Up / monitored, or null when nothing was monitored (never a silent 0 or 100%).</summary>
    public double? Ratio => Monitored > TimeSpan.Zero ? Up / Monitored : null;

    public static UptimeResult operator +(UptimeResult a, UptimeResult b) => new(a.Up + b.Up, a.Monitored + b.Monitored);
}

public static class Uptime
{
    /// <summary>
    /// Uptime of one device over <paramref name="window"/>: time in an up status divided by time monitored.
    /// Time before the device's first interval is not monitored (a device added mid-window is not
    /// penalised), an open interval runs until <paramref name="now"/>, and announced maintenance is
    /// excluded from both numerator and denominator.
    /// </summary>
    /// <remarks>Intervals must not overlap. Periods outside the Active lifecycle go in <paramref name="maintenance"/> too.</remarks>
    public static UptimeResult Over(
        IReadOnlyList<StatusInterval> intervals,
        TimeWindow window,
        DateTimeOffset now,
        IReadOnlyList<TimeWindow>? maintenance = null)
    {
        var end = window.End < now ? window.End : now;
        if (end <= window.Start)
        {
            return UptimeResult.None;
        }

        var excluded = MergedWindows.From(maintenance);
        var up = TimeSpan.Zero;
        var monitored = TimeSpan.Zero;
        foreach (var interval in intervals)
        {
            var from = Max(interval.From, window.Start);
            var to = Min(interval.To ?? now, end);
            if (to <= from)
            {
                continue;
            }

            var span = to - from - excluded.OverlapWith(from, to);
            monitored += span;
            if (interval.Status.IsUp())
            {
                up += span;
            }
        }

        return new UptimeResult(up, monitored);
    }

    /// <summary>Average uptime of an area, OPD or the city: pooled time, so an hour-old device weighs an hour.</summary>
    public static UptimeResult Sum(IEnumerable<UptimeResult> results)
    {
        var total = UptimeResult.None;
        foreach (var result in results)
        {
            total += result;
        }

        return total;
    }

    internal static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    internal static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
