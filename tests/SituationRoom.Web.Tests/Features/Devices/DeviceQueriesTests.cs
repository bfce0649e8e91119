using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>
/// Every aggregate of /hotspots, /cctv and /devices/{id} against a count or a recomputation written directly in SQL
/// on the generated SQLite file (the demo city: no maintenance windows, so "counted" is "active").
/// </summary>
public sealed class DeviceQueriesTests(DeviceAppFactory factory) : IClassFixture<DeviceAppFactory>, IAsyncLifetime
{
    private const double Tolerance = 1e-6;

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        // The monitor's timer follows the test clock, which stands still: roll the history up as the monitor would.
        await using var db = await Db();
        await DeviceRollupStore.RecomputeAsync(db, Now - TimeSpan.FromDays(31), Now, CancellationToken.None);
        Assert.Equal(0, factory.Count("SELECT COUNT(*) FROM DeviceMaintenanceWindows"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Hotspots_Counts_EqualSqlCounts()
    {
        var view = await HotspotsAsync();

        Assert.Equal(factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active'"), view.Counts.Counted);
        Assert.Equal(factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status IN ('Online', 'Degraded')"), view.Counts.Up);
        Assert.Equal(factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle <> 'Active'"), view.Counts.NotCounted);
        Assert.Equal(
            factory.Count($"SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status NOT IN ('Online', 'Degraded') AND StatusSince < '{Sql(Now.AddHours(-24))}'"),
            view.Counts.DownOver24h);
        Assert.Equal(
            factory.Count($"SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status NOT IN ('Online', 'Degraded') AND StatusSince < '{Sql(Now.AddHours(-1))}'"),
            view.Counts.DownOver1h);
        Assert.True(view.Counts.Down > 0 && view.Counts.DownOver24h < view.Counts.Down);
    }

    [Fact]
    public async Task Hotspots_PerKecamatan_EqualSqlGroupBy()
    {
        var view = await HotspotsAsync();

        var expected = Rows("SELECT KecamatanCode, COUNT(*), SUM(Status IN ('Online', 'Degraded')) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' GROUP BY KecamatanCode")
            .ToDictionary(r => (string)r[0], r => (Counted: Convert.ToInt32(r[1], CultureInfo.InvariantCulture), Up: Convert.ToInt32(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Keys.Order(), view.Kecamatan.Select(k => k.Code).Order());
        foreach (var kecamatan in view.Kecamatan)
        {
            Assert.Equal(expected[kecamatan.Code], (kecamatan.Counted, kecamatan.Up));
            var (up, monitored) = Uptime24hSql($"AND d.KecamatanCode = '{kecamatan.Code}'");
            Assert.Equal(up / monitored, kecamatan.Uptime24h.Ratio!.Value, Tolerance);
            Assert.All(kecamatan.Worst, w => Assert.Equal(kecamatan.Code, w.KecamatanCode));
            Assert.Equal(kecamatan.Worst.OrderBy(w => w.Uptime24h).Select(w => w.Id), kecamatan.Worst.Select(w => w.Id));
        }

        Assert.Equal(view.Kecamatan.OrderBy(k => k.Uptime24h.Ratio).Select(k => k.Code), view.Kecamatan.Select(k => k.Code));
    }

    [Fact]
    public async Task Hotspots_Uptime24h_EqualsIntervalsRecomputedInSql()
    {
        var view = await HotspotsAsync();

        var (up, monitored) = Uptime24hSql("");
        Assert.Equal(monitored, view.Uptime24h.Monitored.TotalSeconds, 1.0);
        Assert.Equal(up, view.Uptime24h.Up.TotalSeconds, 1.0);
        Assert.True(view.Uptime24h.Ratio is > 0.5 and < 1);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    public async Task Hotspots_UptimeOverDays_EqualsRollupSumsAndTheIntervalsRecomputed(int days)
    {
        var view = await HotspotsAsync();
        var window = days == 7 ? view.Uptime7d : view.Uptime30d;
        var start = Rollups.HourOf(Now - TimeSpan.FromDays(days));

        var up = Convert.ToDouble(factory.Scalar($"SELECT SUM(UpSeconds) FROM DeviceHourlyRollups WHERE Kind = 'Hotspot' AND HourStart >= '{Sql(start)}'"), CultureInfo.InvariantCulture);
        var monitored = Convert.ToDouble(factory.Scalar($"SELECT SUM(MonitoredSeconds) FROM DeviceHourlyRollups WHERE Kind = 'Hotspot' AND HourStart >= '{Sql(start)}'"), CultureInfo.InvariantCulture);
        Assert.Equal(up / monitored, window.Uptime.Ratio!.Value, Tolerance);
        Assert.Equal(monitored, window.Uptime.Monitored.TotalSeconds, 1.0);

        // And the rollups themselves agree with the raw intervals of the active hotspots over the same span.
        var (rawUp, rawMonitored) = UptimeSql("Hotspot", start, "");
        Assert.Equal(rawMonitored, monitored, rawMonitored * Tolerance);
        Assert.Equal(rawUp, up, rawMonitored * Tolerance);

        // The demo history is 14 days: the 30-day figure says it covers less.
        var firstInterval = DateTime.Parse((string)factory.Scalar("SELECT MIN(\"From\") FROM DeviceStatusIntervals")!, CultureInfo.InvariantCulture);
        Assert.Equal(days == 30 && firstInterval > start.UtcDateTime, window.Partial);
    }

    [Theory]
    [InlineData("down")]
    [InlineData("up")]
    [InlineData("excluded")]
    public async Task Hotspots_ListOfOneKecamatan_IsExactlyTheSqlRows(string status)
    {
        var kec = (string)factory.Scalar("SELECT KecamatanCode FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status = 'Offline' GROUP BY KecamatanCode ORDER BY COUNT(*) DESC LIMIT 1")!;
        var listed = (await HotspotsAsync(status, kec)).Listed;

        var condition = status switch
        {
            "down" => "Lifecycle = 'Active' AND Status NOT IN ('Online', 'Degraded')",
            "up" => "Lifecycle = 'Active' AND Status IN ('Online', 'Degraded')",
            _ => "Lifecycle <> 'Active'",
        };
        var expected = factory.Ids($"SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND KecamatanCode = '{kec}' AND {condition} ORDER BY Id");
        Assert.Equal(expected, listed.Select(r => r.Id).Order(StringComparer.Ordinal));
        if (status == "down")
        {
            Assert.NotEmpty(expected);
            Assert.Equal(listed.OrderBy(r => r.StatusSince).Select(r => r.Id), listed.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task Hotspots_SortedByDowntime_MostDown24hFirstEachEqualToItsIntervalsInSql()
    {
        var byDarkNow = (await HotspotsAsync("all")).Listed;
        var listed = (await HotspotsAsync("all", sort: DeviceListFilter.MostDown24h)).Listed;

        // The same devices, in another order: downtime over the last day, longest first, whatever their state now.
        Assert.Equal(byDarkNow.Select(r => r.Id).Order(StringComparer.Ordinal), listed.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(listed.OrderByDescending(r => r.Down24h).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id), listed.Select(r => r.Id));
        Assert.True(listed[0].Down24h > TimeSpan.Zero, "the demo city has downtime in the last day");
        Assert.Contains(listed.Take(20), r => r.IsUp);

        // The figures sorted on are the intervals' own: the top few and one from the middle, recomputed in SQL.
        foreach (var row in listed.Take(3).Append(listed[listed.Count / 2]))
        {
            var (up, monitored) = Uptime24hSql($"AND d.Id = '{row.Id}'");
            Assert.Equal(monitored - up, row.Down24h.TotalSeconds, 1.0);
        }
    }

    [Fact]
    public async Task Hotspots_ListOfOneOwnerAndKecamatan_IsExactlyTheSqlRows()
    {
        var place = Rows("SELECT KecamatanCode, OpdCode FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' GROUP BY KecamatanCode, OpdCode ORDER BY COUNT(*) DESC LIMIT 1")[0];
        var (kec, opd) = ((string)place[0], (string)place[1]);

        var listed = (await HotspotsAsync("all", kec, opd)).Listed;

        Assert.Equal(
            factory.Ids($"SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND KecamatanCode = '{kec}' AND OpdCode = '{opd}' ORDER BY Id"),
            listed.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cctv_CountsAndOwners_EqualSqlGroupBy()
    {
        var view = await CctvAsync();

        const string Active = "Kind = 'Camera' AND Lifecycle = 'Active'";
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {Active}"), view.Counts.Counted);
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {Active} AND Status IN ('Online', 'Degraded')"), view.Counts.Online);
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {Active} AND Status = 'Degraded'"), view.Counts.Degraded);
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {Active} AND Status = 'NoFrames'"), view.Counts.NoFrames);
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {Active} AND Status = 'Frozen'"), view.Counts.Frozen);
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {Active} AND Status = 'Offline'"), view.Counts.Offline);
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {Active} AND Status NOT IN ('Online', 'Degraded') AND StatusSince < '{Sql(Now.AddHours(-24))}'"), view.Counts.DarkOver24h);
        Assert.Equal(factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'SwitchedOff'"), view.Counts.SwitchedOff);
        Assert.Equal(factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera' AND Lifecycle NOT IN ('Active', 'SwitchedOff')"), view.Counts.OtherNotCounted);
        Assert.Equal(view.Counts.Dark, view.Listed.Count);

        var owners = Rows($"SELECT OpdCode, COUNT(*), SUM(Status IN ('Online', 'Degraded')), SUM(Status = 'Degraded'), SUM(Status NOT IN ('Online', 'Degraded') AND StatusSince < '{Sql(Now.AddHours(-24))}') FROM Devices WHERE {Active} GROUP BY OpdCode")
            .ToDictionary(r => (string)r[0], r => string.Join(",", r.Skip(1).Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture))));
        Assert.Equal(owners.Count, view.Owners.Count);
        Assert.All(view.Owners, o => Assert.Equal(owners[o.Code], $"{o.Counted},{o.Online},{o.Degraded},{o.DarkOver24h}"));
        Assert.Equal(view.Owners.OrderByDescending(o => o.Counted).Select(o => o.Code), view.Owners.Select(o => o.Code));
        Assert.All(view.Owners, o =>
        {
            var (ownerUp, ownerMonitored) = UptimeSql("Camera", Now - TimeSpan.FromHours(24), $"AND d.OpdCode = '{o.Code}'");
            Assert.Equal(ownerMonitored, o.Uptime24h.Monitored.TotalSeconds, 1.0);
            Assert.Equal(ownerUp / ownerMonitored, o.Uptime24h.Ratio!.Value, Tolerance);
        });

        var (up, monitored) = UptimeSql("Camera", Now - TimeSpan.FromHours(24), "");
        Assert.Equal(up / monitored, view.Uptime24h.Ratio!.Value, Tolerance);
    }

    [Fact]
    public async Task Cctv_OpenIncidents_AreTheOpenRowsOfAreaIncidents()
    {
        var view = await CctvAsync();

        Assert.Equal(factory.Ids("SELECT Id FROM AreaIncidents WHERE ClosedAt IS NULL ORDER BY Id"), view.Incidents.Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dark24h")]
    [InlineData("no_frames")]
    [InlineData("degraded")]
    public async Task Cctv_ListOfOneOwner_IsExactlyTheSqlRows(string status)
    {
        var listed = (await CctvAsync(status, opd: "DISHUB")).Listed;

        var condition = status switch
        {
            "dark24h" => $"Status NOT IN ('Online', 'Degraded') AND StatusSince < '{Sql(Now.AddHours(-24))}'",
            "no_frames" => "Status = 'NoFrames'",
            _ => "Status = 'Degraded'",
        };
        var expected = factory.Ids($"SELECT Id FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' AND OpdCode = 'DISHUB' AND {condition} ORDER BY Id");
        Assert.Equal(expected, listed.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Detail_DownHotspot_UptimeAndTimelineEqualItsIntervalsInSql()
    {
        var id = factory.Ids("SELECT d.Id FROM Devices d JOIN DeviceStatusIntervals i ON i.DeviceId = d.Id WHERE d.Kind = 'Hotspot' AND d.Lifecycle = 'Active' AND d.Status = 'Offline' GROUP BY d.Id ORDER BY COUNT(*) DESC LIMIT 1")[0];
        await using var db = await Db();

        var detail = (await DeviceQueries.DetailAsync(db, factory.Service<DeviceTelemetry>(), id, Now, CancellationToken.None))!;

        Assert.Equal("down", detail.Status);
        Assert.Equal(factory.Scalar("SELECT OpdCode FROM Devices WHERE Id = @id", ("@id", id)), detail.OpdCode);
        foreach (var (line, days) in new[] { (detail.Uptime24h, 1), (detail.Uptime7d, 7), (detail.Uptime30d, 30) })
        {
            var (up, monitored) = UptimeSql("Hotspot", Now - TimeSpan.FromDays(days), $"AND d.Id = '{id}'");
            Assert.Equal(monitored / 3600, line.MonitoredHours, 1e-3);
            Assert.Equal(up / 3600, line.UpHours, 1e-3);
        }

        Assert.Equal(
            factory.Count($"SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id AND (\"To\" IS NULL OR \"To\" > '{Sql(Now - DeviceQueries.TimelineWindow)}')", ("@id", id)),
            detail.Timeline.Count);
        Assert.True(detail.Timeline[^1].Open);
        Assert.False(detail.Timeline[^1].IsUp);
        Assert.Equal(Now - DeviceQueries.TimelineWindow, detail.Timeline[0].From);
    }

    [Fact]
    public async Task Detail_UnknownId_IsNull()
    {
        await using var db = await Db();

        Assert.Null(await DeviceQueries.DetailAsync(db, factory.Service<DeviceTelemetry>(), "WIFI-NOPE", Now, CancellationToken.None));
    }

    private async Task<HotspotsView> HotspotsAsync(string status = "down", string? kec = null, string? opd = null, string sort = DeviceListFilter.LongestDark)
    {
        await using var db = await Db();
        var filter = new DeviceListFilter(DeviceKind.Hotspot, kec, opd, status, sort);
        return await DeviceQueries.HotspotsAsync(db, factory.Service<LiveSituation>(), filter, Now, CancellationToken.None);
    }

    private async Task<CctvView> CctvAsync(string status = "dark", string? kec = null, string? opd = null)
    {
        await using var db = await Db();
        var filter = new DeviceListFilter(DeviceKind.Camera, kec, opd, status);
        return await DeviceQueries.CctvAsync(db, factory.Service<LiveSituation>(), factory.Service<DeviceTelemetry>(), filter, Now, CancellationToken.None);
    }

    private Task<SituationDbContext> Db() => factory.Service<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();

    private (double Up, double Monitored) Uptime24hSql(string where) => UptimeSql("Hotspot", Now - TimeSpan.FromHours(24), where);

    private (double Up, double Monitored) UptimeSql(string kind, DateTimeOffset from, string where) => factory.UptimeSql(kind, from, Now, where);

    private List<object[]> Rows(string sql) => factory.Values(sql);

    private static string Sql(DateTimeOffset instant) => DeviceAppFactory.Sql(instant);
}
