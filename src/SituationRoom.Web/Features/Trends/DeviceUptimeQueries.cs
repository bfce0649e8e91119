using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;
using SituationRoom.Core;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Devices;

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
/// The one place trends read device history, with the devices' own definition of uptime: announced maintenance and
/// every period a device was not Active are left out (so a camera switched off by decision is neither up nor down),
/// exactly as the hourly rollups (<see cref="DeviceRollupStore"/>) count it. Whole days the hourly rollups cover are
/// summed from them in SQL (a few hundred rows a day, whatever the fleet's size); only the other days (today so far,
/// and days before the rollups began) walk the status intervals. Category and channel filters do not apply to devices.
/// </summary>
public static class DeviceUptimeQueries
{
    /// <summary>Up and monitored time per WIB day of <paramref name="range"/>, summed over the filtered devices of one kind.</summary>
    public static async Task<UptimeResult[]> PerDayAsync(
        SituationDbContext db, DeviceKind kind, TrendFilter filter, DayRange range, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await PerDayAsync(db, filter, range, now, cancellationToken, kind))[kind];

    /// <summary>The same for every kind (or the ones named), from one read of the rollups and one of the intervals.</summary>
    public static Task<Dictionary<DeviceKind, UptimeResult[]>> PerDayAsync(
        SituationDbContext db, TrendFilter filter, DayRange range, DateTimeOffset now, CancellationToken cancellationToken, params DeviceKind[] kinds) =>
        PerDayAsync(db, filter, range, now, useRollups: true, cancellationToken, kinds);

    /// <summary>With <paramref name="useRollups"/> false every day walks the intervals: what the tests hold the rollups against.</summary>
    internal static async Task<Dictionary<DeviceKind, UptimeResult[]>> PerDayAsync(
        SituationDbContext db, TrendFilter filter, DayRange range, DateTimeOffset now, bool useRollups, CancellationToken cancellationToken, params DeviceKind[] kinds)
    {
        kinds = kinds.Length == 0 ? Enum.GetValues<DeviceKind>() : kinds;
        var perDay = kinds.ToDictionary(k => k, _ => new UptimeResult[range.Days]);
        var whole = useRollups ? await WholeRollupDaysAsync(db, range, now, cancellationToken) : null;
        if (whole is not null)
        {
            await AddRollupsAsync(db, kinds, filter, whole, range, perDay, cancellationToken);
        }

        // The days before and after the rollups' run walk the intervals.
        var pieces = whole is null
            ? [range]
            : new[] { whole.From > range.From ? new DayRange(range.From, whole.From.AddDays(-1)) : null, whole.To < range.To ? new DayRange(whole.To.AddDays(1), range.To) : null }
                .OfType<DayRange>()
                .ToArray();
        foreach (var piece in pieces)
        {
            if (piece.StartUtc >= now.UtcDateTime)
            {
                continue;
            }

            var offset = piece.From.DayNumber - range.From.DayNumber;
            var slice = kinds.ToDictionary(k => k, _ => new UptimeResult[piece.Days]);
            foreach (var device in await HistoryAsync(db, kinds, filter, piece.StartUtc, piece.EndUtc, cancellationToken))
            {
                DailyUptime.AddTo(slice[device.Kind], device.Intervals, piece, now, device.Excluded);
            }

            foreach (var kind in kinds)
            {
                slice[kind].CopyTo(perDay[kind], offset);
            }
        }

        return perDay;
    }

    /// <summary>
    /// The run of days in <paramref name="range"/> that the hourly rollups hold whole: each starts at or after the first
    /// stored hour and ends by the last one (the last hour is still being filled; every hour before it was computed after
    /// it ended). Null when there is none.
    /// </summary>
    internal static async Task<DayRange?> WholeRollupDaysAsync(SituationDbContext db, DayRange range, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = await db.DeviceHourlyRollups.MinAsync(r => (DateTime?)r.HourStart, cancellationToken);
        var last = await db.DeviceHourlyRollups.MaxAsync(r => (DateTime?)r.HourStart, cancellationToken);
        if (first is null || last is null)
        {
            return null;
        }

        var nowUtc = now.UtcDateTime;
        DateOnly? from = null, to = null;
        for (var day = range.From; day <= range.To; day = day.AddDays(1))
        {
            var start = Wib.StartOfDayUtc(day);
            var end = start.AddDays(1);
            if (start >= first && end <= last && end <= nowUtc)
            {
                from ??= day;
                to = day;
            }
        }

        return from is { } f && to is { } t ? new DayRange(f, t) : null;
    }

    /// <summary>Sums the hourly rollups of <paramref name="days"/> per WIB day and kind in SQL (WIB is UTC+7, so a WIB day is 24 whole UTC hours).</summary>
    private static async Task AddRollupsAsync(
        SituationDbContext db, DeviceKind[] kinds, TrendFilter filter, DayRange days, DayRange range, Dictionary<DeviceKind, UptimeResult[]> perDay, CancellationToken cancellationToken)
    {
        var rollups = db.DeviceHourlyRollups.AsNoTracking();
        var start = days.StartUtc;
        var end = days.EndUtc;
        rollups = rollups.Where(r => r.HourStart >= start && r.HourStart < end);
        if (kinds.Length == 1)
        {
            var kind = kinds[0];
            rollups = rollups.Where(r => r.Kind == kind);
        }

        if (filter.Opd is { } opd)
        {
            rollups = rollups.Where(r => r.OpdCode == opd);
        }

        if (filter.Kecamatan is { } kecamatan)
        {
            rollups = rollups.Where(r => r.KecamatanCode == kecamatan);
        }

        // Grouped by UTC hour in SQL (the hour is the key's first column), then folded into WIB days here: at most
        // 24 rows a day and kind reach .NET, whatever the number of kecamatan and OPDs.
        var hours = await rollups
            .GroupBy(r => new { r.HourStart, r.Kind })
            .Select(g => new { g.Key.HourStart, g.Key.Kind, Up = g.Sum(r => r.UpSeconds), Monitored = g.Sum(r => r.MonitoredSeconds) })
            .ToListAsync(cancellationToken);
        foreach (var hour in hours)
        {
            if (!perDay.TryGetValue(hour.Kind, out var slots))
            {
                continue;
            }

            var index = Wib.DateOf(Utc(hour.HourStart)).DayNumber - range.From.DayNumber;
            slots[index] += new UptimeResult(TimeSpan.FromSeconds(hour.Up), TimeSpan.FromSeconds(hour.Monitored));
        }
    }

    /// <summary>Each filtered device's uptime over [<paramref name="startUtc"/>, <paramref name="endUtc"/>), worst first: every
    /// device Active now, and any other that was monitored in the window (it was Active then), so the rows add up to the chart.</summary>
    public static async Task<List<DeviceUptimeRow>> PerDeviceAsync(
        SituationDbContext db, DeviceKind kind, TrendFilter filter, DateTime startUtc, DateTime endUtc, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var devices = await Devices(db, kind, filter).ToListAsync(cancellationToken);
        var history = (await HistoryAsync(db, [kind], filter, startUtc, endUtc, cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var window = new TimeWindow(new DateTimeOffset(startUtc, TimeSpan.Zero), new DateTimeOffset(endUtc, TimeSpan.Zero));
        return devices
            .Select(d => (Device: d, History: history.GetValueOrDefault(d.Id)))
            .Select(d => (d.Device, Uptime: Uptime.Over(d.History?.Intervals ?? [], window, now, d.History?.Excluded)))
            .Where(d => d.Device.Lifecycle == DeviceLifecycle.Active || d.Uptime.Monitored > TimeSpan.Zero)
            .Select(d => new DeviceUptimeRow(d.Device.Id, d.Device.Name, d.Device.OpdCode, d.Device.KecamatanCode, d.Device.Status, d.Device.StatusSince, d.Uptime))
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

    /// <summary>One device's status intervals that overlap a window, in order, and the time not counted against it.</summary>
    private sealed record DeviceHistory(string Id, DeviceKind Kind, IReadOnlyList<StatusInterval> Intervals, IReadOnlyList<TimeWindow> Excluded);

    /// <summary>The status intervals of the filtered devices that overlap the window, per device, with their exclusions.
    /// A device not Active now and without recorded lifecycle periods is excluded throughout (as in the rollups).</summary>
    private static async Task<List<DeviceHistory>> HistoryAsync(
        SituationDbContext db, DeviceKind[] kinds, TrendFilter filter, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken)
    {
        var devices = db.Devices.AsNoTracking();
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

        // Two reads rather than a join: alone, the intervals' condition is looked up on the index of their end (the
        // open ones, and those ending after the start), so only the intervals of the window are read. Joined to the
        // devices, SQLite would walk each device's intervals from its first one instead: all of its history.
        var scope = await devices
            .Select(d => new { d.Id, d.Kind, d.KecamatanCode, d.OpdCode, d.Lifecycle })
            .ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        var rows = await db.DeviceStatusIntervals.AsNoTracking()
            .Where(i => i.From < endUtc && (i.To == null || i.To > startUtc))
            .Select(i => new { i.DeviceId, i.Status, i.From, i.To })
            .ToListAsync(cancellationToken);
        var exclusions = await DeviceExclusions.LoadAsync(db, startUtc, cancellationToken);
        return rows
            .Where(r => scope.ContainsKey(r.DeviceId))
            .GroupBy(r => r.DeviceId, StringComparer.Ordinal)
            .Select(g =>
            {
                var d = scope[g.Key];
                return new DeviceHistory(
                    d.Id,
                    d.Kind,
                    [.. g.OrderBy(r => r.From).Select(r => new StatusInterval(r.Status, Utc(r.From), r.To is { } to ? Utc(to) : null))],
                    exclusions.For(d.Id, d.Kind, d.KecamatanCode, d.OpdCode, d.Lifecycle));
            })
            .ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
