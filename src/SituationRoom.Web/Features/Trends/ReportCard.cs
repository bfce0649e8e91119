using Microsoft.EntityFrameworkCore;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Scorecards;

namespace SituationRoom.Web.Features.Trends;

/// <summary>One device kind of an OPD over a period: how many are active, their uptime, how many are down now.</summary>
public sealed record ReportDevices(DeviceKind Kind, int Active, int DownNow, UptimeResult Uptime, UptimeResult? UptimeBefore);

/// <summary>
/// An OPD's report card for a month or a quarter, with the previous period and the same period a year earlier beside
/// it: SMART scores, complaints, devices, and the overdue complaints that pull it down. Built from the same queries as
/// /trends, so every figure on paper can be found again on screen.
/// </summary>
public sealed class ReportCard
{
    public required Opd Opd { get; init; }

    public required Period Period { get; init; }

    public required Period Previous { get; init; }

    public required Period YearEarlier { get; init; }

    public required DateTimeOffset MadeAt { get; init; }

    /// <summary>The period's own score; for a quarter only if the scorer stores quarters.</summary>
    public SmartScore? Score { get; init; }

    public SmartScore? ScoreBefore { get; init; }

    public SmartScore? ScoreYearEarlier { get; init; }

    /// <summary>The monthly scores inside a quarter, shown when the quarter has no score of its own.</summary>
    public required IReadOnlyList<SmartScore> MonthScores { get; init; }

    public required ComplaintTrend Complaints { get; init; }

    public required ComplaintTally ComplaintsBefore { get; init; }

    public required ComplaintTally ComplaintsYearEarlier { get; init; }

    public required ComplaintTrend ByKecamatan { get; init; }

    public required int OpenNow { get; init; }

    public required int OverdueNow { get; init; }

    /// <summary>The longest overdue of the complaints open now, oldest due first.</summary>
    public required IReadOnlyList<ComplaintListRow> Overdue { get; init; }

    public required IReadOnlyList<ReportDevices> Devices { get; init; }

    public TrendFilter Filter(Period period) => TrendFilter.Default with
    {
        Opd = Opd.Code,
        Period = TrendPeriod.Custom,
        From = period.Start,
        To = period.End.AddDays(-1),
    };

    /// <summary>A month (2026-11) or a quarter (2026-Q4); null for anything else.</summary>
    public static Period? ParsePeriod(string? key)
    {
        try
        {
            return key is null ? null : Period.ParseKey(key) is { Kind: PeriodKind.Month or PeriodKind.Quarter } period ? period : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static async Task<ReportCard?> LoadAsync(
        SituationDbContext db, ComplaintRollup rollup, string opdCode, Period period, DateTimeOffset now, int overdueRows, CancellationToken cancellationToken)
    {
        var opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Code == opdCode, cancellationToken);
        if (opd is null)
        {
            return null;
        }

        await rollup.CatchUpAsync(cancellationToken);
        var previous = period.Previous();
        var yearEarlier = Period.Containing(period.Start.AddYears(-1), period.Kind);
        var filter = TrendFilter.Default with { Opd = opdCode };
        var range = Days(period);

        var scores = await db.SmartScores.AsNoTracking()
            .Where(s => s.OpdCode == opdCode && (s.PeriodKind == period.Kind.ToString() || s.PeriodKind == "Month"))
            .Where(s => s.PeriodStart >= yearEarlier.Start && s.PeriodStart < period.End)
            .ToListAsync(cancellationToken);
        SmartScore? ScoreOf(Period p) => scores.FirstOrDefault(s => s.PeriodKind == p.Kind.ToString() && s.PeriodStart == p.Start);

        var today = Wib.DateOf(now);
        var cells = await TrendQueries.ComplaintCellsAsync(db, filter, range.Buckets(Grain.Month), Grain.Month, TrendDimension.Category, today, cancellationToken);
        var byKecamatan = await TrendQueries.ComplaintCellsAsync(db, filter, range.Buckets(Grain.Month), Grain.Month, TrendDimension.Kecamatan, today, cancellationToken);
        var nowUtc = now.UtcDateTime;
        var open = TrendQueries.Complaints(db, new ComplaintListQuery(filter, ComplaintMeasure.Open), range, nowUtc);
        var overdue = TrendQueries.Complaints(db, new ComplaintListQuery(filter, ComplaintMeasure.Overdue), range, nowUtc);

        var devices = new List<ReportDevices>();
        var uptime = await DeviceUptimeQueries.PerDayAsync(db, filter, new DayRange(previous.Start, range.To), now, cancellationToken);
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            var owned = DeviceUptimeQueries.Devices(db, kind, filter).Where(d => d.Lifecycle == DeviceLifecycle.Active);
            var active = await owned.CountAsync(cancellationToken);
            if (active == 0)
            {
                continue;
            }

            var down = await owned.CountAsync(d => d.Status != DeviceStatus.Online && d.Status != DeviceStatus.Degraded, cancellationToken);
            var perDay = uptime[kind];
            UptimeResult Over(Period p) => perDay.Skip(p.Start.DayNumber - previous.Start.DayNumber).Take(p.DayCount).Aggregate(UptimeResult.None, (a, b) => a + b);
            devices.Add(new ReportDevices(kind, active, down, Over(period), Over(previous)));
        }

        return new ReportCard
        {
            Opd = opd,
            Period = period,
            Previous = previous,
            YearEarlier = yearEarlier,
            MadeAt = now,
            Score = ScoreOf(period),
            ScoreBefore = ScoreOf(previous),
            ScoreYearEarlier = ScoreOf(yearEarlier),
            MonthScores = period.Kind == PeriodKind.Quarter
                ? [.. scores.Where(s => s.PeriodKind == "Month" && period.Contains(s.PeriodStart)).OrderBy(s => s.PeriodStart)]
                : [],
            Complaints = ComplaintTrend.Fold(cells, [range]),
            ComplaintsBefore = await TotalAsync(previous),
            ComplaintsYearEarlier = await TotalAsync(yearEarlier),
            ByKecamatan = ComplaintTrend.Fold(byKecamatan, [range]),
            OpenNow = await open.CountAsync(cancellationToken),
            OverdueNow = await overdue.CountAsync(cancellationToken),
            Overdue = await TrendQueries.Rows(overdue.Take(overdueRows)).ToListAsync(cancellationToken),
            Devices = devices,
        };

        async Task<ComplaintTally> TotalAsync(Period p) =>
            ComplaintTally.Sum((await TrendQueries.ComplaintCellsAsync(db, filter, Days(p).Buckets(Grain.Month), Grain.Month, TrendDimension.Channel, today, cancellationToken)).Select(c => c.Tally));
    }

    private static DayRange Days(Period period) => new(period.Start, period.End.AddDays(-1));
}
