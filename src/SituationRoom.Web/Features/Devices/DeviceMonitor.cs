using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Devices;

/// <summary>
/// The server's watch over the fleet: on start it leaves the time it was not running out of uptime and rebuilds
/// the area incidents; then it sweeps silences, checkpoints last reports, recomputes recent rollups and applies
/// retention, each step on its own so that one failing tick never stops the others or the next.
/// </summary>
public sealed class DeviceMonitor(
    IDbContextFactory<SituationDbContext> dbFactory,
    DeviceTelemetry telemetry,
    DeviceHistoryWriter writer,
    LiveSituation live,
    TimeProvider clock,
    IOptions<DevicesOptions> options,
    ILogger<DeviceMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(6);

    private DateTimeOffset rollupsFrom;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ResumeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await telemetry.CheckpointAsync(cancellationToken);
            if (writer.MonitorRunId is { } run)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                await db.DeviceMonitorRuns.Where(r => r.Id == run).ExecuteUpdateAsync(u => u.SetProperty(r => r.StoppedAt, now).SetProperty(r => r.AliveAt, now), cancellationToken);
            }
        }
        catch (Exception ex)
        {
            // The next start reads the run's last sign of life instead.
            logger.LogWarning(ex, "Recording the monitor's stop failed");
        }
    }

    /// <summary>Runs on start, before requests are taken.</summary>
    internal async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = await db.DeviceMonitorRuns.OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var lastWatched = previous is null ? (DateTime?)null : previous.StoppedAt ?? previous.AliveAt;
        if (lastWatched is { } watched && now - DeviceRollupStore.Utc(watched) > options.Value.UnwatchedGap)
        {
            // Nobody watched between the last sign of life and now: cut every open interval there, so the gap is
            // time not monitored rather than guessed up or down.
            var cut = await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"DeviceStatusIntervals\" (\"DeviceId\", \"Status\", \"From\") " +
                "SELECT \"DeviceId\", \"Status\", {0} FROM \"DeviceStatusIntervals\" WHERE \"To\" IS NULL AND \"From\" < {0}; " +
                "UPDATE \"DeviceStatusIntervals\" SET \"To\" = MAX(\"From\", {1}) WHERE \"To\" IS NULL AND \"From\" < {0};",
                [nowUtc, watched],
                cancellationToken);
            logger.LogInformation("Monitoring was off from {From:o} to {To:o}; {Count} device histories leave that gap unmonitored", watched, nowUtc, cut);
            await live.ReloadDevicesAsync(cancellationToken);
        }

        var run = new DeviceMonitorRun { StartedAt = nowUtc, AliveAt = nowUtc };
        db.DeviceMonitorRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        writer.MonitorRunId = run.Id;

        var reportIntervals = await db.Devices.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ReportIntervalSeconds, StringComparer.Ordinal, cancellationToken);
        var transitions = await RecentTransitionsAsync(db, now, cancellationToken);
        var records = telemetry.Start(now, reportIntervals, transitions);
        var stillOpen = records.Where(r => r.ClosedAt is null).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        await writer.WriteAsync(new DeviceWrite([], records), cancellationToken);

        // An incident the replay no longer finds open ended while nobody watched.
        await db.AreaIncidents
            .Where(i => i.ClosedAt == null && !stillOpen.Contains(i.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ClosedAt, nowUtc).SetProperty(i => i.UpdatedAt, nowUtc), cancellationToken);

        await RefreshExclusionsAsync(db, live, now, cancellationToken);
        var lastRollup = await db.DeviceHourlyRollups.MaxAsync(r => (DateTime?)r.HourStart, cancellationToken);
        var catchUp = now - (lastRollup is null ? options.Value.RollupFirstCatchUp : options.Value.RollupCatchUp);
        rollupsFrom = lastRollup is { } hour && DeviceRollupStore.Utc(hour) > catchUp ? DeviceRollupStore.Utc(hour) : catchUp;
    }

    /// <summary>Puts announced maintenance and lifecycle periods of the last day (and ahead) on each device in memory.</summary>
    internal static async Task RefreshExclusionsAsync(SituationDbContext db, LiveSituation live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var exclusions = await DeviceExclusions.LoadAsync(db, (now - TimeSpan.FromHours(25)).UtcDateTime, cancellationToken);
        live.Apply(new[] { DeviceKind.Hotspot, DeviceKind.Camera }
            .SelectMany(live.Devices)
            .Select(d => d with { Excluded = exclusions.For(d.Id, d.Kind, d.KecamatanCode, d.OpdCode, d.Lifecycle) }));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCheckpoint = clock.GetUtcNow();
        var lastRollup = DateTimeOffset.MinValue;
        var lastRetention = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            await Step("sweep", async () => await telemetry.SweepAsync(stoppingToken), stoppingToken);
            if (now - lastCheckpoint >= CheckpointInterval && await Step("checkpoint", async () => await telemetry.CheckpointAsync(stoppingToken), stoppingToken))
            {
                lastCheckpoint = now;
            }

            if (now - lastRollup >= options.Value.RollupInterval && await Step("rollups", () => RollupAsync(now, stoppingToken), stoppingToken))
            {
                lastRollup = now;
            }

            if (now - lastRetention >= RetentionInterval && await Step("retention", () => RetentionAsync(now, stoppingToken), stoppingToken))
            {
                lastRetention = now;
            }
        }
    }

    internal async Task<int> RollupAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lookback = now - options.Value.RollupLookback;
        var from = rollupsFrom < lookback ? rollupsFrom : lookback;
        var cells = await DeviceRollupStore.RecomputeAsync(db, from, now, cancellationToken);
        rollupsFrom = lookback;
        return cells;
    }

    private async Task<int> RetentionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (intervals, rollups) = await DeviceRollupStore.ApplyRetentionAsync(db, now, options.Value, cancellationToken);
        return intervals + rollups;
    }

    private async Task<bool> Step(string name, Func<Task<int>> step, CancellationToken stoppingToken)
    {
        try
        {
            await step();
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Device monitor step {Step} failed; the next tick tries again", name);
            return false;
        }
    }

    /// <summary>Up/dark crossings of active devices since a little before the oldest open incident, for the tracker to replay.</summary>
    private async Task<List<DeviceTransition>> RecentTransitionsAsync(SituationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var oldestOpen = await db.AreaIncidents.Where(i => i.ClosedAt == null).MinAsync(i => (DateTime?)i.OpenedAt, cancellationToken);
        var since = now - options.Value.AreaIncidents.Window * 2;
        if (oldestOpen is { } opened && DeviceRollupStore.Utc(opened) - options.Value.AreaIncidents.Window < since)
        {
            since = DeviceRollupStore.Utc(opened) - options.Value.AreaIncidents.Window;
        }

        var sinceUtc = since.UtcDateTime;
        var devices = await db.Devices.AsNoTracking()
            .Where(d => d.Lifecycle == DeviceLifecycle.Active)
            .Select(d => new { d.Id, d.KecamatanCode, d.KelurahanCode })
            .ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        var intervals = await db.DeviceStatusIntervals.AsNoTracking()
            .Where(i => i.To == null || i.To >= sinceUtc)
            .Select(i => new { i.DeviceId, i.Status, i.From })
            .ToListAsync(cancellationToken);
        var transitions = new List<DeviceTransition>();
        foreach (var history in intervals.GroupBy(i => i.DeviceId))
        {
            if (!devices.TryGetValue(history.Key, out var device))
            {
                continue;
            }

            bool? wasUp = null;
            foreach (var interval in history.OrderBy(i => i.From))
            {
                var isUp = interval.Status.IsUp();
                // A device already dark at the start of the replay counts as dark since its interval began.
                if (wasUp is null ? !isUp : wasUp != isUp)
                {
                    transitions.Add(new DeviceTransition(device.Id, device.KecamatanCode, device.KelurahanCode, isUp, DeviceRollupStore.Utc(interval.From)));
                }

                wasUp = isUp;
            }
        }

        return transitions;
    }
}
