using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class FleetTests
{
    [Fact]
    public void UpNow_MixedLifecycles_OnlyActiveDevicesInTheShare()
    {
        var summary = Fleet.UpNow(
        [
            (DeviceLifecycle.Active, DeviceStatus.Online),
            (DeviceLifecycle.Active, DeviceStatus.Degraded),
            (DeviceLifecycle.Active, DeviceStatus.Offline),
            (DeviceLifecycle.Active, DeviceStatus.Online),
            (DeviceLifecycle.Maintenance, DeviceStatus.Offline),
            (DeviceLifecycle.SwitchedOff, DeviceStatus.Offline),
            (DeviceLifecycle.SwitchedOff, DeviceStatus.Offline),
            (DeviceLifecycle.Decommissioned, DeviceStatus.Online),
        ]);

        Assert.Equal(new FleetSummary(Up: 3, Total: 4, InMaintenance: 1, SwitchedOff: 2, Decommissioned: 1), summary);
        Assert.Equal(0.75, summary.Share);
        Assert.Equal(1, summary.Down);
    }

    [Fact]
    public void UpNow_CamerasAnsweringWithoutFramesOrFrozen_NotUp()
    {
        var summary = Fleet.UpNow(
        [
            (DeviceLifecycle.Active, DeviceStatus.NoFrames),
            (DeviceLifecycle.Active, DeviceStatus.Frozen),
        ]);

        Assert.Equal(0.0, summary.Share);
    }

    [Fact]
    public void UpNow_ThousandsSwitchedOffByDecision_ShareOfTheRestUnchanged()
    {
        var active = Enumerable.Repeat((DeviceLifecycle.Active, DeviceStatus.Online), 900)
            .Concat(Enumerable.Repeat((DeviceLifecycle.Active, DeviceStatus.Offline), 100));
        var switchedOff = Enumerable.Repeat((DeviceLifecycle.SwitchedOff, DeviceStatus.Offline), 3000);

        var summary = Fleet.UpNow(active.Concat(switchedOff));

        Assert.Equal(0.9, summary.Share);
        Assert.Equal(3000, summary.SwitchedOff);
    }

    [Fact]
    public void UpNow_NoActiveDevice_ShareIsNull()
    {
        var summary = Fleet.UpNow([(DeviceLifecycle.Decommissioned, DeviceStatus.Offline)]);

        Assert.Null(summary.Share);
        Assert.Equal(0, summary.Total);
    }

    [Fact]
    public void UpNow_AllUpAfterAnOutage_DiffersFromAverageUptimeOverTheDay()
    {
        var t0 = new DateTimeOffset(2025, 10, 14, 0, 0, 0, TimeSpan.FromHours(7));
        var day = new TimeWindow(t0, t0.AddHours(24));
        var history = new[]
        {
            new StatusInterval(DeviceStatus.Offline, t0, t0.AddHours(6)),
            new StatusInterval(DeviceStatus.Online, t0.AddHours(6), null),
        };

        var upNow = Fleet.UpNow([(DeviceLifecycle.Active, DeviceStatus.Online), (DeviceLifecycle.Active, DeviceStatus.Online)]);
        var averageUptime = Uptime.Sum([Uptime.Over(history, day, day.End), Uptime.Over(history, day, day.End)]);

        Assert.Equal(1.0, upNow.Share);
        Assert.Equal(0.75, averageUptime.Ratio);
    }
}
