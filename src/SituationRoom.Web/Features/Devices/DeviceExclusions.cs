using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Devices;

/// <summary>Announced maintenance (not cancelled) and recorded lifecycle periods from a point on, to exclude from uptime.</summary>
public sealed class DeviceExclusions
{
    private readonly IReadOnlyList<MaintenanceWindow> maintenance;
    private readonly ILookup<string, LifecyclePeriod> lifecycle;

    private DeviceExclusions(IReadOnlyList<MaintenanceWindow> maintenance, ILookup<string, LifecyclePeriod> lifecycle)
    {
        this.maintenance = maintenance;
        this.lifecycle = lifecycle;
    }

    public static async Task<DeviceExclusions> LoadAsync(SituationDbContext db, DateTime since, CancellationToken cancellationToken)
    {
        var windows = await db.DeviceMaintenanceWindows.AsNoTracking()
            .Where(w => w.CancelledAt == null && w.End > since)
            .ToListAsync(cancellationToken);
        var periods = await db.DeviceLifecyclePeriods.AsNoTracking()
            .Where(p => p.To == null || p.To > since)
            .Select(p => new { p.DeviceId, p.Lifecycle, p.From, p.To })
            .ToListAsync(cancellationToken);
        return new DeviceExclusions(
            [.. windows.Select(w => w.ToWindow())],
            periods.ToLookup(p => p.DeviceId, p => new LifecyclePeriod(p.Lifecycle, DeviceRollupStore.Utc(p.From), p.To is null ? null : DeviceRollupStore.Utc(p.To.Value)), StringComparer.Ordinal));
    }

    public IReadOnlyList<TimeWindow> For(string deviceId, DeviceKind kind, string kecamatanCode, string opdCode, DeviceLifecycle current) =>
        ExcludedTime.For(deviceId, kind, kecamatanCode, opdCode, current, [.. lifecycle[deviceId]], maintenance);
}
