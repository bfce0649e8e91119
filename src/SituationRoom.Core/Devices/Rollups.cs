namespace SituationRoom.Core.Devices;

/// <remarks>
/// Derived from intervals, never accumulated from reports: recompute recent hours and replace their rows, and a
/// restart cannot count a second twice. Partials of disjoint windows <see cref="Combine"/> to the same rows.
/// </remarks>
public static class Rollups
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Uptime.Over cut at UTC hour boundaries; hours with nothing monitored are left out.</summary>
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

    public static DateTimeOffset HourOf(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}
