using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Devices;

/// <summary>One line of /hotspots or /cctv: standing now from memory, names from the registry.</summary>
public sealed record DeviceRow(
    string Id,
    string Name,
    string KecamatanCode,
    string KecamatanName,
    string? KelurahanName,
    string OpdCode,
    string OpdName,
    DeviceLifecycle Lifecycle,
    DeviceStatus Status,
    DateTimeOffset StatusSince,
    bool InMaintenanceWindow,
    TimeSpan Down24h,
    double? Uptime24h)
{
    /// <summary>Counts against uptime now: active and not inside announced maintenance.</summary>
    public bool Counts => Lifecycle == DeviceLifecycle.Active && !InMaintenanceWindow;

    public bool IsUp => Status.IsUp();

    /// <summary>Up and monitored time over the last 24 h (Uptime24h is its ratio).</summary>
    public UptimeResult Last24h { get; init; }
}

/// <param name="Timeline">The last 7 days' intervals, clipped to that window, oldest first.</param>
public sealed record DeviceDetail(
    string Id,
    string Kind,
    string Name,
    string KecamatanCode,
    string KecamatanName,
    string? KelurahanCode,
    string? KelurahanName,
    string OpdCode,
    string OpdName,
    double? Latitude,
    double? Longitude,
    string Lifecycle,
    string? LifecycleReference,
    string Status,
    DateTimeOffset StatusSince,
    DateTimeOffset? LastReportAt,
    DateTimeOffset? LastReportedAt,
    int? Clients,
    double? BitrateKbps,
    int ReportIntervalSeconds,
    DateTimeOffset RegisteredAt,
    UptimeLine Uptime24h,
    UptimeLine Uptime7d,
    UptimeLine Uptime30d,
    IReadOnlyList<TimelineSpan> Timeline,
    IReadOnlyList<ExcludedSpan> Excluded);

public sealed record UptimeLine(double? Ratio, double UpHours, double MonitoredHours);

public sealed record TimelineSpan(string Status, bool IsUp, DateTimeOffset From, DateTimeOffset To, bool Open);

/// <summary>Time left out of uptime: announced maintenance or a lifecycle other than active.</summary>
public sealed record ExcludedSpan(string What, string? Reason, DateTimeOffset From, DateTimeOffset? To);

/// <summary>Uptime of one kecamatan or OPD (or the city) from the hourly rollups.</summary>
public sealed record AreaUptime(string Code, string Name, double? Ratio, double MonitoredHours, int Devices);

public static class DeviceQueries
{
    public static readonly TimeSpan TimelineWindow = TimeSpan.FromDays(7);

    /// <summary>Dark for longer than this is "dark for long", as on the wall.</summary>
    public static readonly TimeSpan DarkLong = TimeSpan.FromHours(24);

    private const int WorstPerKecamatan = 3;

    /// <summary>
    /// /hotspots: counts and 24-hour uptime from memory (the same facts the wall composes, so the numbers agree),
    /// 7- and 30-day uptime from the hourly rollups, and the hotspots the filter picks, longest down first: counts and
    /// list from one reading of memory, so the list is exactly what its count counts.
    /// </summary>
    public static async Task<HotspotsView> HotspotsAsync(SituationDbContext db, LiveSituation live, DeviceListFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(db, live, DeviceKind.Hotspot, now, cancellationToken);
        var counted = rows.Where(r => r.Counts).ToList();
        var down = counted.Where(r => !r.IsUp).ToList();
        var counts = new HotspotCounts(
            counted.Count,
            counted.Count - down.Count,
            down.Count(r => now - r.StatusSince > TimeSpan.FromHours(1)),
            down.Count(r => now - r.StatusSince > DarkLong),
            rows.Count - counted.Count);
        var week = await RollupUptimeAsync(db, DeviceKind.Hotspot, byOpd: false, TimeSpan.FromDays(7), now, cancellationToken);
        var month = await RollupUptimeAsync(db, DeviceKind.Hotspot, byOpd: false, TimeSpan.FromDays(30), now, cancellationToken);
        var kecamatan = counted
            .GroupBy(r => r.KecamatanCode, StringComparer.Ordinal)
            .Select(g => new KecamatanHotspots(
                g.Key,
                g.First().KecamatanName,
                g.Count(),
                g.Count(r => r.IsUp),
                Sum(g),
                week.ByArea.GetValueOrDefault(g.Key, UptimeResult.None),
                [.. g.Where(r => r.Uptime24h < 1).OrderBy(r => r.Uptime24h).ThenBy(r => r.Id, StringComparer.Ordinal).Take(WorstPerKecamatan)]))
            .OrderBy(k => k.Uptime24h.Ratio ?? 1)
            .ThenBy(k => k.Code, StringComparer.Ordinal)
            .ToList();
        return new HotspotsView(now, counts, Sum(counted), week.Window, month.Window, kecamatan, Listed(rows, filter, now));
    }

    /// <summary>/cctv: cameras now by status and by owning OPD (with its 24-hour uptime) from memory, the open area
    /// incidents, and the cameras the filter picks.</summary>
    public static async Task<CctvView> CctvAsync(SituationDbContext db, LiveSituation live, DeviceTelemetry telemetry, DeviceListFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(db, live, DeviceKind.Camera, now, cancellationToken);
        var counted = rows.Where(r => r.Counts).ToList();
        bool DarkLong(DeviceRow r) => !r.IsUp && now - r.StatusSince > DeviceQueries.DarkLong;
        var counts = new CameraCounts(
            counted.Count,
            counted.Count(r => r.IsUp),
            counted.Count(r => r.Status == DeviceStatus.Degraded),
            counted.Count(r => r.Status == DeviceStatus.NoFrames),
            counted.Count(r => r.Status == DeviceStatus.Frozen),
            counted.Count(r => r.Status == DeviceStatus.Offline),
            counted.Count(DarkLong),
            rows.Count(r => r.Lifecycle == DeviceLifecycle.SwitchedOff),
            rows.Count(r => !r.Counts && r.Lifecycle != DeviceLifecycle.SwitchedOff));
        var owners = counted
            .GroupBy(r => r.OpdCode, StringComparer.Ordinal)
            .Select(g => new OwnerCameras(g.Key, g.First().OpdName, g.Count(), g.Count(r => r.IsUp), g.Count(r => r.Status == DeviceStatus.Degraded), g.Count(DarkLong), Sum(g)))
            .OrderByDescending(o => o.Counted)
            .ThenBy(o => o.Code, StringComparer.Ordinal)
            .ToList();
        var incidents = SituationComposer.AreaIncidents([.. telemetry.OpenIncidents], live.Names).Open;
        return new CctvView(now, counts, Sum(counted), owners, [.. incidents], Listed(rows, filter, now));
    }

    /// <summary>Up and monitored seconds per kecamatan (or OPD) and for the whole city from the hourly rollups of the
    /// last <paramref name="window"/> (whole hours: the first hour is the one holding the window's start).</summary>
    public static async Task<(WindowUptime Window, Dictionary<string, UptimeResult> ByArea)> RollupUptimeAsync(
        SituationDbContext db, DeviceKind kind, bool byOpd, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = Rollups.HourOf(now - window);
        var since = start.UtcDateTime;
        var rows = await db.DeviceHourlyRollups.AsNoTracking()
            .Where(r => r.Kind == kind && r.HourStart >= since)
            .Select(r => new { Area = byOpd ? r.OpdCode : r.KecamatanCode, r.HourStart, r.UpSeconds, r.MonitoredSeconds })
            .ToListAsync(cancellationToken);
        var byArea = rows
            .GroupBy(r => r.Area, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new UptimeResult(TimeSpan.FromSeconds(g.Sum(r => r.UpSeconds)), TimeSpan.FromSeconds(g.Sum(r => r.MonitoredSeconds))), StringComparer.Ordinal);
        var total = byArea.Values.Aggregate(UptimeResult.None, (sum, u) => sum + u);
        DateTimeOffset? first = rows.Count == 0 ? null : Utc(rows.Min(r => r.HourStart));
        return (new WindowUptime(total, start, first), byArea);
    }

    private static UptimeResult Sum(IEnumerable<DeviceRow> rows) => rows.Aggregate(UptimeResult.None, (sum, r) => sum + r.Last24h);

    /// <summary>
    /// By default longest dark first (the ones to send someone to), then the up ones by id; or, sorted by downtime,
    /// the most time down over the last 24 hours first, whatever the device's state now.
    /// </summary>
    private static List<DeviceRow> Listed(List<DeviceRow> rows, DeviceListFilter filter, DateTimeOffset now)
    {
        var matching = rows.Where(r => filter.Matches(r, now));
        var ordered = filter.Sort == DeviceListFilter.MostDown24h
            ? matching.OrderByDescending(r => r.Down24h)
            : matching.OrderBy(r => r.Counts && r.IsUp).ThenBy(r => r.Counts && r.IsUp ? DateTimeOffset.MinValue : r.StatusSince);
        return [.. ordered.ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public static async Task<List<DeviceRow>> ListAsync(SituationDbContext db, LiveSituation live, DeviceKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var registry = await db.Devices.AsNoTracking().Where(d => d.Kind == kind)
            .Select(d => new { d.Id, d.Name })
            .ToDictionaryAsync(d => d.Id, d => d.Name, StringComparer.Ordinal, cancellationToken);
        var names = live.Names;
        var window = new TimeWindow(now - SituationComposer.UptimeWindow, now);
        return [.. live.Devices(kind).Select(d =>
        {
            var uptime = Uptime.Over(d.Recent, window, now, d.Excluded);
            return new DeviceRow(
                d.Id,
                registry.GetValueOrDefault(d.Id, d.Id),
                d.KecamatanCode,
                names.KecamatanName(d.KecamatanCode),
                d.KelurahanCode is null ? null : names.KelurahanName(d.KelurahanCode),
                d.OpdCode,
                names.Opd(d.OpdCode),
                d.Lifecycle,
                d.Status,
                d.StatusSince,
                ExcludedTime.Covers(d.Excluded, now),
                uptime.Monitored - uptime.Up,
                uptime.Ratio)
            {
                Last24h = uptime,
            };
        })];
    }

    public static async Task<DeviceDetail?> DetailAsync(SituationDbContext db, DeviceTelemetry telemetry, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (device is null)
        {
            return null;
        }

        var since = (now - TimeSpan.FromDays(30)).UtcDateTime;
        var intervals = (await db.DeviceStatusIntervals.AsNoTracking()
                .Where(i => i.DeviceId == id && (i.To == null || i.To > since))
                .OrderBy(i => i.From)
                .Select(i => new { i.Status, i.From, i.To })
                .ToListAsync(cancellationToken))
            .Select(i => new StatusInterval(i.Status, Utc(i.From), i.To is null ? null : Utc(i.To.Value)))
            .ToList();
        var exclusions = await DeviceExclusions.LoadAsync(db, since, cancellationToken);
        var excluded = exclusions.For(device.Id, device.Kind, device.KecamatanCode, device.OpdCode, device.Lifecycle);
        var names = new
        {
            Kecamatan = await db.Kecamatan.Where(k => k.Code == device.KecamatanCode).Select(k => k.Name).FirstOrDefaultAsync(cancellationToken),
            Kelurahan = await db.Kelurahan.Where(k => k.Code == device.KelurahanCode).Select(k => k.Name).FirstOrDefaultAsync(cancellationToken),
            Opd = await db.Opds.Where(o => o.Code == device.OpdCode).Select(o => o.ShortName).FirstOrDefaultAsync(cancellationToken),
        };
        UptimeLine Over(TimeSpan length)
        {
            var result = Uptime.Over(intervals, new TimeWindow(now - length, now), now, excluded);
            return new UptimeLine(result.Ratio, result.Up.TotalHours, result.Monitored.TotalHours);
        }

        var timelineStart = now - TimelineWindow;
        var timeline = intervals
            .Where(i => (i.To ?? now) > timelineStart)
            .Select(i => new TimelineSpan(
                i.Status.ToWire(device.Kind),
                i.Status.IsUp(),
                i.From < timelineStart ? timelineStart : i.From,
                i.To ?? now,
                i.To is null))
            .ToList();

        var lifecycle = await db.DeviceLifecyclePeriods.AsNoTracking()
            .Where(p => p.DeviceId == id && p.Lifecycle != DeviceLifecycle.Active && (p.To == null || p.To > since))
            .Select(p => new { p.Lifecycle, p.Reference, p.From, p.To })
            .ToListAsync(cancellationToken);
        var windows = await db.DeviceMaintenanceWindows.AsNoTracking()
            .Where(w => w.CancelledAt == null && w.End > since)
            .ToListAsync(cancellationToken);
        var spans = lifecycle
            .Select(p => new ExcludedSpan(DeviceLifecycles.ToWire(p.Lifecycle), p.Reference, Utc(p.From), p.To is null ? null : Utc(p.To.Value)))
            .Concat(windows
                .Where(w => w.ToWindow().Covers(device.Id, device.Kind, device.KecamatanCode, device.OpdCode))
                .Select(w => new ExcludedSpan("maintenance_window", w.Reason, Utc(w.Start), Utc(w.End))))
            .OrderBy(s => s.From)
            .ToList();
        if (lifecycle.Count == 0 && device.Lifecycle != DeviceLifecycle.Active)
        {
            spans.Insert(0, new ExcludedSpan(DeviceLifecycles.ToWire(device.Lifecycle), device.LifecycleReference, Utc(device.RegisteredAt), null));
        }

        var view = telemetry.View(id);
        return new DeviceDetail(
            device.Id,
            device.Kind == DeviceKind.Hotspot ? "hotspot" : "camera",
            device.Name,
            device.KecamatanCode,
            names.Kecamatan ?? device.KecamatanCode,
            device.KelurahanCode,
            names.Kelurahan,
            device.OpdCode,
            names.Opd ?? device.OpdCode,
            device.Latitude,
            device.Longitude,
            DeviceLifecycles.ToWire(device.Lifecycle),
            device.LifecycleReference,
            device.Status.ToWire(device.Kind),
            Utc(device.StatusSince),
            view?.LastReportAt ?? (device.LastReportAt is null ? null : Utc(device.LastReportAt.Value)),
            view?.ReportedAt ?? (device.LastReportedAt is null ? null : Utc(device.LastReportedAt.Value)),
            view?.Clients ?? device.LastClients,
            view?.BitrateKbps ?? device.LastBitrateKbps,
            device.ReportIntervalSeconds,
            Utc(device.RegisteredAt),
            Over(TimeSpan.FromHours(24)),
            Over(TimeSpan.FromDays(7)),
            Over(TimeSpan.FromDays(30)),
            timeline,
            spans);
    }

    /// <summary>Uptime per kecamatan or per OPD over the last <paramref name="window"/>, from the hourly rollups.</summary>
    public static async Task<List<AreaUptime>> UptimeByAsync(
        SituationDbContext db, DeviceKind kind, bool byOpd, TimeSpan window, DateTimeOffset now, SituationNames names, CancellationToken cancellationToken)
    {
        var since = Rollups.HourOf(now - window).UtcDateTime;
        var rows = await db.DeviceHourlyRollups.AsNoTracking()
            .Where(r => r.Kind == kind && r.HourStart >= since)
            .Select(r => new { r.KecamatanCode, r.OpdCode, r.HourStart, r.UpSeconds, r.MonitoredSeconds, r.Devices })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => byOpd ? r.OpdCode : r.KecamatanCode)
            .Select(g =>
            {
                var uptime = Uptime.Sum(g.Select(r => new UptimeResult(TimeSpan.FromSeconds(r.UpSeconds), TimeSpan.FromSeconds(r.MonitoredSeconds))));
                var devices = g.GroupBy(r => r.HourStart).Max(h => h.Sum(r => r.Devices));
                return new AreaUptime(g.Key, byOpd ? names.Opd(g.Key) : names.KecamatanName(g.Key), uptime.Ratio, uptime.Monitored.TotalHours, devices);
            })
            .OrderBy(a => a.Ratio ?? 1)
            .ThenBy(a => a.Code, StringComparer.Ordinal)];
    }

    private static DateTimeOffset Utc(DateTime value) => DeviceRollupStore.Utc(value);
}
