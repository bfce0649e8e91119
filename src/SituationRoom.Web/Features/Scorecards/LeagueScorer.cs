using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core;
using SituationRoom.Core.Scorecards;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;
using LeagueRow = SituationRoom.Core.Situation.LeagueEntry;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>
/// Keeps the SMART history current and hands the wall its league: at start a full recompute of the history, then every
/// <see cref="ScorecardsOptions.RecomputeInterval"/> an incremental one (see <see cref="ScorecardRecorder"/>), each
/// followed by the month's top and bottom OPDs with their movement since last month.
/// </summary>
public sealed class LeagueScorer(
    IDbContextFactory<SituationDbContext> dbFactory,
    ScorecardRecorder recorder,
    ScorecardRules rules,
    LiveSituation live,
    TimeProvider clock,
    IOptions<ScorecardsOptions> options,
    ILogger<LeagueScorer> logger) : BackgroundService
{
    /// <summary>The last run's report; null until the first run finished.</summary>
    public ScoringReport? LastRun { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously: yield first, or this work would hold up the host's start
        // (and Kestrel's listening) until it is done.
        await Task.Yield();
        var scope = ScoringScope.Full;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecomputeAsync(scope, stoppingToken);
                scope = ScoringScope.Incremental;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scoring the OPDs failed ({Scope}); the stored scores and the wall's league stay as they were", scope);
            }

            await Task.Delay(options.Value.RecomputeInterval, clock, stoppingToken);
        }
    }

    /// <summary>Scores the history now (e.g. after an administrator corrected a manual indicator) and republishes the league.</summary>
    public async Task<ScoringReport> RecomputeAsync(ScoringScope scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var report = await recorder.RecordAsync(now, scope, cancellationToken);
        LastRun = report;
        await PublishLeagueAsync(Period.Containing(now, PeriodKind.Month), now, cancellationToken);
        return report;
    }

    /// <summary>The month's league, with each OPD's movement since the month before, to the wall. Only ranked OPDs
    /// appear: one with too little measured data is neither top nor bottom.</summary>
    public async Task PublishLeagueAsync(Period month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var table = await ScorecardQueries.LeagueAsync(db, rules, month, Wib.DateOf(now), cancellationToken);
        var ranked = table.Lines
            .Where(l => l.Rank is not null)
            .Select(l => new LeagueRow(l.Rank!.Value, l.OpdCode, l.OpdShortName, l.Composite!.Value, l.Band, l.RankChange))
            .ToList();
        var ends = options.Value.LeagueEnds;

        // The panel's time says when the scores were last checked against the data, not when one last changed.
        live.SetLeague(new LeaguePanel(
            month.Key,
            ranked.Count,
            ranked.Take(ends).ToValueList(),
            ranked.Skip(Math.Max(ends, ranked.Count - ends)).ToValueList(),
            table.Lines.Count == 0 ? null : now));
    }
}
