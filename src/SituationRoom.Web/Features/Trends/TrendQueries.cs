using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Scorecards;

namespace SituationRoom.Web.Features.Trends;

/// <summary>One complaint in a drill-down list: enough to recognise it and see why it is counted, nothing personal.</summary>
public sealed record ComplaintListRow(
    string Ticket,
    DateTime ReceivedAt,
    ComplaintChannel Channel,
    string? CategoryCode,
    string? OpdCode,
    string? KecamatanCode,
    ComplaintStatus Status,
    DateTime DueAt,
    DateTime? ClosedAt,
    string Text);

/// <summary>The reads behind /trends, its lists, exports and report cards. Complaint figures come from the daily cube;
/// lists come from raw complaints with the same definitions, which the tests hold equal.</summary>
public static class TrendQueries
{
    /// <summary>The cube's day cells in <paramref name="range"/> under the filter, summed per day and value of <paramref name="by"/>.</summary>
    public static Task<List<ComplaintCell>> ComplaintCellsAsync(
        SituationDbContext db, TrendFilter filter, DayRange range, TrendDimension by, CancellationToken cancellationToken) =>
        SumAsync(Days(Filtered(db, filter), range), by, cancellationToken);

    /// <summary>
    /// The cells behind <paramref name="buckets"/>. With month buckets, every bucket that is a whole calendar month (or
    /// the current month so far: nothing after today is stored) is read from the month cells, dated on the month's first
    /// day; the partial months at the edges, and every bucket of any other grain, are read from the day cells.
    /// </summary>
    public static async Task<List<ComplaintCell>> ComplaintCellsAsync(
        SituationDbContext db, TrendFilter filter, IReadOnlyList<DayRange> buckets, Grain grain, TrendDimension by, DateOnly today, CancellationToken cancellationToken)
    {
        var cells = Filtered(db, filter);
        if (grain != Grain.Month)
        {
            return await SumAsync(Days(cells, new DayRange(buckets[0].From, buckets[^1].To)), by, cancellationToken);
        }

        var whole = buckets.Where(b => IsWholeMonth(b, today)).Select(b => b.From).ToList();
        var result = new List<ComplaintCell>();
        if (whole.Count > 0)
        {
            var first = whole[0];
            var last = whole[^1];
            var months = await SumAsync(
                cells.Where(c => c.Grain == ComplaintRollupCell.MonthGrain && c.Start >= first && c.Start <= last),
                by,
                cancellationToken);
            result.AddRange(months.Where(m => whole.Contains(m.Day)));
        }

        foreach (var partial in buckets.Where(b => !IsWholeMonth(b, today)))
        {
            result.AddRange(await SumAsync(Days(cells, partial), by, cancellationToken));
        }

        return result;
    }

    private static bool IsWholeMonth(DayRange bucket, DateOnly today) =>
        bucket.From.Day == 1 && (bucket.To == bucket.From.AddMonths(1).AddDays(-1) || bucket.To >= today);

    private const string ByOpdIndex = "SELECT * FROM \"ComplaintRollupCells\" INDEXED BY \"" + ComplaintRollupCellConfiguration.OpdIndex + "\"";

    private const string ByKecamatanIndex = "SELECT * FROM \"ComplaintRollupCells\" INDEXED BY \"" + ComplaintRollupCellConfiguration.KecamatanIndex + "\"";

    private const string ByCoveringIndex = "SELECT * FROM \"ComplaintRollupCells\" INDEXED BY \"" + ComplaintRollupCellConfiguration.CoveringIndex + "\"";

    private static IQueryable<ComplaintRollupCell> Filtered(SituationDbContext db, TrendFilter filter)
    {
        // The index is named, not left to the planner: without statistics SQLite prefers the covering index even with
        // an OPD filter, and would read every cell of the range (a year: 300,000 at a million complaints) to keep one
        // OPD's fortieth of them. An OPD or kecamatan filter reads its own index; no place filter reads the covering one.
        var cells = db.ComplaintRollupCells
            .FromSqlRaw(filter.Opd is not null ? ByOpdIndex : filter.Kecamatan is not null ? ByKecamatanIndex : ByCoveringIndex)
            .AsNoTracking();
        if (filter.Opd is { } opd)
        {
            var code = TrendFilter.StoredCode(opd);
            cells = cells.Where(r => r.OpdCode == code);
        }

        if (filter.Kecamatan is { } kecamatan)
        {
            var code = TrendFilter.StoredCode(kecamatan);
            cells = cells.Where(r => r.KecamatanCode == code);
        }

        if (filter.Category is { } category)
        {
            var code = TrendFilter.StoredCode(category);
            cells = cells.Where(r => r.CategoryCode == code);
        }

        if (filter.Channel is { } channel)
        {
            var code = channel.ToString();
            cells = cells.Where(r => r.Channel == code);
        }

        return cells;
    }

    private static IQueryable<ComplaintRollupCell> Days(IQueryable<ComplaintRollupCell> cells, DayRange range)
    {
        var from = range.From;
        var to = range.To;
        return cells.Where(r => r.Grain == ComplaintRollupCell.DayGrain && r.Start >= from && r.Start <= to);
    }

    private static async Task<List<ComplaintCell>> SumAsync(IQueryable<ComplaintRollupCell> cells, TrendDimension by, CancellationToken cancellationToken)
    {
        var column = by switch
        {
            TrendDimension.Channel => nameof(ComplaintRollupCell.Channel),
            TrendDimension.Opd => nameof(ComplaintRollupCell.OpdCode),
            TrendDimension.Kecamatan => nameof(ComplaintRollupCell.KecamatanCode),
            _ => nameof(ComplaintRollupCell.CategoryCode),
        };
        var rows = await cells
            .GroupBy(r => new { r.Start, Key = EF.Property<string>(r, column) })
            .Select(g => new SummedRow
            {
                Day = g.Key.Start,
                Key = g.Key.Key,
                Received = g.Sum(r => r.Received),
                Closed = g.Sum(r => r.Closed),
                ClosedWithinSla = g.Sum(r => r.ClosedWithinSla),
                Resolved = g.Sum(r => r.Resolved),
                W0 = g.Sum(r => r.ResolvedWithin6h),
                W1 = g.Sum(r => r.ResolvedWithin12h),
                W2 = g.Sum(r => r.ResolvedWithin1d),
                W3 = g.Sum(r => r.ResolvedWithin2d),
                W4 = g.Sum(r => r.ResolvedWithin3d),
                W5 = g.Sum(r => r.ResolvedWithin4d),
                W6 = g.Sum(r => r.ResolvedWithin5d),
                W7 = g.Sum(r => r.ResolvedWithin6d),
                W8 = g.Sum(r => r.ResolvedWithin7d),
                W9 = g.Sum(r => r.ResolvedWithin8d),
                W10 = g.Sum(r => r.ResolvedWithin9d),
                W11 = g.Sum(r => r.ResolvedWithin10d),
                W12 = g.Sum(r => r.ResolvedWithin14d),
                W13 = g.Sum(r => r.ResolvedWithin21d),
                W14 = g.Sum(r => r.ResolvedWithin30d),
            })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToCell());
    }

    /// <summary>The complaints a number counts, newest first (oldest due first for the "now" measures).</summary>
    public static IQueryable<Complaint> Complaints(SituationDbContext db, ComplaintListQuery query, DayRange range, DateTime nowUtc)
    {
        var start = range.StartUtc;
        var end = range.EndUtc;
        var filter = query.Filter;
        var complaints = db.Complaints.AsNoTracking();
        if (filter.Opd is { } opd)
        {
            complaints = opd == TrendFilter.None ? complaints.Where(c => c.OpdCode == null) : complaints.Where(c => c.OpdCode == opd);
        }

        if (filter.Kecamatan is { } kecamatan)
        {
            complaints = kecamatan == TrendFilter.None ? complaints.Where(c => c.KecamatanCode == null) : complaints.Where(c => c.KecamatanCode == kecamatan);
        }

        if (filter.Category is { } category)
        {
            complaints = category == TrendFilter.None ? complaints.Where(c => c.CategoryCode == null) : complaints.Where(c => c.CategoryCode == category);
        }

        if (filter.Channel is { } channel)
        {
            complaints = complaints.Where(c => c.Channel == channel);
        }

        var closed = complaints.Where(c => (c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Rejected)
            && c.ClosedAt >= start && c.ClosedAt < end);
        return query.Measure switch
        {
            ComplaintMeasure.Closed => closed.OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id),
            ComplaintMeasure.OnTime => closed.Where(c => c.ClosedAt <= c.DueAt).OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id),
            ComplaintMeasure.Late => closed.Where(c => c.ClosedAt > c.DueAt).OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id),
            ComplaintMeasure.Resolved => closed.Where(c => c.Status == ComplaintStatus.Resolved).OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id),
            ComplaintMeasure.Open => complaints.Where(IsOpen).OrderBy(c => c.DueAt).ThenBy(c => c.Id),
            ComplaintMeasure.Overdue => complaints.Where(IsOpen).Where(c => c.DueAt < nowUtc).OrderBy(c => c.DueAt).ThenBy(c => c.Id),
            _ => complaints.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end).OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
        };
    }

    // The open statuses named one by one, so SQLite looks them up on the status index instead of scanning every
    // complaint ever received for "not closed".
    private static readonly System.Linq.Expressions.Expression<Func<Complaint, bool>> IsOpen = c =>
        c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Verified || c.Status == ComplaintStatus.Dispatched
        || c.Status == ComplaintStatus.InProgress || c.Status == ComplaintStatus.WaitingOnCitizen || c.Status == ComplaintStatus.HandedOver;

    public static IQueryable<ComplaintListRow> Rows(IQueryable<Complaint> complaints) =>
        complaints.Select(c => new ComplaintListRow(
            c.Ticket, c.ReceivedAt, c.Channel, c.CategoryCode, c.OpdCode, c.KecamatanCode, c.Status, c.DueAt, c.ClosedAt,
            c.Text.Length > 160 ? c.Text.Substring(0, 160) : c.Text));

    /// <summary>Monthly SMART scores of the months that overlap <paramref name="range"/>, of one OPD or all.</summary>
    public static Task<List<SmartScore>> MonthlyScoresAsync(SituationDbContext db, string? opd, DayRange range, CancellationToken cancellationToken)
    {
        var first = new DateOnly(range.From.Year, range.From.Month, 1);
        var last = range.To;
        var scores = db.SmartScores.AsNoTracking().Where(s => s.PeriodKind == "Month" && s.PeriodStart >= first && s.PeriodStart <= last);
        if (opd is not null && opd != TrendFilter.None)
        {
            scores = scores.Where(s => s.OpdCode == opd);
        }

        return scores.OrderBy(s => s.PeriodStart).ThenBy(s => s.OpdCode).ToListAsync(cancellationToken);
    }

    private sealed class SummedRow
    {
        public DateOnly Day { get; init; }

        public string Key { get; init; } = "";

        public int Received { get; init; }

        public int Closed { get; init; }

        public int ClosedWithinSla { get; init; }

        public int Resolved { get; init; }

        public int W0 { get; init; }

        public int W1 { get; init; }

        public int W2 { get; init; }

        public int W3 { get; init; }

        public int W4 { get; init; }

        public int W5 { get; init; }

        public int W6 { get; init; }

        public int W7 { get; init; }

        public int W8 { get; init; }

        public int W9 { get; init; }

        public int W10 { get; init; }

        public int W11 { get; init; }

        public int W12 { get; init; }

        public int W13 { get; init; }

        public int W14 { get; init; }

        public ComplaintCell ToCell()
        {
            var tally = new ComplaintTally { Received = Received, Closed = Closed, ClosedWithinSla = ClosedWithinSla, Resolved = Resolved };
            int[] within = [W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13, W14];
            within.CopyTo(tally.ResolvedWithin, 0);
            return new ComplaintCell(Day, Key, tally);
        }
    }
}
