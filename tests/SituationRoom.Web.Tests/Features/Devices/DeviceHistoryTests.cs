using System.Globalization;
using Microsoft.Data.Sqlite;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>Area incidents from the simulator's outage pattern; rollups against a recomputation from the intervals, across restarts.</summary>
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
        var expected = Expected(factory.DatabaseFile, hour, now);
        var (up, monitored) = Stored(factory.DatabaseFile, hour);
        Assert.Equal(expected.Up.TotalSeconds, up, 3);
        Assert.Equal(expected.Monitored.TotalSeconds, monitored, 3);
        var active = factory.Count("SELECT COUNT(*) FROM Devices WHERE Lifecycle = 'Active'");
        Assert.True(monitored <= active * (now - hour).TotalSeconds - active * 25 * 60 + 1, $"{monitored} counts the unwatched 25 minutes");
    }

    [Fact]
    public async Task Retention_ClosedIntervalsAndRollupsPastTheirRetention_DeletedAndNothingElse()
    {
        using var factory = new DeviceAppFactory();
        using var client = factory.Client(DeviceKind.Hotspot);
        var now = factory.Clock.GetUtcNow();
        var options = new DevicesOptions { IntervalRetention = TimeSpan.FromDays(7), RollupRetention = TimeSpan.FromDays(3) };
        var dbFactory = factory.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<SituationDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        await DeviceRollupStore.RecomputeAsync(db, now - TimeSpan.FromDays(10), now, CancellationToken.None);
        var intervalsCut = (now - options.IntervalRetention).UtcDateTime;
        var rollupsCut = (now - options.RollupRetention).UtcDateTime;
        var oldIntervals = factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE \"To\" IS NOT NULL AND \"To\" < @c", ("@c", intervalsCut));
        var keptIntervals = factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE \"To\" IS NULL OR \"To\" >= @c", ("@c", intervalsCut));
        var oldRollups = factory.Count("SELECT COUNT(*) FROM DeviceHourlyRollups WHERE HourStart < @c", ("@c", rollupsCut));
        var keptRollups = factory.Count("SELECT COUNT(*) FROM DeviceHourlyRollups WHERE HourStart >= @c", ("@c", rollupsCut));
        var open = factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE \"To\" IS NULL");
        var id = factory.Ids("SELECT DeviceId FROM DeviceStatusIntervals GROUP BY DeviceId ORDER BY COUNT(*) DESC LIMIT 1")[0];
        var weekBefore = (await DeviceQueries.DetailAsync(db, factory.Service<DeviceTelemetry>(), id, now, CancellationToken.None))!.Uptime7d;

        var (intervals, rollups) = await DeviceRollupStore.ApplyRetentionAsync(db, now, options, CancellationToken.None);

        Assert.True(oldIntervals > 0 && oldRollups > 0);
        Assert.Equal((oldIntervals, oldRollups), (intervals, rollups));
        Assert.Equal(keptIntervals, factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals"));
        Assert.Equal(keptRollups, factory.Count("SELECT COUNT(*) FROM DeviceHourlyRollups"));
        Assert.Equal(open, factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE \"To\" IS NULL"));
        Assert.Equal(weekBefore, (await DeviceQueries.DetailAsync(db, factory.Service<DeviceTelemetry>(), id, now, CancellationToken.None))!.Uptime7d);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    public async Task Restart_InTheMiddleOfAnHour_CountsNothingTwice(int minutesStopped)
    {
        using var database = new TempDatabase();
        var clock = new ManualClock(SituationAppFactory.Now);
        List<string> ids;
        using (var first = new RestartableDeviceApp(database.Path, clock))
        {
            using var feed = first.Client(DeviceKind.Hotspot);
            ids = first.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id LIMIT 40");
            clock.Advance(TimeSpan.FromMinutes(10));
            (await feed.PostAsJsonAsync("/api/ingest/hotspots", Reports(ids, clock, "down"))).EnsureSuccessStatusCode();
            clock.Advance(TimeSpan.FromMinutes(5));
            await first.Service<DeviceMonitor>().RollupAsync(clock.GetUtcNow(), CancellationToken.None);
        }

        // Stopped at a quarter past: back within UnwatchedGap the histories just go on; after longer the gap is
        // nobody's time. Either way the hour's rollup is replaced whole, never added to.
        var stoppedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(minutesStopped));
        var startedAt = clock.GetUtcNow();
        using var second = new RestartableDeviceApp(database.Path, clock);
        using var client = second.Client(DeviceKind.Hotspot);
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            (await client.PostAsJsonAsync("/api/ingest/hotspots", Reports(ids, clock, "up"))).EnsureSuccessStatusCode();
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        var now = clock.GetUtcNow();
        await second.Service<DeviceMonitor>().RollupAsync(now, CancellationToken.None);
        await second.Service<DeviceMonitor>().RollupAsync(now, CancellationToken.None);

        var hour = Rollups.HourOf(now);
        var expected = Expected(second.DatabaseFile, hour, now);
        var (up, monitored) = Stored(second.DatabaseFile, hour);
        Assert.Equal(expected.Up.TotalSeconds, up, 3);
        Assert.Equal(expected.Monitored.TotalSeconds, monitored, 3);

        // Every active device has an open interval, so the hour holds each second of each device exactly once,
        // less the unwatched gap after a long stop.
        var active = second.Count("SELECT COUNT(*) FROM Devices WHERE Lifecycle = 'Active'");
        var unwatched = minutesStopped * 60 > second.Service<Microsoft.Extensions.Options.IOptions<DevicesOptions>>().Value.UnwatchedGap.TotalSeconds
            ? (startedAt - stoppedAt).TotalSeconds
            : 0;
        Assert.Equal(active * ((now - hour).TotalSeconds - unwatched), monitored, 3);
        Assert.Equal(0, second.Count("SELECT COUNT(*) FROM (SELECT DeviceId FROM DeviceStatusIntervals WHERE \"To\" IS NULL GROUP BY DeviceId HAVING COUNT(*) > 1)"));
        Assert.Equal(0, second.Count(
            "SELECT COUNT(*) FROM DeviceStatusIntervals a JOIN DeviceStatusIntervals b ON a.DeviceId = b.DeviceId AND a.Id < b.Id " +
            "AND a.\"From\" < COALESCE(b.\"To\", '9999') AND b.\"From\" < COALESCE(a.\"To\", '9999')"));
        Assert.All(ids, id => Assert.Equal(DeviceStatus.Online, second.Service<LiveSituation>().Device(id)!.Status));
    }

    private static object Reports(IEnumerable<string> ids, ManualClock clock, string status) =>
        new { reports = ids.Select(id => new { deviceId = id, at = clock.GetUtcNow(), status }) };

    private static (double Up, double Monitored) Stored(string path, DateTimeOffset hour)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT TOTAL(UpSeconds), TOTAL(MonitoredSeconds) FROM DeviceHourlyRollups WHERE HourStart = @h";
        command.Parameters.AddWithValue("@h", hour.UtcDateTime);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetDouble(0), reader.GetDouble(1));
    }

    /// <summary>Straight from the interval rows with the Core function, active devices only (the test declares no maintenance).</summary>
    private static UptimeResult Expected(string path, DateTimeOffset hour, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
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
