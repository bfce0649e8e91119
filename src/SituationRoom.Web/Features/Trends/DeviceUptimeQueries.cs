using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Trends;

/// <summary>One active device and its uptime over a window: a row behind an uptime figure.</summary>
public sealed record DeviceUptimeRow(
    string Id,
    string Name,
    string OpdCode,
    string KecamatanCode,
    DeviceStatus Status,
    DateTime StatusSince,
    UptimeResult Uptime);

/// <summary>A device as a list shows it, without uptime (down now, dark for long, switched off).</summary>
public sealed record DeviceRow(
    string Id,
    string Name,
    string OpdCode,
    string KecamatanCode,
    DeviceLifecycle Lifecycle,
    string? LifecycleReference,
    DeviceStatus Status,
    DateTime StatusSince);

/// <summary>
/// The one place trends read device history. It reads status intervals today; when the hourly rollups land, only
/// <see cref="HistoryAsync"/> changes. Only devices in the Active lifecycle count, as on the wall: a camera switched
/// off by decision is neither up nor down. Category and channel filters do not apply to devices.
/// </summary>
public static class DeviceUptimeQueries
{
    /// <summary>Up and monitored time per WIB day of <paramref name="range"/>, summed over the filtered devices of one kind.</summary>
    public static async Task<UptimeResult[]> PerDayAsync(
        SituationDbContext db, DeviceKind kind, TrendFilter filter, DayRange range, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await PerDayAsync(db, filter, range, now, cancellationToken, kind))[kind];

    /// <summary>The same for every kind (or the ones named), from one read of the history.</summary>
    public static async Task<Dictionary<DeviceKind, UptimeResult[]>> PerDayAsync(
        SituationDbContext db, TrendFilter filter, DayRange range, DateTimeOffset now, CancellationToken cancellationToken, params DeviceKind[] kinds)
    {
        kinds = kinds.Length == 0 ? Enum.GetValues<DeviceKind>() : kinds;
        var perDay = kinds.ToDictionary(k => k, _ => new UptimeResult[range.Days]);
        var history = await HistoryAsync(db, kinds, filter, range.StartUtc, range.EndUtc, cancellationToken);
        foreach (var device in history)
        {
            DailyUptime.AddTo(perDay[device.Key.Kind], device.ToList(), range, now);
        }

        return perDay;
    }

    /// <summary>Each filtered device's uptime over [<paramref name="startUtc"/>, <paramref name="endUtc"/>), worst first.</summary>
    public static async Task<List<DeviceUptimeRow>> PerDeviceAsync(
        SituationDbContext db, DeviceKind kind, TrendFilter filter, DateTime startUtc, DateTime endUtc, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var devices = await Devices(db, kind, filter).Where(d => d.Lifecycle == DeviceLifecycle.Active).ToListAsync(cancellationToken);
        var history = (await HistoryAsync(db, [kind], filter, startUtc, endUtc, cancellationToken)).ToDictionary(g => g.Key.Id, g => g.ToList());
        var window = new TimeWindow(new DateTimeOffset(startUtc, TimeSpan.Zero), new DateTimeOffset(endUtc, TimeSpan.Zero));
        return devices
            .Select(d => new DeviceUptimeRow(d.Id, d.Name, d.OpdCode, d.KecamatanCode, d.Status, d.StatusSince, Uptime.Over(history.GetValueOrDefault(d.Id) ?? [], window, now)))
            .OrderBy(r => r.Uptime.Ratio ?? 2)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Devices of a kind under the OPD and kecamatan filter, whatever their lifecycle.</summary>
    public static IQueryable<Devices.Device> Devices(SituationDbContext db, DeviceKind kind, TrendFilter filter)
    {
        var devices = db.Devices.AsNoTracking().Where(d => d.Kind == kind);
        if (filter.Opd is { } opd)
        {
            devices = devices.Where(d => d.OpdCode == opd);
        }

        if (filter.Kecamatan is { } kecamatan)
        {
            devices = devices.Where(d => d.KecamatanCode == kecamatan);
        }

        return devices;
    }

    /// <summary>Devices that a "now" measure counts, as the wall counts them.</summary>
    public static IQueryable<DeviceRow> Now(SituationDbContext db, DeviceKind kind, DeviceMeasure measure, TrendFilter filter, DateTime nowUtc)
    {
        var devices = Devices(db, kind, filter);
        var darkSince = nowUtc.AddHours(-24);
        devices = measure switch
        {
            DeviceMeasure.SwitchedOff => devices.Where(d => d.Lifecycle == DeviceLifecycle.SwitchedOff),
            DeviceMeasure.DarkLong => devices.Where(d => d.Lifecycle == DeviceLifecycle.Active
                && d.Status != DeviceStatus.Online && d.Status != DeviceStatus.Degraded && d.StatusSince < darkSince),
            _ => devices.Where(d => d.Lifecycle == DeviceLifecycle.Active && d.Status != DeviceStatus.Online && d.Status != DeviceStatus.Degraded),
        };
        return devices
            .OrderBy(d => d.StatusSince)
            .ThenBy(d => d.Id)
            .Select(d => new DeviceRow(d.Id, d.Name, d.OpdCode, d.KecamatanCode, d.Lifecycle, d.LifecycleReference, d.Status, d.StatusSince));
    }

    /// <summary>The status intervals of the filtered active devices that overlap the window, per device, in order.</summary>
    private static async Task<ILookup<(string Id, DeviceKind Kind), StatusInterval>> HistoryAsync(
        SituationDbContext db, DeviceKind[] kinds, TrendFilter filter, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken)
    {
        var devices = db.Devices.AsNoTracking().Where(d => d.Lifecycle == DeviceLifecycle.Active);
        if (kinds.Length == 1)
        {
            var kind = kinds[0];
            devices = devices.Where(d => d.Kind == kind);
        }

        if (filter.Opd is { } opd)
        {
            devices = devices.Where(d => d.OpdCode == opd);
        }

        if (filter.Kecamatan is { } kecamatan)
        {
            devices = devices.Where(d => d.KecamatanCode == kecamatan);
        }

        var rows = await db.DeviceStatusIntervals.AsNoTracking()
            .Where(i => i.From < endUtc && (i.To == null || i.To > startUtc))
            .Join(devices, i => i.DeviceId, d => d.Id, (i, d) => new { i.DeviceId, d.Kind, i.Status, i.From, i.To })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.From)
            .ToLookup(r => (r.DeviceId, r.Kind), r => new StatusInterval(r.Status, Utc(r.From), r.To is { } to ? Utc(to) : null));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
