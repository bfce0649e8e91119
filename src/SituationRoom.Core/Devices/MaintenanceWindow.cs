namespace SituationRoom.Core.Devices;

public enum MaintenanceScope
{
    Device,
    Kecamatan,
    Opd,
}

/// <summary>Announced maintenance: one device, or every device of a kecamatan or OPD (optionally of one kind), for a time.</summary>
public sealed record MaintenanceWindow(MaintenanceScope Scope, string Code, DeviceKind? Kind, TimeWindow Window)
{
    public bool Covers(string deviceId, DeviceKind kind, string kecamatanCode, string opdCode) =>
        (Kind is null || Kind == kind) && Scope switch
        {
            MaintenanceScope.Device => string.Equals(Code, deviceId, StringComparison.Ordinal),
            MaintenanceScope.Kecamatan => string.Equals(Code, kecamatanCode, StringComparison.Ordinal),
            MaintenanceScope.Opd => string.Equals(Code, opdCode, StringComparison.Ordinal),
            _ => false,
        };
}

/// <summary>A device held one lifecycle from <see cref="From"/> until <see cref="To"/> (null: still holds it).</summary>
public sealed record LifecyclePeriod(DeviceLifecycle Lifecycle, DateTimeOffset From, DateTimeOffset? To);

/// <summary>The time that does not count against a device's uptime.</summary>
public static class ExcludedTime
{
    private static readonly TimeWindow Always = new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>Announced maintenance covering the device, and every period it was not Active, as windows for <see cref="Uptime.Over"/>.</summary>
    /// <param name="lifecycle">Recorded lifecycle periods, possibly none: a device never changed keeps <paramref name="current"/> throughout.</param>
    public static IReadOnlyList<TimeWindow> For(
        string deviceId,
        DeviceKind kind,
        string kecamatanCode,
        string opdCode,
        DeviceLifecycle current,
        IReadOnlyList<LifecyclePeriod> lifecycle,
        IEnumerable<MaintenanceWindow> maintenance)
    {
        var windows = new List<TimeWindow>();
        foreach (var window in maintenance)
        {
            if (window.Window.End > window.Window.Start && window.Covers(deviceId, kind, kecamatanCode, opdCode))
            {
                windows.Add(window.Window);
            }
        }

        if (lifecycle.Count == 0)
        {
            if (current != DeviceLifecycle.Active)
            {
                windows.Add(Always);
            }
        }
        else
        {
            foreach (var period in lifecycle)
            {
                if (period.Lifecycle != DeviceLifecycle.Active)
                {
                    windows.Add(new TimeWindow(period.From, period.To ?? DateTimeOffset.MaxValue));
                }
            }
        }

        return windows;
    }

    /// <summary>Whether an instant falls in one of the windows: a device in announced maintenance now is not "down now".</summary>
    public static bool Covers(IReadOnlyList<TimeWindow> windows, DateTimeOffset instant)
    {
        foreach (var window in windows)
        {
            if (window.Start <= instant && instant < window.End)
            {
                return true;
            }
        }

        return false;
    }
}
