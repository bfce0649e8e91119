using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>An administrator's entry behind a manual indicator of the period, with its latest evidence.</summary>
public sealed record ManualEntry(
    string IndicatorCode,
    DateOnly Month,
    double Value,
    string? RecordedBy,
    DateTimeOffset RecordedAt,
    string? Reason,
    string? EvidenceUrl,
    string? EvidenceFileName,
    long? EvidenceChangeId);

/// <summary>How one OPD's score for one period was made, re-derived from the stored readings with the rule set version
/// stored beside the score. <see cref="Card"/> is null when the period was not scored (or its rule set is no longer loaded).</summary>
public sealed record ExplainedScore(
    string OpdCode,
    string OpdName,
    Period Period,
    bool InProgress,
    SmartScore? Stored,
    RuleSet? Rules,
    Scorecard? Card,
    IReadOnlyList<ExplanationLine> Lines,
    IReadOnlyList<ManualEntry> ManualEntries,
    bool Internals);

public static class ScoreExplanations
{
    /// <summary>Null when there is no such OPD.</summary>
    public static async Task<ExplainedScore?> LoadAsync(
        SituationDbContext db, ScorecardRules rules, ClaimsPrincipal viewer, string opdCode, Period period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opd = await db.Opds.AsNoTracking().FirstOrDefaultAsync(o => o.Code == opdCode, cancellationToken);
        if (opd is null)
        {
            return null;
        }

        var today = Wib.DateOf(now);
        var kind = period.Kind.ToString();
        var stored = await db.SmartScores.AsNoTracking()
            .FirstOrDefaultAsync(s => s.OpdCode == opd.Code && s.PeriodKind == kind && s.PeriodStart == period.Start, cancellationToken);
        var ruleSet = stored is null ? rules.Catalogue.For(period) : rules.Catalogue.ByVersion(stored.RuleSetVersion);

        // Access: OPD internals. The raw indicator values behind a score are the OPD's internals, as on its page.
        var internals = ScorecardAccess.MaySeeInternals(viewer, opd.Code);
        if (stored is null || ruleSet is null || !internals)
        {
            return new ExplainedScore(opd.Code, opd.Name, period, period.Contains(today), stored, ruleSet, null, [], [], internals);
        }

        var automatic = (await db.SmartIndicatorValues.AsNoTracking()
                .Where(v => !v.IsManual && v.OpdCode == opd.Code && v.PeriodKind == kind && v.PeriodStart == period.Start && v.Value != null)
                .Select(v => new { v.IndicatorCode, v.Value, v.Weight })
                .ToListAsync(cancellationToken))
            .ToDictionary(v => v.IndicatorCode, v => new IndicatorReading(v.Value, v.Weight), StringComparer.Ordinal);
        var days = period.Days().Where(d => d <= today).ToList();
        var lastDay = days.Count > 0 ? days[^1] : period.Start;
        var months = await ScoringInputs.ManualMonthsAsync(db, period.Start, lastDay, cancellationToken, opd.Code);
        var card = SmartScoring.Score(
            ScoringInputs.RawValues(automatic, ScoringInputs.ManualFor(months, opd.Code, days)), ruleSet, ScoringInputs.Evidence(automatic));

        return new ExplainedScore(
            opd.Code,
            opd.Name,
            period,
            period.Contains(today),
            stored,
            ruleSet,
            card,
            ScoreExplanation.Explain(card, ruleSet),
            await ManualEntriesAsync(db, opd.Code, period.Start, lastDay, cancellationToken),
            true);
    }

    private static async Task<List<ManualEntry>> ManualEntriesAsync(
        SituationDbContext db, string opdCode, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var monthKind = ScorecardRecorder.MonthKind;
        var from = Period.Containing(firstDay, PeriodKind.Month).Start;
        var values = await db.SmartIndicatorValues.AsNoTracking()
            .Where(v => v.IsManual && v.OpdCode == opdCode && v.PeriodKind == monthKind && v.PeriodStart >= from && v.PeriodStart <= lastDay && v.Value != null)
            .OrderBy(v => v.PeriodStart).ThenBy(v => v.IndicatorCode)
            .ToListAsync(cancellationToken);
        var changes = (await db.SmartIndicatorChanges.AsNoTracking()
                .Where(c => c.OpdCode == opdCode && c.PeriodKind == monthKind && c.PeriodStart >= from && c.PeriodStart <= lastDay)
                .Select(c => new { c.Id, c.PeriodStart, c.IndicatorCode, c.EvidenceUrl, c.EvidenceFileName })
                .ToListAsync(cancellationToken))
            .GroupBy(c => (c.PeriodStart, c.IndicatorCode))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        return values.Select(v =>
        {
            var change = changes.GetValueOrDefault((v.PeriodStart, v.IndicatorCode));
            return new ManualEntry(
                v.IndicatorCode,
                v.PeriodStart,
                v.Value!.Value,
                v.RecordedBy,
                new DateTimeOffset(DateTime.SpecifyKind(v.RecordedAt, DateTimeKind.Utc)),
                v.Reason,
                change?.EvidenceUrl,
                change?.EvidenceFileName,
                change?.EvidenceFileName is null ? null : change.Id);
        }).ToList();
    }
}
