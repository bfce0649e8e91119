using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Scorecards;

/// <summary>What the scorer needs to know of one complaint owned by an OPD.</summary>
public sealed record ComplaintOutcome(
    ComplaintStatus Status,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    int ReopenCount);

/// <summary>What the scorer needs to know of one device owned by an OPD.</summary>
public sealed record DeviceStanding(
    DeviceKind Kind,
    DeviceLifecycle Lifecycle,
    DateTimeOffset? LastReportAt,
    TimeSpan ReportInterval,
    IReadOnlyList<StatusInterval> History);

/// <summary>An indicator's raw value over a period and how much evidence stands behind it (for weighting aggregates).</summary>
public readonly record struct IndicatorReading(double? Value, double Weight);

/// <summary>
/// The SMART indicators that come from data the room already has, for one OPD over one window.
/// A reading with no evidence is null ("not applicable"), never 0 or 100, so the scoring renormalises.
/// </summary>
public static class AutomaticIndicators
{
    public const string FeedsConnected = "S.feeds_connected";
    public const string AssetsReporting = "M.assets_reporting";
    public const string ComplaintsUpdated = "M.complaints_updated";
    public const string HotspotUptime = "A.hotspot_uptime";
    public const string CameraUptime = "A.camera_uptime";
    public const string NotReopened = "R.not_reopened";
    public const string SlaMet = "T.sla_met";
    public const string MeanDaysLate = "T.mean_days_late";

    /// <summary>An open complaint counts as kept up to date when touched within this span.</summary>
    public static readonly TimeSpan UpdateFreshness = TimeSpan.FromDays(3);

    /// <summary>A device counts as reporting when heard within this many report intervals.</summary>
    public const int ReportingIntervals = 3;

    /// <summary>Statements about the present ("kept up to date now", "reporting now"), read only for the window that
    /// contains now. A past day cannot be read again later, so whoever stores daily readings keeps these as taken.</summary>
    public static readonly IReadOnlySet<string> PointInTime = new HashSet<string>(StringComparer.Ordinal)
    {
        FeedsConnected, AssetsReporting, ComplaintsUpdated,
    };

    /// <summary>Readings made from device history; the rest come from complaints.</summary>
    public static readonly IReadOnlySet<string> FromDevices = new HashSet<string>(StringComparer.Ordinal)
    {
        FeedsConnected, AssetsReporting, HotspotUptime, CameraUptime,
    };

    public static IReadOnlyDictionary<string, IndicatorReading> Compute(
        IReadOnlyCollection<ComplaintOutcome> complaints,
        IReadOnlyCollection<DeviceStanding> devices,
        TimeWindow window,
        DateTimeOffset now)
    {
        var readings = new Dictionary<string, IndicatorReading>(StringComparer.Ordinal);
        AddComplaintReadings(readings, complaints, window, now);
        AddDeviceReadings(readings, devices, window, now);
        return readings;
    }

    private static void AddComplaintReadings(
        Dictionary<string, IndicatorReading> readings,
        IReadOnlyCollection<ComplaintOutcome> complaints,
        TimeWindow window,
        DateTimeOffset now)
    {
        // A complaint is judged in the window where it was closed, or, if still open, where it fell due.
        int decided = 0, onTime = 0, resolved = 0, notReopened = 0;
        double daysLate = 0;
        foreach (var c in complaints)
        {
            var closedHere = c.ClosedAt is { } closed && closed >= window.Start && closed < window.End;
            var fellDueOpen = c.ClosedAt is null && c.DueAt >= window.Start && c.DueAt < window.End && c.DueAt <= now;
            if (closedHere || fellDueOpen)
            {
                decided++;
                var finished = c.ClosedAt ?? now;
                if (finished <= c.DueAt)
                {
                    onTime++;
                }
                else
                {
                    daysLate += (finished - c.DueAt).TotalDays;
                }
            }

            if (closedHere && c.Status == ComplaintStatus.Resolved)
            {
                resolved++;
                notReopened += c.ReopenCount == 0 ? 1 : 0;
            }
        }

        readings[SlaMet] = Share(onTime, decided);
        // Weighted by the late complaints the mean is taken over, so days combine into exactly the period's mean.
        var late = decided - onTime;
        readings[MeanDaysLate] = decided == 0 ? new(null, 0) : late == 0 ? new(0, 0) : new(daysLate / late, late);
        readings[NotReopened] = Share(notReopened, resolved);

        // "Kept up to date" is a statement about now, so it is read only for the window that contains now.
        if (now >= window.Start && now < window.End)
        {
            var open = complaints.Where(c => c.Status.IsOpen()).ToList();
            readings[ComplaintsUpdated] = Share(open.Count(c => now - c.UpdatedAt <= UpdateFreshness), open.Count);
        }
    }

    private static void AddDeviceReadings(
        Dictionary<string, IndicatorReading> readings,
        IReadOnlyCollection<DeviceStanding> devices,
        TimeWindow window,
        DateTimeOffset now)
    {
        var hotspots = UptimeResult.None;
        var cameras = UptimeResult.None;
        foreach (var device in devices.Where(d => d.Lifecycle == DeviceLifecycle.Active))
        {
            var uptime = Uptime.Over(device.History, window, now);
            if (device.Kind == DeviceKind.Hotspot)
            {
                hotspots += uptime;
            }
            else
            {
                cameras += uptime;
            }
        }

        readings[HotspotUptime] = Percent(hotspots);
        readings[CameraUptime] = Percent(cameras);

        if (now >= window.Start && now < window.End)
        {
            var registered = devices.Where(d => d.Lifecycle != DeviceLifecycle.Decommissioned).ToList();
            var active = registered.Where(d => d.Lifecycle == DeviceLifecycle.Active).ToList();
            var reporting = active.Count(d => d.LastReportAt is { } last && now - last <= d.ReportInterval * ReportingIntervals);

            // Switched-off or long-silent devices are registered but not connected: they pull Systemic down.
            readings[FeedsConnected] = Share(active.Count(d => d.LastReportAt is not null), registered.Count);
            readings[AssetsReporting] = Share(reporting, active.Count);
        }
    }

    /// <summary>Rolls readings of consecutive windows (days) up to the period they make: each code is the evidence-weighted
    /// mean of the windows that have a value (<see cref="PeriodAggregation.Combine"/>) and carries their summed weight, so
    /// combining days gives what <see cref="Compute"/> gives over the whole period, and periods combine again the same
    /// way. A period whose judged complaints were all on time keeps mean lateness 0 (no late one to weigh), as Compute does.</summary>
    public static IReadOnlyDictionary<string, IndicatorReading> Combine(IEnumerable<IReadOnlyDictionary<string, IndicatorReading>> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var list = windows.ToList();
        var combined = new Dictionary<string, IndicatorReading>(StringComparer.Ordinal);
        foreach (var code in list.SelectMany(w => w.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var readings = list.Select(w => w.TryGetValue(code, out var r) ? r : new IndicatorReading(null, 0)).ToList();
            var value = PeriodAggregation.Combine(readings.Select(r => (r.Value, r.Weight)));
            var weight = readings.Where(r => r.Value is { } v && !double.IsNaN(v)).Sum(r => r.Weight);
            if (value is null && code == MeanDaysLate && readings.Any(r => r.Value is not null))
            {
                value = 0;
            }

            combined[code] = new IndicatorReading(value, weight);
        }

        return combined;
    }

    private static IndicatorReading Share(int part, int whole) =>
        whole == 0 ? new(null, 0) : new(100.0 * part / whole, whole);

    private static IndicatorReading Percent(UptimeResult uptime) =>
        uptime.Ratio is { } ratio ? new(100 * ratio, uptime.Monitored.TotalHours) : new(null, 0);
}
