using System.Globalization;
using Microsoft.Data.Sqlite;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;
using Microsoft.EntityFrameworkCore;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>Area incidents from the simulator's outage pattern, and rollups against a recomputation from the intervals.</summary>
public sealed class DeviceHistoryTests
{
    [Fact]
    public async Task SimulatorAreaOutage_OneKelurahanDark_OpensOneIncidentThatClosesWhenTheyReturn()
    {
        using var factory = new DeviceAppFactory();
        using var client = factory.Client(DeviceKind.Hotspot);
        var simulator = factory.Service<LiveSimulator>();
        var live = factory.Service<LiveSituation>();
        var outage = new SimulatorOptions { Enabled = true, Tick = TimeSpan.FromSeconds(2), ComplaintsPerHour = 0, DeviceChurnPerTick = 0, AreaOutageChancePerTick = 1, AreaOutageDuration = TimeSpan.FromMinutes(4) };

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await simulator.TickAsync(outage, CancellationToken.None);
        var opened = factory.Service<DeviceTelemetry>().OpenIncidents;
        var panel = live.Compose(factory.Clock.GetUtcNow(), force: true)!.AreaIncidents;

        Assert.Single(opened);
        Assert.Single(panel.Open);
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AreaIncidents WHERE ClosedAt IS NULL"));

        // The outage ends: the devices report up on the next ticks and the incident closes, in memory and on disk.
        var calm = new SimulatorOptions { Enabled = true, Tick = outage.Tick, ComplaintsPerHour = 0, DeviceChurnPerTick = 0, AreaOutageChancePerTick = 0 };
        for (var i = 0; i < 150 && factory.Service<DeviceTelemetry>().OpenIncidents.Count > 0; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(10));
            await simulator.TickAsync(calm, CancellationToken.None);
        }

        var area = opened[0].AreaCode;
        var dump = string.Join("; ", new[] { DeviceKind.Hotspot, DeviceKind.Camera }.SelectMany(live.Devices).Where(d => d.KelurahanCode == area)
            .Select(d => $"{d.Id} {d.Lifecycle} {d.Status} {factory.Service<DeviceTelemetry>().View(d.Id)}"));
        Assert.True(factory.Service<DeviceTelemetry>().OpenIncidents.Count == 0, dump);
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AreaIncidents"));
        Assert.Equal(0, factory.Count("SELECT COUNT(*) FROM AreaIncidents WHERE ClosedAt IS NULL"));
    }

    [Fact]
    public async Task Rollups_AfterARestartMidHour_EqualARecomputationFromTheIntervals()
    {
        using var factory = new DeviceAppFactory();
        using var client = factory.Client(DeviceKind.Hotspot);
        var monitor = factory.Service<DeviceMonitor>();
        var ids = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' ORDER BY Id LIMIT 40");

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await client.PostAsJsonAsync("/api/ingest/hotspots", new { reports = ids.Select(id => new { deviceId = id, at = factory.Clock.GetUtcNow(), status = "down" }) });
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await monitor.RollupAsync(factory.Clock.GetUtcNow(), CancellationToken.None);

        // The server stops for 25 minutes in the middle of the hour and starts again: that time is nobody's.
        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        await monitor.ResumeAsync(CancellationToken.None);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = factory.Clock.GetUtcNow();
        await monitor.RollupAsync(now, CancellationToken.None);
        await monitor.RollupAsync(now, CancellationToken.None);

        var hour = Rollups.HourOf(now);
        var expected = Expected(factory, hour, now);
        var (up, monitored) = Stored(factory, hour);
        Assert.Equal(expected.Up.TotalSeconds, up, 3);
        Assert.Equal(expected.Monitored.TotalSeconds, monitored, 3);
        var active = factory.Count("SELECT COUNT(*) FROM Devices WHERE Lifecycle = 'Active'");
        Assert.True(monitored <= active * (now - hour).TotalSeconds - active * 25 * 60 + 1, $"{monitored} counts the unwatched 25 minutes");
    }

    private static (double Up, double Monitored) Stored(DeviceAppFactory factory, DateTimeOffset hour)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT TOTAL(UpSeconds), TOTAL(MonitoredSeconds) FROM DeviceHourlyRollups WHERE HourStart = @h";
        command.Parameters.AddWithValue("@h", hour.UtcDateTime);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetDouble(0), reader.GetDouble(1));
    }

    /// <summary>Straight from the interval rows with the Core function, active devices only (the test declares no maintenance).</summary>
    private static UptimeResult Expected(DeviceAppFactory factory, DateTimeOffset hour, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT i.DeviceId, i.Status, i.\"From\", i.\"To\" FROM DeviceStatusIntervals i JOIN Devices d ON d.Id = i.DeviceId WHERE d.Lifecycle = 'Active'";
        using var reader = command.ExecuteReader();
        var byDevice = new Dictionary<string, List<StatusInterval>>();
        while (reader.Read())
        {
            var from = Parse(reader.GetString(2));
            DateTimeOffset? to = reader.IsDBNull(3) ? null : Parse(reader.GetString(3));
            var list = byDevice.TryGetValue(reader.GetString(0), out var l) ? l : byDevice[reader.GetString(0)] = [];
            list.Add(new StatusInterval(Enum.Parse<DeviceStatus>(reader.GetString(1)), from, to));
        }

        return Uptime.Sum(byDevice.Values.Select(v => Uptime.Over(v, new TimeWindow(hour, hour.AddHours(1)), now)));
    }

    private static DateTimeOffset Parse(string text) =>
        new(DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc));
}
