using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Devices;

/// <summary>
/// Hourly rollups recomputed from the intervals and replaced whole: running it twice, or again after a restart
/// in the middle of an hour, gives the same rows, never a second counted twice.
/// </summary>
public static class DeviceRollupStore
{
    /// <summary>Replaces every rollup from the hour holding <paramref name="from"/> up to <paramref name="now"/>.</summary>
    public static async Task<int> RecomputeAsync(SituationDbContext db, DateTimeOffset from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = Rollups.HourOf(from);
        var window = new TimeWindow(start, now);
        var startUtc = start.UtcDateTime;
        var nowUtc = now.UtcDateTime;
        var devices = await db.Devices.AsNoTracking()
            .Select(d => new { d.Id, d.Kind, d.KecamatanCode, d.OpdCode, d.Lifecycle })
            .ToListAsync(cancellationToken);
        var intervals = (await db.DeviceStatusIntervals.AsNoTracking()
                .Where(i => i.From < nowUtc && (i.To == null || i.To > startUtc))
                .Select(i => new { i.DeviceId, i.Status, i.From, i.To })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.DeviceId, i => new StatusInterval(i.Status, Utc(i.From), i.To is null ? null : Utc(i.To.Value)));
        var exclusions = await DeviceExclusions.LoadAsync(db, startUtc, cancellationToken);

        var cells = new Dictionary<(DateTime Hour, DeviceKind Kind, string Kecamatan, string Opd), (double Up, double Monitored, int Devices)>();
        foreach (var device in devices)
        {
            var excluded = exclusions.For(device.Id, device.Kind, device.KecamatanCode, device.OpdCode, device.Lifecycle);
            foreach (var hour in Rollups.Hourly([.. intervals[device.Id].OrderBy(i => i.From)], window, now, excluded))
            {
                var key = (hour.HourStart.UtcDateTime, device.Kind, device.KecamatanCode, device.OpdCode);
                var cell = cells.GetValueOrDefault(key);
                cells[key] = (cell.Up + hour.Up.TotalSeconds, cell.Monitored + hour.Monitored.TotalSeconds, cell.Devices + 1);
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            PreparedBatch.Execute(connection, transaction, "DELETE FROM \"DeviceHourlyRollups\" WHERE \"HourStart\" >= @p0", [startUtc], h => [h]);
            PreparedBatch.Execute(
                connection,
                transaction,
                PreparedBatch.InsertSql("DeviceHourlyRollups", ["HourStart", "Kind", "KecamatanCode", "OpdCode", "UpSeconds", "MonitoredSeconds", "Devices"]),
                cells,
                c => [c.Key.Hour, c.Key.Kind.ToString(), c.Key.Kecamatan, c.Key.Opd, c.Value.Up, c.Value.Monitored, c.Value.Devices]);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return cells.Count;
    }

    /// <summary>Deletes closed intervals and rollups older than their retention; current state is never touched.</summary>
    public static async Task<(int Intervals, int Rollups)> ApplyRetentionAsync(SituationDbContext db, DateTimeOffset now, DevicesOptions options, CancellationToken cancellationToken)
    {
        var intervalsBefore = (now - options.IntervalRetention).UtcDateTime;
        var rollupsBefore = (now - options.RollupRetention).UtcDateTime;
        var intervals = await db.DeviceStatusIntervals.Where(i => i.To != null && i.To < intervalsBefore).ExecuteDeleteAsync(cancellationToken);
        var rollups = await db.DeviceHourlyRollups.Where(r => r.HourStart < rollupsBefore).ExecuteDeleteAsync(cancellationToken);
        return (intervals, rollups);
    }

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
