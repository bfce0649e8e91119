using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>How much of the history a run reads again from device telemetry.</summary>
public enum ScoringScope
{
    /// <summary>Device uptime for today and yesterday only; older days keep the device readings stored for them.</summary>
    Incremental,

    /// <summary>Device uptime for every day of the history (run at start, or after telemetry was replayed late).</summary>
    Full,
}

/// <param name="FirstDay">The first WIB day of the scored history.</param>
/// <param name="ValuesWritten">Indicator value rows inserted, updated or deleted.</param>
/// <param name="ScoresWritten">Score rows inserted, updated or deleted.</param>
public sealed record ScoringReport(DateOnly FirstDay, DateOnly Today, ScoringScope Scope, int ValuesWritten, int ScoresWritten, TimeSpan Elapsed);

/// <summary>
/// Keeps every OPD's SMART history: automatic indicator readings per WIB day, rolled up into weeks, months and quarters
/// with <see cref="AutomaticIndicators.Combine"/> (weighted by evidence), each period scored by the rule set in force
/// when it began. A run computes the whole history in memory, compares it with what is stored and writes only the
/// difference, so running it twice writes nothing the second time and a full run equals the sum of incremental ones.
/// </summary>
/// <remarks>
/// Complaint readings are recomputed for every day on every run: a complaint closed today moves out of the day it fell
/// due on, and an open overdue one grows later each run, so past days do change. Device uptime of days before yesterday
/// does not change unless telemetry arrives late, so incremental runs reuse it. Point-in-time readings ("reporting now")
/// can only be read on the day itself and are kept as taken.
/// </remarks>
public sealed class ScorecardRecorder(
    IDbContextFactory<SituationDbContext> dbFactory,
    ScorecardRules rules,
    LiveSituation live,
    IOptions<ScorecardsOptions> options,
    ILogger<ScorecardRecorder> logger)
{
    public static readonly string DayKind = nameof(PeriodKind.Day);
    public static readonly string WeekKind = nameof(PeriodKind.Week);
    public static readonly string MonthKind = nameof(PeriodKind.Month);
    public static readonly string QuarterKind = nameof(PeriodKind.Quarter);

    private const string RecordedBy = "sistem";

    private static readonly PeriodKind[] AggregateKinds = [PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter];
    private static readonly string[] StoredKinds = [DayKind, WeekKind, MonthKind, QuarterKind];

    // One run at a time: the background loop and an administrator's correction must not interleave their diffs.
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The first day of the history scored on <paramref name="today"/>: <see cref="ScorecardsOptions.DaysOfHistory"/>
    /// back, widened to its quarter's start so every stored week, month and quarter has all its days.</summary>
    public static DateOnly FirstDay(DateOnly today, int daysOfHistory) =>
        Period.Containing(today.AddDays(-daysOfHistory), PeriodKind.Quarter).Start;

    public async Task<ScoringReport> RecordAsync(DateTimeOffset now, ScoringScope scope, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RecordLockedAsync(now, scope, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ScoringReport> RecordLockedAsync(DateTimeOffset now, ScoringScope scope, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var today = Wib.DateOf(now);
        var firstDay = FirstDay(today, options.Value.DaysOfHistory);
        var deviceFrom = scope == ScoringScope.Full ? firstDay : Max(firstDay, today.AddDays(-1));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var opds = await db.Opds.AsNoTracking().Select(o => o.Code).OrderBy(c => c).ToListAsync(cancellationToken);
        var complaints = await ScoringInputs.ComplaintsAsync(db, Wib.StartOfDayUtc(firstDay), cancellationToken);
        var stored = await StoredValuesAsync(db, firstDay, cancellationToken);
        var manual = await ScoringInputs.ManualMonthsAsync(db, firstDay, today, cancellationToken);
        var storedScores = await db.SmartScores.AsNoTracking()
            .Where(s => s.PeriodStart >= firstDay && StoredKinds.Contains(s.PeriodKind))
            .ToListAsync(cancellationToken);

        var deviceRows = await ScoringInputs.DevicesAsync(db, live, cancellationToken);
        var daily = await ReadDaysAsync(db, opds, complaints, deviceRows, stored, firstDay, today, deviceFrom, now, cancellationToken);
        var values = new Dictionary<ValueKey, IndicatorReading>();
        var scores = new Dictionary<ScoreKey, SmartScore>();
        foreach (var ((opd, day), readings) in daily)
        {
            Add(values, opd, DayKind, day, readings);
        }

        foreach (var period in Periods(PeriodKind.Day, firstDay, today).Concat(AggregateKinds.SelectMany(k => Periods(k, firstDay, today))))
        {
            var days = period.Days().Where(d => d <= today).ToList();
            var ruleSet = rules.Catalogue.For(period.Start);
            foreach (var opd in opds)
            {
                var automatic = period.Kind == PeriodKind.Day
                    ? daily[(opd, period.Start)]
                    : NonNull(AutomaticIndicators.Combine(days.Select(d => (IReadOnlyDictionary<string, IndicatorReading>)daily[(opd, d)])));
                if (period.Kind != PeriodKind.Day)
                {
                    Add(values, opd, period.Kind.ToString(), period.Start, automatic);
                }

                // A period before the first rule set took effect keeps its readings but is not scored by rules it never had.
                if (ruleSet is not null)
                {
                    var card = SmartScoring.Score(
                        ScoringInputs.RawValues(automatic, ScoringInputs.ManualFor(manual, opd, days)), ruleSet, ScoringInputs.Evidence(automatic));
                    scores[new ScoreKey(opd, period.Kind.ToString(), period.Start)] = ToScore(opd, period, card, now);
                }
            }
        }

        var (valuesWritten, scoresWritten) = await WriteDifferenceAsync(db, stored, values, storedScores, scores, now, cancellationToken);
        var report = new ScoringReport(firstDay, today, scope, valuesWritten, scoresWritten, watch.Elapsed);
        logger.LogInformation(
            "SMART history {Scope} run for {FirstDay}..{Today}: {Values} value rows and {Scores} score rows changed in {Elapsed} ms",
            scope,
            firstDay,
            today,
            valuesWritten,
            scoresWritten,
            (long)watch.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>Every OPD's readings for every day of the history, complaint readings fresh, device readings fresh from
    /// <paramref name="deviceFrom"/> on and as stored before it.</summary>
    private static async Task<Dictionary<(string Opd, DateOnly Day), Dictionary<string, IndicatorReading>>> ReadDaysAsync(
        SituationDbContext db,
        List<string> opds,
        ScoringInputs.ComplaintSet complaints,
        List<ScoringInputs.DeviceRow> deviceRows,
        Dictionary<ValueKey, StoredValue> stored,
        DateOnly firstDay,
        DateOnly today,
        DateOnly deviceFrom,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var storedDaily = stored.Where(s => s.Key.Kind == DayKind)
            .GroupBy(s => (s.Key.Opd, s.Key.Start))
            .ToDictionary(g => g.Key, g => g.Where(s => s.Value.Value is not null).ToDictionary(s => s.Key.Code, s => new IndicatorReading(s.Value.Value, s.Value.Weight), StringComparer.Ordinal));
        var daily = new Dictionary<(string, DateOnly), Dictionary<string, IndicatorReading>>();

        // One read of the device history the run needs (one scan of the intervals table: per-quarter reads each scanned
        // it again), walked forward a day at a time by a cursor per device.
        // REVIEW: a full run over a year of a city's telemetry holds about 1.3 million intervals (~150 MB) for its
        // duration; a province-sized room should stream them ordered by device instead.
        var devices = (await ScoringInputs.DeviceStandingsAsync(db, deviceRows, Wib.StartOfDayUtc(deviceFrom), Wib.StartOfDayUtc(today.AddDays(1)), cancellationToken))
            .ToDictionary(g => g.Key, g => g.Select(d => new DeviceCursor(d)).ToList());
        for (var day = firstDay; day <= today; day = day.AddDays(1))
        {
            var window = new TimeWindow(Utc(Wib.StartOfDayUtc(day)), Utc(Wib.StartOfDayUtc(day.AddDays(1))));
            var deviceDay = day >= deviceFrom;
            foreach (var opd in opds)
            {
                var fresh = AutomaticIndicators.Compute(
                    day == today ? complaints.OwnedBy(opd) : complaints.JudgedOn(opd, day),
                    deviceDay && devices.TryGetValue(opd, out var owned) ? owned.Select(d => d.Within(window, now)).ToList() : [],
                    window,
                    now);
                daily[(opd, day)] = Merge(fresh, storedDaily.GetValueOrDefault((opd, day)), deviceDay, day == today);
            }
        }

        return daily;
    }

    private static Dictionary<string, IndicatorReading> Merge(
        IReadOnlyDictionary<string, IndicatorReading> fresh, Dictionary<string, IndicatorReading>? stored, bool deviceDay, bool today)
    {
        var merged = new Dictionary<string, IndicatorReading>(StringComparer.Ordinal);
        foreach (var (code, reading) in fresh)
        {
            if (reading.Value is not null && (deviceDay || !AutomaticIndicators.FromDevices.Contains(code)))
            {
                merged[code] = reading;
            }
        }

        foreach (var (code, reading) in stored ?? [])
        {
            var cannotReadAgain = (!deviceDay && AutomaticIndicators.FromDevices.Contains(code)) || (!today && AutomaticIndicators.PointInTime.Contains(code));
            if (cannotReadAgain)
            {
                merged[code] = reading;
            }
        }

        return merged;
    }

    private static async Task<Dictionary<ValueKey, StoredValue>> StoredValuesAsync(SituationDbContext db, DateOnly firstDay, CancellationToken cancellationToken) =>
        (await db.SmartIndicatorValues.AsNoTracking()
            .Where(v => !v.IsManual && v.PeriodStart >= firstDay && StoredKinds.Contains(v.PeriodKind))
            .Select(v => new { v.Id, v.OpdCode, v.PeriodKind, v.PeriodStart, v.IndicatorCode, v.Value, v.Weight })
            .ToListAsync(cancellationToken))
        .ToDictionary(v => new ValueKey(v.OpdCode, v.PeriodKind, v.PeriodStart, v.IndicatorCode), v => new StoredValue(v.Id, v.Value, v.Weight));

    private static IEnumerable<Period> Periods(PeriodKind kind, DateOnly firstDay, DateOnly today)
    {
        var period = Period.Containing(firstDay, kind);
        if (period.Start < firstDay)
        {
            period = period.Next();
        }

        for (; period.Start <= today; period = period.Next())
        {
            yield return period;
        }
    }

    private static Dictionary<string, IndicatorReading> NonNull(IReadOnlyDictionary<string, IndicatorReading> readings) =>
        readings.Where(r => r.Value.Value is not null).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    private static void Add(Dictionary<ValueKey, IndicatorReading> values, string opd, string kind, DateOnly start, IReadOnlyDictionary<string, IndicatorReading> readings)
    {
        foreach (var (code, reading) in readings)
        {
            values[new ValueKey(opd, kind, start, code)] = reading;
        }
    }

    private static SmartScore ToScore(string opd, Period period, Scorecard card, DateTimeOffset now) => new()
    {
        OpdCode = opd,
        PeriodKind = period.Kind.ToString(),
        PeriodStart = period.Start,
        RuleSetVersion = card.RuleSetVersion,
        Composite = card.Composite,
        Systemic = card.Dimension(SmartDimension.Systemic)?.Score,
        Monitorable = card.Dimension(SmartDimension.Monitorable)?.Score,
        Accessible = card.Dimension(SmartDimension.Accessible)?.Score,
        Reliable = card.Dimension(SmartDimension.Reliable)?.Score,
        Timebound = card.Dimension(SmartDimension.Timebound)?.Score,
        AutomaticCoverage = card.AutomaticCoverage,
        Rankable = card.Rankable,
        ComputedAt = now.UtcDateTime,
    };

    private static bool SameScore(SmartScore a, SmartScore b) =>
        a.RuleSetVersion == b.RuleSetVersion && a.Composite == b.Composite && a.Systemic == b.Systemic && a.Monitorable == b.Monitorable
        && a.Accessible == b.Accessible && a.Reliable == b.Reliable && a.Timebound == b.Timebound
        && a.AutomaticCoverage == b.AutomaticCoverage && a.Rankable == b.Rankable;

    /// <summary>Writes only what differs from the store, in one transaction with prepared commands: the first run over a
    /// year writes a few hundred thousand rows, later runs a few hundred.</summary>
    private static async Task<(int Values, int Scores)> WriteDifferenceAsync(
        SituationDbContext db,
        Dictionary<ValueKey, StoredValue> storedValues,
        Dictionary<ValueKey, IndicatorReading> values,
        List<SmartScore> storedScores,
        Dictionary<ScoreKey, SmartScore> scores,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var valueInserts = values.Where(v => !storedValues.ContainsKey(v.Key)).OrderBy(v => v.Key).ToList();
        var valueUpdates = values.Where(v => storedValues.TryGetValue(v.Key, out var s) && (s.Value != v.Value.Value || s.Weight != v.Value.Weight))
            .Select(v => (storedValues[v.Key].Id, v.Value)).ToList();
        var valueDeletes = storedValues.Where(s => !values.ContainsKey(s.Key)).Select(s => s.Value.Id).ToList();

        var storedByKey = storedScores.ToDictionary(s => new ScoreKey(s.OpdCode, s.PeriodKind, s.PeriodStart));
        var scoreInserts = scores.Where(s => !storedByKey.ContainsKey(s.Key)).OrderBy(s => s.Key).Select(s => s.Value).ToList();
        var scoreUpdates = scores.Where(s => storedByKey.TryGetValue(s.Key, out var old) && !SameScore(old, s.Value))
            .Select(s => (storedByKey[s.Key].Id, s.Value)).ToList();
        var scoreDeletes = storedByKey.Where(s => !scores.ContainsKey(s.Key)).Select(s => s.Value.Id).ToList();

        var valuesWritten = valueInserts.Count + valueUpdates.Count + valueDeletes.Count;
        var scoresWritten = scoreInserts.Count + scoreUpdates.Count + scoreDeletes.Count;
        if (valuesWritten + scoresWritten == 0)
        {
            return (0, 0);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            Execute(
                connection,
                transaction,
                "INSERT INTO \"SmartIndicatorValues\" (\"OpdCode\", \"PeriodKind\", \"PeriodStart\", \"IndicatorCode\", \"Value\", \"Weight\", \"IsManual\", \"RecordedAt\", \"RecordedBy\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, 0, @p6, @p7)",
                valueInserts,
                v => [v.Key.Opd, v.Key.Kind, v.Key.Start, v.Key.Code, v.Value.Value, v.Value.Weight, at, RecordedBy]);
            Execute(
                connection,
                transaction,
                "UPDATE \"SmartIndicatorValues\" SET \"Value\" = @p1, \"Weight\" = @p2, \"RecordedAt\" = @p3 WHERE \"Id\" = @p0",
                valueUpdates,
                v => [v.Id, v.Value.Value, v.Value.Weight, at]);
            Execute(connection, transaction, "DELETE FROM \"SmartIndicatorValues\" WHERE \"Id\" = @p0", valueDeletes, id => [id]);
            Execute(
                connection,
                transaction,
                "INSERT INTO \"SmartScores\" (\"OpdCode\", \"PeriodKind\", \"PeriodStart\", \"RuleSetVersion\", \"Composite\", \"Systemic\", \"Monitorable\", \"Accessible\", \"Reliable\", \"Timebound\", \"AutomaticCoverage\", \"Rankable\", \"ComputedAt\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)",
                scoreInserts,
                s => [s.OpdCode, s.PeriodKind, s.PeriodStart, s.RuleSetVersion, s.Composite, s.Systemic, s.Monitorable, s.Accessible, s.Reliable, s.Timebound, s.AutomaticCoverage, s.Rankable, s.ComputedAt]);
            Execute(
                connection,
                transaction,
                "UPDATE \"SmartScores\" SET \"RuleSetVersion\" = @p1, \"Composite\" = @p2, \"Systemic\" = @p3, \"Monitorable\" = @p4, \"Accessible\" = @p5, \"Reliable\" = @p6, \"Timebound\" = @p7, \"AutomaticCoverage\" = @p8, \"Rankable\" = @p9, \"ComputedAt\" = @p10 WHERE \"Id\" = @p0",
                scoreUpdates,
                s => [s.Id, s.Value.RuleSetVersion, s.Value.Composite, s.Value.Systemic, s.Value.Monitorable, s.Value.Accessible, s.Value.Reliable, s.Value.Timebound, s.Value.AutomaticCoverage, s.Value.Rankable, s.Value.ComputedAt]);
            Execute(connection, transaction, "DELETE FROM \"SmartScores\" WHERE \"Id\" = @p0", scoreDeletes, id => [id]);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return (valuesWritten, scoresWritten);
    }

    private static void Execute<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<T> rows, Func<T, object?[]> values) =>
        PreparedBatch.Execute(connection, transaction, sql, rows, values);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>A device's history walked forward one day at a time: each day sees only the intervals overlapping it,
    /// so a year of telemetry is read once per device rather than once per device and day.</summary>
    private sealed class DeviceCursor(DeviceStanding standing)
    {
        private readonly StatusInterval[] history = standing.History.ToArray();
        private int first;

        /// <summary>The standing with only the intervals overlapping <paramref name="window"/>; windows must come in order.</summary>
        public DeviceStanding Within(TimeWindow window, DateTimeOffset now)
        {
            while (first < history.Length && (history[first].To ?? now) <= window.Start)
            {
                first++;
            }

            var end = first;
            while (end < history.Length && history[end].From < window.End)
            {
                end++;
            }

            return standing with { History = new ArraySegment<StatusInterval>(history, first, end - first) };
        }
    }

    private readonly record struct ValueKey(string Opd, string Kind, DateOnly Start, string Code) : IComparable<ValueKey>
    {
        public int CompareTo(ValueKey other)
        {
            var byScore = new ScoreKey(Opd, Kind, Start).CompareTo(new ScoreKey(other.Opd, other.Kind, other.Start));
            return byScore != 0 ? byScore : string.CompareOrdinal(Code, other.Code);
        }
    }

    private readonly record struct ScoreKey(string Opd, string Kind, DateOnly Start) : IComparable<ScoreKey>
    {
        public int CompareTo(ScoreKey other)
        {
            var byOpd = string.CompareOrdinal(Opd, other.Opd);
            var byKind = string.CompareOrdinal(Kind, other.Kind);
            return byOpd != 0 ? byOpd : byKind != 0 ? byKind : Start.CompareTo(other.Start);
        }
    }

    private readonly record struct StoredValue(long Id, double? Value, double Weight);
}
