using Microsoft.EntityFrameworkCore;
using SituationRoom.Core;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>What scoring reads from the store, and how automatic readings and administrators' entries become the raw
/// values of one period. Shared by the recorder and the explanation page, so the page re-derives exactly the stored score.</summary>
public static class ScoringInputs
{
    /// <summary>Complaints owned by OPDs, by OPD and by the WIB day each is judged on (closed that day, or fell due open).</summary>
    public sealed class ComplaintSet(Dictionary<string, List<ComplaintOutcome>> byOpd, Dictionary<(string, DateOnly), List<ComplaintOutcome>> byDay)
    {
        public IReadOnlyCollection<ComplaintOutcome> OwnedBy(string opd) =>
            byOpd.TryGetValue(opd, out var list) ? list : [];

        public IReadOnlyCollection<ComplaintOutcome> JudgedOn(string opd, DateOnly day) =>
            byDay.TryGetValue((opd, day), out var list) ? list : [];
    }

    public sealed record DeviceRow(string Id, DeviceKind Kind, string OpdCode, DeviceLifecycle Lifecycle, DateTime? LastReportAt, int ReportIntervalSeconds);

    /// <summary>Open complaints and those closed since <paramref name="sinceUtc"/>; closed earlier ones cannot be judged in the history.</summary>
    public static async Task<ComplaintSet> ComplaintsAsync(SituationDbContext db, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.OpdCode != null && (c.ClosedAt == null || c.ClosedAt >= sinceUtc))
            .Select(c => new { c.OpdCode, c.Status, c.DueAt, c.ClosedAt, c.UpdatedAt, c.ReopenCount })
            .ToListAsync(cancellationToken);
        var outcomes = rows.Select(c => (Opd: c.OpdCode!, Outcome: new ComplaintOutcome(
            c.Status, Utc(c.DueAt), c.ClosedAt is null ? null : Utc(c.ClosedAt.Value), Utc(c.UpdatedAt), c.ReopenCount))).ToList();
        var byDay = new Dictionary<(string, DateOnly), List<ComplaintOutcome>>();
        foreach (var (opd, outcome) in outcomes)
        {
            // Where AutomaticIndicators judges it: in the window it closed in, or, still open, the one it fell due in.
            var day = Wib.DateOf(outcome.ClosedAt ?? outcome.DueAt);
            if (!byDay.TryGetValue((opd, day), out var list))
            {
                byDay[(opd, day)] = list = [];
            }

            list.Add(outcome);
        }

        return new ComplaintSet(outcomes.GroupBy(o => o.Opd).ToDictionary(g => g.Key, g => g.Select(o => o.Outcome).ToList()), byDay);
    }

    /// <summary>Every device, with its last report as the live situation knows it: heartbeats that change nothing are
    /// kept in memory only, so the stored time is that of the last status change.</summary>
    public static async Task<List<DeviceRow>> DevicesAsync(SituationDbContext db, LiveSituation live, CancellationToken cancellationToken)
    {
        var rows = await db.Devices.AsNoTracking()
            .Select(d => new DeviceRow(d.Id, d.Kind, d.OpdCode, d.Lifecycle, d.LastReportAt, d.ReportIntervalSeconds))
            .ToListAsync(cancellationToken);
        return rows.Select(d => live.Device(d.Id)?.LastReportAt is { } heard && (d.LastReportAt is null || heard.UtcDateTime > d.LastReportAt)
            ? d with { LastReportAt = heard.UtcDateTime }
            : d).ToList();
    }

    /// <summary>Each device with its status history overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), by owning OPD.</summary>
    public static async Task<ILookup<string, DeviceStanding>> DeviceStandingsAsync(
        SituationDbContext db, List<DeviceRow> devices, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var history = (await db.DeviceStatusIntervals.AsNoTracking()
                .Where(i => i.From < toUtc && (i.To == null || i.To > fromUtc))
                .Select(i => new { i.DeviceId, i.Status, i.From, i.To })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.DeviceId, i => new StatusInterval(i.Status, Utc(i.From), i.To is null ? null : Utc(i.To.Value)));
        return devices.ToLookup(d => d.OpdCode, d => new DeviceStanding(
            d.Kind,
            d.Lifecycle,
            d.LastReportAt is null ? null : Utc(d.LastReportAt.Value),
            TimeSpan.FromSeconds(d.ReportIntervalSeconds),
            history[d.Id].OrderBy(i => i.From).ToList()));
    }

    /// <summary>Administrators' monthly entries for the months overlapping [<paramref name="firstDay"/>, <paramref name="lastDay"/>].</summary>
    public static async Task<Dictionary<(string Opd, DateOnly Month), Dictionary<string, double>>> ManualMonthsAsync(
        SituationDbContext db, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken, string? opd = null)
    {
        var from = Period.Containing(firstDay, PeriodKind.Month).Start;
        var monthKind = ScorecardRecorder.MonthKind;
        var query = db.SmartIndicatorValues.AsNoTracking()
            .Where(v => v.IsManual && v.PeriodKind == monthKind && v.PeriodStart >= from && v.PeriodStart <= lastDay && v.Value != null);
        if (opd is not null)
        {
            query = query.Where(v => v.OpdCode == opd);
        }

        return (await query.Select(v => new { v.OpdCode, v.PeriodStart, v.IndicatorCode, v.Value }).ToListAsync(cancellationToken))
            .GroupBy(v => (v.OpdCode, v.PeriodStart))
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.IndicatorCode, v => v.Value!.Value, StringComparer.Ordinal));
    }

    /// <summary>A manual value entered for a month holds on each of its days; a period spanning months takes the mean
    /// over its days, so a week from 29 September to 5 October weighs September's entry 2 days and October's 5.</summary>
    public static Dictionary<string, double> ManualFor(
        Dictionary<(string Opd, DateOnly Month), Dictionary<string, double>> months, string opd, IReadOnlyCollection<DateOnly> days)
    {
        var perDay = days.Select(d => months.GetValueOrDefault((opd, new DateOnly(d.Year, d.Month, 1)))).ToList();
        var codes = perDay.Where(m => m is not null).SelectMany(m => m!.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (PeriodAggregation.Combine(perDay.Select(m => (m is not null && m.TryGetValue(code, out var v) ? v : (double?)null, 1.0))) is { } value)
            {
                result[code] = value;
            }
        }

        return result;
    }

    /// <summary>The raw values a period is scored on: its automatic readings, and the administrators' entries.</summary>
    public static Dictionary<string, double?> RawValues(IReadOnlyDictionary<string, IndicatorReading> automatic, IReadOnlyDictionary<string, double> manual)
    {
        var raw = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (code, reading) in automatic)
        {
            raw[code] = reading.Value;
        }

        foreach (var (code, value) in manual)
        {
            raw[code] = value;
        }

        return raw;
    }

    /// <summary>What stands behind each automatic reading, for the coverage rule's minimum evidence.</summary>
    public static Dictionary<string, double> Evidence(IReadOnlyDictionary<string, IndicatorReading> automatic) =>
        automatic.ToDictionary(r => r.Key, r => r.Value.Weight, StringComparer.Ordinal);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
