namespace SituationRoom.Core.Devices;

/// <summary>Hourly rollups of a device's history, so that long windows need not read every interval.</summary>
/// <remarks>
/// A rollup is derived from the intervals, never accumulated from reports. Recomputing an hour from the
/// intervals and replacing its row is idempotent, so a restart can never count a second twice; a writer that
/// instead adds partial rollups must cover disjoint windows (a persisted watermark), and <see cref="Combine"/>
/// then gives exactly what one pass over the whole window gives.
/// </remarks>
public static class Rollups
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// The history cut at UTC hour boundaries, with the same rules as <see cref="Uptime.Over"/>: their sum is
    /// <see cref="Uptime.Over"/> over the same window. Hours with nothing monitored are left out.
    /// </summary>
    public static IReadOnlyList<HourlyRollup> Hourly(
        IReadOnlyList<StatusInterval> intervals,
        TimeWindow window,
        DateTimeOffset now,
        IReadOnlyList<TimeWindow>? maintenance = null)
    {
        var end = Uptime.Min(window.End, now);
        if (end <= window.Start)
        {
            return [];
        }

        var excluded = MergedWindows.From(maintenance);
        var hours = new SortedDictionary<DateTimeOffset, UptimeResult>();
        foreach (var interval in intervals)
        {
            var from = Uptime.Max(interval.From, window.Start);
            var to = Uptime.Min(interval.To ?? now, end);
            if (to <= from)
            {
                continue;
            }

            for (var hour = HourOf(from); hour < to; hour += Hour)
            {
                var pieceFrom = Uptime.Max(from, hour);
                var pieceTo = Uptime.Min(to, hour + Hour);
                var span = pieceTo - pieceFrom - excluded.OverlapWith(pieceFrom, pieceTo);
                if (span <= TimeSpan.Zero)
                {
                    continue;
                }

                var piece = new UptimeResult(interval.Status.IsUp() ? span : TimeSpan.Zero, span);
                hours[hour] = hours.TryGetValue(hour, out var sofar) ? sofar + piece : piece;
            }
        }

        return [.. hours.Select(h => new HourlyRollup(h.Key, h.Value.Up, h.Value.Monitored))];
    }

    /// <summary>Adds up rollups of the same hour (partials from disjoint windows), one per hour, in order.</summary>
    public static IReadOnlyList<HourlyRollup> Combine(IEnumerable<HourlyRollup> rollups) =>
    [
        .. rollups
            .GroupBy(r => r.HourStart.UtcDateTime)
            .OrderBy(g => g.Key)
            .Select(g => new HourlyRollup(
                new DateTimeOffset(g.Key, TimeSpan.Zero),
                TimeSpan.FromTicks(g.Sum(r => r.Up.Ticks)),
                TimeSpan.FromTicks(g.Sum(r => r.Monitored.Ticks)))),
    ];

    /// <summary>The start of the UTC hour an instant falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}
