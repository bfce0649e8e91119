using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;
using LeagueRow = SituationRoom.Core.Situation.LeagueEntry;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>
/// Scores every OPD per month from the data the room already has (plus the manual indicators administrators
/// entered), keeps the scores with the rule set version that made them, and hands the wall its league.
/// Scoring a period again replaces that period's automatic values and scores: recomputation is idempotent.
/// </summary>
public sealed class LeagueScorer(
    IDbContextFactory<SituationDbContext> dbFactory,
    LiveSituation live,
    TimeProvider clock,
    IOptions<ScorecardsOptions> options,
    ILogger<LeagueScorer> logger) : BackgroundService
{
    public const string MonthKind = nameof(PeriodKind.Month);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var current = Period.Containing(clock.GetUtcNow(), PeriodKind.Month);
                var months = first ? History(current, options.Value.MonthsOfHistory) : [current.Previous(), current];
                await ScoreAsync(months, stoppingToken);
                await PublishLeagueAsync(current, stoppingToken);
                first = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scoring the OPDs failed; the wall keeps the last league");
            }

            await Task.Delay(options.Value.RecomputeInterval, clock, stoppingToken);
        }
    }

    /// <summary>Scores the given months for every OPD and stores the results, replacing earlier runs.</summary>
    public async Task ScoreAsync(IReadOnlyList<Period> months, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var earliest = months.Min(m => m.StartUtc);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var opds = await db.Opds.AsNoTracking().Select(o => o.Code).ToListAsync(cancellationToken);
        var complaints = (await db.Complaints.AsNoTracking()
                .Where(c => c.OpdCode != null && (c.ClosedAt == null || c.ClosedAt >= earliest))
                .Select(c => new { c.OpdCode, c.Status, c.DueAt, c.ClosedAt, c.UpdatedAt, c.ReopenCount })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.OpdCode!, c => new ComplaintOutcome(c.Status, Utc(c.DueAt), c.ClosedAt is null ? null : Utc(c.ClosedAt.Value), Utc(c.UpdatedAt), c.ReopenCount));
        var history = (await db.DeviceStatusIntervals.AsNoTracking()
                .Where(i => i.To == null || i.To >= earliest)
                .Select(i => new { i.DeviceId, i.Status, i.From, i.To })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.DeviceId, i => new StatusInterval(i.Status, Utc(i.From), i.To is null ? null : Utc(i.To.Value)));
        var devices = (await db.Devices.AsNoTracking()
                .Select(d => new { d.Id, d.Kind, d.OpdCode, d.Lifecycle, d.LastReportAt, d.ReportIntervalSeconds })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.OpdCode, d => new DeviceStanding(
                d.Kind, d.Lifecycle, d.LastReportAt is null ? null : Utc(d.LastReportAt.Value), TimeSpan.FromSeconds(d.ReportIntervalSeconds),
                history[d.Id].OrderBy(i => i.From).ToList()));
        var starts = months.Select(m => m.Start).ToList();
        var manual = (await db.SmartIndicatorValues.AsNoTracking()
                .Where(v => v.IsManual && v.PeriodKind == MonthKind && starts.Contains(v.PeriodStart))
                .ToListAsync(cancellationToken))
            .ToLookup(v => (v.OpdCode, v.PeriodStart));

        var values = new List<SmartIndicatorValue>();
        var scores = new List<SmartScore>();
        foreach (var month in months)
        {
            var window = new TimeWindow(new DateTimeOffset(month.StartUtc, TimeSpan.Zero), new DateTimeOffset(month.EndUtc, TimeSpan.Zero));
            if (window.Start > now)
            {
                continue;
            }

            // A period before the first rule set took effect is not scored at all, rather than by rules it never had.
            if (DefaultRuleSets.Catalogue.For(month.Start) is not { } rules)
            {
                logger.LogInformation("No SMART rule set in force for {Period}; not scored", month.Key);
                continue;
            }

            foreach (var opd in opds)
            {
                var readings = AutomaticIndicators.Compute(complaints[opd].ToList(), devices[opd].ToList(), window, now);
                var raw = readings.ToDictionary(r => r.Key, r => r.Value.Value, StringComparer.Ordinal);
                foreach (var entered in manual[(opd, month.Start)])
                {
                    raw[entered.IndicatorCode] = entered.Value;
                }

                var card = SmartScoring.Score(raw, rules);
                values.AddRange(readings.Select(r => new SmartIndicatorValue
                {
                    OpdCode = opd,
                    PeriodKind = MonthKind,
                    PeriodStart = month.Start,
                    IndicatorCode = r.Key,
                    Value = r.Value.Value,
                    Weight = r.Value.Weight,
                    RecordedAt = now.UtcDateTime,
                    RecordedBy = "sistem",
                }));
                scores.Add(new SmartScore
                {
                    OpdCode = opd,
                    PeriodKind = MonthKind,
                    PeriodStart = month.Start,
                    RuleSetVersion = card.RuleSetVersion,
                    Composite = card.Composite,
                    Systemic = card.Dimension(SmartDimension.Systemic)?.Score,
                    Monitorable = card.Dimension(SmartDimension.Monitorable)?.Score,
                    Accessible = card.Dimension(SmartDimension.Accessible)?.Score,
                    Reliable = card.Dimension(SmartDimension.Reliable)?.Score,
                    Timebound = card.Dimension(SmartDimension.Timebound)?.Score,
                    ComputedAt = now.UtcDateTime,
                });
            }
        }

        var scored = scores.Select(s => s.PeriodStart).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SmartIndicatorValues
            .Where(v => !v.IsManual && v.PeriodKind == MonthKind && scored.Contains(v.PeriodStart))
            .ExecuteDeleteAsync(cancellationToken);
        await db.SmartScores
            .Where(s => s.PeriodKind == MonthKind && scored.Contains(s.PeriodStart))
            .ExecuteDeleteAsync(cancellationToken);
        db.SmartIndicatorValues.AddRange(values);
        db.SmartScores.AddRange(scores);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The month's league, with each OPD's movement since the month before, to the wall.</summary>
    public async Task PublishLeagueAsync(Period month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previousStart = month.Previous().Start;
        var rows = await db.SmartScores.AsNoTracking()
            .Where(s => s.PeriodKind == MonthKind && (s.PeriodStart == month.Start || s.PeriodStart == previousStart))
            .Select(s => new { s.OpdCode, s.PeriodStart, s.Composite, s.ComputedAt })
            .ToListAsync(cancellationToken);
        var current = League.Rank(rows.Where(r => r.PeriodStart == month.Start).Select(r => (r.OpdCode, r.Composite))).ToList();
        var previous = League.Rank(rows.Where(r => r.PeriodStart == previousStart).Select(r => (r.OpdCode, r.Composite)))
            .Where(e => !e.NotApplicable)
            .ToDictionary(e => e.OpdCode, e => e.Rank);
        var rules = DefaultRuleSets.Catalogue.For(month.Start);
        var ranked = current.Where(e => !e.NotApplicable && e.Composite is not null)
            .Select(e => new LeagueRow(
                e.Rank,
                e.OpdCode,
                live.Names.Opd(e.OpdCode),
                e.Composite!.Value,
                rules?.BandFor(e.Composite.Value)?.Name,
                previous.TryGetValue(e.OpdCode, out var before) ? before - e.Rank : null))
            .ToList();
        var ends = options.Value.LeagueEnds;
        var computedAt = rows.Where(r => r.PeriodStart == month.Start).Select(r => (DateTime?)r.ComputedAt).Max();
        live.SetLeague(new LeaguePanel(
            month.LabelId,
            ranked.Count,
            ranked.Take(ends).ToValueList(),
            ranked.Skip(Math.Max(ends, ranked.Count - ends)).ToValueList(),
            computedAt is null ? null : Utc(computedAt.Value)));
    }

    private static List<Period> History(Period current, int months)
    {
        var list = new List<Period> { current };
        for (var i = 0; i < months; i++)
        {
            list.Insert(0, list[0].Previous());
        }

        return list;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
