using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class ExcludedTimeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void For_WindowsPerDeviceKecamatanAndOpd_OnlyThoseCoveringTheDevice()
    {
        var maintenance = new[]
        {
            Window(MaintenanceScope.Device, "CCTV-00001", null, 0, 1),
            Window(MaintenanceScope.Device, "CCTV-00002", null, 1, 2),
            Window(MaintenanceScope.Kecamatan, "33.74.01", null, 2, 3),
            Window(MaintenanceScope.Kecamatan, "33.74.02", null, 3, 4),
            Window(MaintenanceScope.Opd, "DISHUB", null, 4, 5),
            Window(MaintenanceScope.Opd, "DISHUB", DeviceKind.Hotspot, 5, 6),
        };

        var windows = ExcludedTime.For("CCTV-00001", DeviceKind.Camera, "33.74.01", "DISHUB", DeviceLifecycle.Active, [], maintenance);

        Assert.Equal([Hours(0, 1), Hours(2, 3), Hours(4, 5)], windows);
    }

    [Fact]
    public void For_NeverChangedAndNotActive_ExcludedThroughout()
    {
        var windows = ExcludedTime.For("CCTV-00001", DeviceKind.Camera, "33.74.01", "DISHUB", DeviceLifecycle.SwitchedOff, [], []);

        var uptime = Uptime.Over([new StatusInterval(DeviceStatus.Offline, T0, null)], Hours(0, 24), T0.AddHours(24), windows);

        Assert.Equal(UptimeResult.None, uptime);
    }

    [Fact]
    public void For_SwitchedOffForPartOfTheDay_OnlyTheActiveHoursCount()
    {
        var lifecycle = new[]
        {
            new LifecyclePeriod(DeviceLifecycle.Active, T0.AddDays(-30), T0.AddHours(6)),
            new LifecyclePeriod(DeviceLifecycle.SwitchedOff, T0.AddHours(6), T0.AddHours(18)),
            new LifecyclePeriod(DeviceLifecycle.Active, T0.AddHours(18), null),
        };
        var intervals = new[]
        {
            new StatusInterval(DeviceStatus.Online, T0.AddDays(-1), T0.AddHours(6)),
            new StatusInterval(DeviceStatus.Offline, T0.AddHours(6), T0.AddHours(19)),
            new StatusInterval(DeviceStatus.Online, T0.AddHours(19), null),
        };

        var windows = ExcludedTime.For("CCTV-00001", DeviceKind.Camera, "33.74.01", "DISHUB", DeviceLifecycle.Active, lifecycle, []);
        var uptime = Uptime.Over(intervals, Hours(0, 24), T0.AddHours(24), windows);

        Assert.Equal(new UptimeResult(TimeSpan.FromHours(11), TimeSpan.FromHours(12)), uptime);
    }

    [Fact]
    public void Covers_InstantAtTheEndOfAWindow_NotCovered()
    {
        IReadOnlyList<TimeWindow> windows = [Hours(1, 2)];

        Assert.True(ExcludedTime.Covers(windows, T0.AddHours(1)));
        Assert.False(ExcludedTime.Covers(windows, T0.AddHours(2)));
        Assert.False(ExcludedTime.Covers([], T0));
    }

    private static MaintenanceWindow Window(MaintenanceScope scope, string code, DeviceKind? kind, int fromHour, int toHour) =>
        new(scope, code, kind, Hours(fromHour, toHour));

    private static TimeWindow Hours(int from, int to) => new(T0.AddHours(from), T0.AddHours(to));
}
