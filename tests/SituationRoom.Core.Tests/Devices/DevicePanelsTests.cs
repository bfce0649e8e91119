using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;

namespace SituationRoom.Core.Tests.Devices;

/// <summary>The wall's device panels as composed from facts: maintenance, down durations, area incidents.</summary>
public sealed class DevicePanelsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private static readonly SituationNames Names = new(
        new Dictionary<string, string> { ["DISKOMINFO"] = "Diskominfo" },
        new Dictionary<string, string> { ["33.74.01"] = "Semarang Tengah", ["33.74.05"] = "Genuk" })
    {
        Kelurahan = new Dictionary<string, string> { ["33.74.01.1001"] = "Miroto" },
    };

    [Fact]
    public void Wifi_HotspotInAnnouncedMaintenanceNow_ShownApartNotDown()
    {
        var maintained = Device("W2", DeviceStatus.Offline, Now.AddMinutes(-30)) with
        {
            Excluded = [new TimeWindow(Now.AddHours(-1), Now.AddHours(1))],
        };

        var panel = SituationComposer.Wifi([Device("W1", DeviceStatus.Online, Now.AddDays(-2)), maintained], Now, Names);

        Assert.Equal((1, 1, 0, 1), (panel.Active, panel.Up, panel.Down, panel.NotActive));
    }

    [Fact]
    public void Wifi_MaintenanceEarlierToday_LeftOutOfTheDaysUptime()
    {
        var device = Device("W1", DeviceStatus.Online, Now.AddHours(-2)) with
        {
            Recent =
            [
                new StatusInterval(DeviceStatus.Online, Now.AddDays(-2), Now.AddHours(-8)),
                new StatusInterval(DeviceStatus.Offline, Now.AddHours(-8), Now.AddHours(-2)),
                new StatusInterval(DeviceStatus.Online, Now.AddHours(-2), null),
            ],
            Excluded = [new TimeWindow(Now.AddHours(-8), Now.AddHours(-2))],
        };

        var panel = SituationComposer.Wifi([device], Now, Names);

        Assert.Equal(1.0, panel.Uptime24h);
    }

    [Fact]
    public void Wifi_DownForMinutesHoursAndDays_CountedByHowLong()
    {
        var panel = SituationComposer.Wifi(
            [
                Device("W1", DeviceStatus.Offline, Now.AddMinutes(-10)),
                Device("W2", DeviceStatus.Offline, Now.AddHours(-3)),
                Device("W3", DeviceStatus.Offline, Now.AddDays(-3)),
            ],
            Now,
            Names);

        Assert.Equal((3, 2, 1), (panel.Down, panel.DownOver1h, panel.DownOver24h));
    }

    [Fact]
    public void AreaIncidents_OpenKelurahanAndKecamatanIncidents_NamedAndMostDarkFirst()
    {
        var open = new[]
        {
            new AreaIncident("kel-a", AreaLevel.Kelurahan, "33.74.01.1001", Now.AddMinutes(-5), 6, 7, 9),
            new AreaIncident("kec-b", AreaLevel.Kecamatan, "33.74.05", Now.AddMinutes(-20), 40, 44, 60),
            new AreaIncident("kel-c", AreaLevel.Kelurahan, "33.74.01.1002", Now.AddHours(-2), 5, 5, 8, ClosedAt: Now.AddHours(-1)),
        };

        var panel = SituationComposer.AreaIncidents(open, Names);

        Assert.Equal(["kec-b", "kel-a"], panel.Open.Select(l => l.Id));
        Assert.Equal(("kecamatan", "Genuk", "Genuk"), (panel.Open[0].Level, panel.Open[0].AreaName, panel.Open[0].KecamatanName));
        Assert.Equal(("kelurahan", "Miroto", "Semarang Tengah"), (panel.Open[1].Level, panel.Open[1].AreaName, panel.Open[1].KecamatanName));
        Assert.Equal(46, panel.DevicesDark);
    }

    [Fact]
    public void AreaIncidents_SameIncidentsTwice_EqualPanels()
    {
        var open = new[] { new AreaIncident("kel-a", AreaLevel.Kelurahan, "33.74.01.1001", Now, 6, 7, 9) };

        Assert.Equal(SituationComposer.AreaIncidents(open, Names), SituationComposer.AreaIncidents(open, Names));
    }

    private static DeviceFact Device(string id, DeviceStatus status, DateTimeOffset since) =>
        new(id, DeviceKind.Hotspot, "DISKOMINFO", "33.74.05", null, DeviceLifecycle.Active, status, since, Now, [new StatusInterval(status, since, null)]);
}
