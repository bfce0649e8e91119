using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>One OPD's line in a league table. Scores are unrounded; pages and the API publish them with 2 decimals.</summary>
/// <param name="Rank">Null when not ranked: no composite, or too little measured data (<see cref="InsufficientData"/>).</param>
/// <param name="RankChange">Places climbed since the previous period (negative: dropped); null unless ranked both times.</param>
/// <param name="Delta">Published points gained since the previous period.</param>
public sealed record LeagueLine(
    string OpdCode,
    string OpdName,
    string OpdShortName,
    int? Rank,
    bool Tied,
    bool InsufficientData,
    double? Composite,
    GradeBand? Band,
    IReadOnlyDictionary<SmartDimension, double?> Dimensions,
    double AutomaticCoverage,
    double MinimumAutomaticCoverage,
    string RuleSetVersion,
    double? PreviousComposite,
    int? PreviousRank,
    int? RankChange,
    double? Delta,
    bool RuleSetChanged)
{
    public bool NotScored => Composite is null;

    public double? PublishedComposite => ScoreRounding.Published(Composite);
}

/// <param name="InProgress">The period contains today: its scores are to date and will still move.</param>
public sealed record LeagueTable(Period Period, Period Previous, bool InProgress, IReadOnlyList<LeagueLine> Lines, DateTimeOffset? ComputedAt)
{
    public int RankedCount => Lines.Count(l => l.Rank is not null);

    public LeagueLine? Line(string opdCode) => Lines.FirstOrDefault(l => string.Equals(l.OpdCode, opdCode, StringComparison.Ordinal));

    /// <summary>The OPD's place on one dimension among the ranked OPDs, ties sharing a place, and how many were placed.</summary>
    public (int? Rank, int Of) DimensionRank(string opdCode, SmartDimension dimension)
    {
        var table = League.Rank(Lines.Where(l => l.Rank is not null).Select(l => (l.OpdCode, l.Dimensions[dimension])));
        var entry = table.FirstOrDefault(e => e.OpdCode == opdCode);
        return (entry is { Ranked: true } ? entry.Rank : null, table.Count(e => e.Ranked));
    }
}

/// <summary>The read side of the scorecards, shared by pages and the JSON API so both show the same numbers.</summary>
public static class ScorecardQueries
{
    public static async Task<LeagueTable> LeagueAsync(SituationDbContext db, ScorecardRules rules, Period period, DateOnly today, CancellationToken cancellationToken)
    {
        var previous = period.Previous();
        var kind = period.Kind.ToString();
        var rows = await db.SmartScores.AsNoTracking()
            .Where(s => s.PeriodKind == kind && (s.PeriodStart == period.Start || s.PeriodStart == previous.Start))
            .ToListAsync(cancellationToken);
        var opds = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Code, cancellationToken);
        var current = rows.Where(r => r.PeriodStart == period.Start).ToList();
        var before = rows.Where(r => r.PeriodStart == previous.Start).ToDictionary(r => r.OpdCode);
        var nowTable = League.RankCovered(current.Select(r => (r.OpdCode, r.Composite, r.Rankable)));
        var beforeTable = League.RankCovered(before.Values.Select(r => (r.OpdCode, r.Composite, r.Rankable)));
        var byCode = current.ToDictionary(r => r.OpdCode);

        var lines = nowTable.Select(entry =>
        {
            var score = byCode[entry.OpdCode];
            var old = before.GetValueOrDefault(entry.OpdCode);
            var movement = ScoreMovement.InLeague(entry.OpdCode, beforeTable, nowTable) with
            {
                RuleSetChanged = old is not null && old.RuleSetVersion != score.RuleSetVersion,
            };
            var ruleSet = rules.Catalogue.ByVersion(score.RuleSetVersion);
            var opd = opds.GetValueOrDefault(entry.OpdCode);
            return new LeagueLine(
                entry.OpdCode,
                opd?.Name ?? entry.OpdCode,
                opd?.ShortName ?? entry.OpdCode,
                entry.Ranked ? entry.Rank : null,
                entry.Tied && entry.Ranked,
                entry.InsufficientData,
                score.Composite,
                score.Composite is { } composite ? ruleSet?.BandFor(ScoreRounding.Published(composite)) : null,
                Dimensions(score),
                score.AutomaticCoverage,
                ruleSet?.MinimumAutomaticCoverage ?? 0,
                score.RuleSetVersion,
                movement.Previous,
                movement.PreviousRank,
                movement.RankChange,
                movement.Delta,
                movement.RuleSetChanged);
        }).ToList();

        var computedAt = current.Count == 0 ? (DateTimeOffset?)null : Utc(current.Max(r => r.ComputedAt));
        return new LeagueTable(period, previous, period.Contains(today), lines, computedAt);
    }

    /// <summary>The OPD's scores over the <paramref name="count"/> periods of the same kind ending with <paramref name="period"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<(Period Period, SmartScore? Score)>> TrendAsync(
        SituationDbContext db, string opdCode, Period period, int count, CancellationToken cancellationToken)
    {
        var periods = new List<Period> { period };
        while (periods.Count < count)
        {
            periods.Insert(0, periods[0].Previous());
        }

        var kind = period.Kind.ToString();
        var from = periods[0].Start;
        var rows = await db.SmartScores.AsNoTracking()
            .Where(s => s.OpdCode == opdCode && s.PeriodKind == kind && s.PeriodStart >= from && s.PeriodStart <= period.Start)
            .ToDictionaryAsync(s => s.PeriodStart, cancellationToken);
        return periods.Select(p => (p, rows.GetValueOrDefault(p.Start))).ToList();
    }

    public static IReadOnlyDictionary<SmartDimension, double?> Dimensions(SmartScore score) => new Dictionary<SmartDimension, double?>
    {
        [SmartDimension.Systemic] = score.Systemic,
        [SmartDimension.Monitorable] = score.Monitorable,
        [SmartDimension.Accessible] = score.Accessible,
        [SmartDimension.Reliable] = score.Reliable,
        [SmartDimension.Timebound] = score.Timebound,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
