using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Trends;

/// <summary>
/// <see cref="Uptime.Over"/> for every WIB day of a range in one pass over a device's intervals, so a year of days
/// costs the intervals plus the days, not their product. Per-day results add across devices like any UptimeResult.
/// </summary>
public static class DailyUptime
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Adds one device's up and monitored time per day of <paramref name="days"/> into <paramref name="perDay"/>,
    /// leaving out <paramref name="excluded"/> time (announced maintenance, periods not Active) as <see cref="Uptime.Over"/> does.</summary>
    public static void AddTo(
        UptimeResult[] perDay, IReadOnlyList<StatusInterval> intervals, DayRange days, DateTimeOffset now, IReadOnlyList<TimeWindow>? excluded = null)
    {
        if (perDay.Length != days.Days)
        {
            throw new ArgumentException($"Expected one slot per day ({days.Days}), got {perDay.Length}.", nameof(perDay));
        }

        var start = new DateTimeOffset(days.StartUtc, TimeSpan.Zero);
        var end = new DateTimeOffset(days.EndUtc, TimeSpan.Zero);
        if (now < end)
        {
            end = now;
        }

        var merged = MergedWindows.From(excluded);
        foreach (var interval in intervals)
        {
            var from = interval.From > start ? interval.From : start;
            var to = interval.To ?? now;
            if (to > end)
            {
                to = end;
            }

            var up = interval.Status.IsUp();
            while (from < to)
            {
                // WIB has no daylight saving, so every day is exactly 24 hours from the range's first midnight.
                var index = (int)((from - start).Ticks / Day.Ticks);
                var dayEnd = start + (Day * (index + 1));
                var pieceEnd = dayEnd < to ? dayEnd : to;
                var span = pieceEnd - from - merged.OverlapWith(from, pieceEnd);
                if (span > TimeSpan.Zero)
                {
                    perDay[index] += new UptimeResult(up ? span : TimeSpan.Zero, span);
                }

                from = pieceEnd;
            }
        }
    }
}
