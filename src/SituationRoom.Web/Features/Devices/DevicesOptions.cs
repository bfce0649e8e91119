using SituationRoom.Core.Devices;

namespace SituationRoom.Web.Features.Devices;

/// <summary>The "Devices" configuration section: liveness, area incidents, the monitor's rhythm and retention.</summary>
public sealed class DevicesOptions
{
    public const string Section = "Devices";

    /// <summary>A device is down after this many report intervals of silence.</summary>
    public int SilenceMultiple { get; set; } = LivenessPolicy.Default.SilenceMultiple;

    /// <summary>Consecutive up reports needed to bring a down device back (hysteresis).</summary>
    public int RecoveryReports { get; set; } = LivenessPolicy.Default.RecoveryReports;

    /// <summary>The least time between two recorded changes of one device, so a flapping device writes little.</summary>
    public TimeSpan MinDwell { get; set; } = LivenessPolicy.Default.MinDwell;

    /// <summary>A device clock set back this long (server time) is believed: see ReportOrder.</summary>
    public TimeSpan ClockResetAfter { get; set; } = TimeSpan.FromMinutes(10);

    public int MaxBatch { get; set; } = 5000;

    public AreaIncidentOptions AreaIncidents { get; set; } = new();

    /// <summary>How often silences are swept and the monitor's sign of life is written.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the recent hours' rollups are recomputed from the intervals.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Hours back that each rollup run replaces: late-dated changes (silence is dated back) land within it.</summary>
    public TimeSpan RollupLookback { get; set; } = TimeSpan.FromHours(3);

    /// <summary>After a long stop, rollups are caught up at most this far back.</summary>
    public TimeSpan RollupCatchUp { get; set; } = TimeSpan.FromDays(3);

    /// <summary>With no rollups at all (a new database, history imported or generated), this far back: the pages'
    /// 30-day uptime reads the rollups.</summary>
    public TimeSpan RollupFirstCatchUp { get; set; } = TimeSpan.FromDays(31);

    /// <summary>A stop longer than this is left out of uptime as time nobody watched.</summary>
    public TimeSpan UnwatchedGap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Closed status intervals older than this are deleted (the scorecards read a year back).</summary>
    public TimeSpan IntervalRetention { get; set; } = TimeSpan.FromDays(400);

    public TimeSpan RollupRetention { get; set; } = TimeSpan.FromDays(5 * 366);

    public LivenessPolicy Liveness() => new(SilenceMultiple, RecoveryReports, MinDwell);
}

public sealed class AreaIncidentOptions
{
    public int MinDevices { get; set; } = AreaIncidentPolicy.Default.MinDevices;

    public double MinShare { get; set; } = AreaIncidentPolicy.Default.MinShare;

    public TimeSpan Window { get; set; } = AreaIncidentPolicy.Default.Window;

    public double RecoveryShare { get; set; } = AreaIncidentPolicy.Default.RecoveryShare;

    public AreaIncidentPolicy Policy() => new(MinDevices, MinShare, Window, RecoveryShare);
}
