using SituationRoom.Core;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Scorecards;

namespace SituationRoom.Web.Features.Trends;

/// <summary>Everything /trends shows for one filter, computed once and used by the page and by the series export alike,
/// so a CSV holds exactly the numbers on screen.</summary>
public sealed class TrendView
{
    public required TrendFilter Filter { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    public required DayRange Range { get; init; }

    /// <summary>Null when the filter compares with nothing.</summary>
    public DayRange? ComparedRange { get; init; }

    public required Grain Grain { get; init; }

    public required ComplaintTrend Complaints { get; init; }

    /// <summary>Folded into the comparison range's buckets, which line up one to one with <see cref="Buckets"/>.</summary>
    public ComplaintTrend? Compared { get; init; }

    public required IReadOnlyList<UptimeResult> Wifi { get; init; }

    public required IReadOnlyList<UptimeResult> Cctv { get; init; }

    public IReadOnlyList<UptimeResult>? WifiCompared { get; init; }

    public IReadOnlyList<UptimeResult>? CctvCompared { get; init; }

    public required IReadOnlyList<SmartScore> Smart { get; init; }

    public IReadOnlyList<DayRange> Buckets => Complaints.Buckets;

    public UptimeResult WifiTotal => Wifi.Aggregate(UptimeResult.None, (a, b) => a + b);

    public UptimeResult CctvTotal => Cctv.Aggregate(UptimeResult.None, (a, b) => a + b);

    public UptimeResult? WifiComparedTotal => WifiCompared?.Aggregate(UptimeResult.None, (a, b) => a + b);

    public UptimeResult? CctvComparedTotal => CctvCompared?.Aggregate(UptimeResult.None, (a, b) => a + b);

    /// <summary>The comparison bucket that lines up with bucket <paramref name="index"/>.</summary>
    public DayRange? ComparedBucket(int index) => Compared?.Buckets[index];

    public static async Task<TrendView> LoadAsync(
        SituationDbContext db, ComplaintRollup rollup, TrendFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await rollup.CatchUpAsync(cancellationToken);
        var today = Wib.DateOf(now);
        var range = filter.Range(today);
        var grain = filter.EffectiveGrain(range);
        var buckets = range.Buckets(grain);
        var compared = range.ComparedWith(filter.Compare, grain);
        var comparedBuckets = buckets.Select(b => b.ShiftedAs(range, filter.Compare, grain)).ToList();

        var complaints = ComplaintTrend.Fold(await TrendQueries.ComplaintCellsAsync(db, filter, buckets, grain, filter.By, today, cancellationToken), buckets);
        ComplaintTrend? comparedComplaints = compared is null
            ? null
            : ComplaintTrend.Fold(await TrendQueries.ComplaintCellsAsync(db, filter, comparedBuckets, grain, filter.By, today, cancellationToken), comparedBuckets);

        // One read of device history covers both ranges and both kinds.
        var span = compared is null ? range : new DayRange(compared.From < range.From ? compared.From : range.From, range.To);
        var uptime = await DeviceUptimeQueries.PerDayAsync(db, filter, span, now, cancellationToken);
        UptimeResult[] Sum(DeviceKind kind, IReadOnlyList<DayRange> into) => into
            .Select(b => Enumerable.Range(b.From.DayNumber - span.From.DayNumber, b.Days)
                .Where(i => i >= 0 && i < span.Days)
                .Aggregate(UptimeResult.None, (sum, i) => sum + uptime[kind][i]))
            .ToArray();

        return new TrendView
        {
            Filter = filter,
            AsOf = now,
            Range = range,
            ComparedRange = compared,
            Grain = grain,
            Complaints = complaints,
            Compared = comparedComplaints,
            Wifi = Sum(DeviceKind.Hotspot, buckets),
            Cctv = Sum(DeviceKind.Camera, buckets),
            WifiCompared = compared is null ? null : Sum(DeviceKind.Hotspot, comparedBuckets),
            CctvCompared = compared is null ? null : Sum(DeviceKind.Camera, comparedBuckets),
            Smart = await TrendQueries.MonthlyScoresAsync(db, filter.Opd, range, cancellationToken),
        };

    }
}
