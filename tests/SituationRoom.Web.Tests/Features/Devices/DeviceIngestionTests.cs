using System.Net;
using System.Text.Json;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>POST /api/ingest/hotspots and /api/ingest/cameras over HTTP against the real app and its SQLite file.</summary>
public sealed class DeviceIngestionTests(DeviceAppFactory factory) : IClassFixture<DeviceAppFactory>
{
    [Fact]
    public async Task IngestHotspots_GoodBatch_RecordsTheChangesBeforeAnswering()
    {
        using var client = factory.Client(DeviceKind.Hotspot);
        var ids = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id DESC LIMIT 3");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await client.PostAsJsonAsync("/api/ingest/hotspots", new
        {
            reports = ids.Select((id, i) => new { deviceId = id, at = "2026-11-20T10:05:00+07:00", status = i == 0 ? "down" : "up", clients = 4 }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.GetProperty("statusChanges").GetInt32());
        Assert.Equal("Offline", factory.Scalar("SELECT Status FROM Devices WHERE Id = @id", ("@id", ids[0])));
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id AND \"To\" IS NULL AND Status = 'Offline'", ("@id", ids[0])));
        Assert.Equal(DeviceStatus.Offline, factory.Service<LiveSituation>().Device(ids[0])!.Status);
    }

    [Fact]
    public async Task IngestHotspots_HeartbeatsThatChangeNothing_WriteNothingWhileTheSweepStillRenewsTheRunsSignOfLife()
    {
        using var client = factory.Client(DeviceKind.Hotspot);
        var ids = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id LIMIT 50 OFFSET 100");
        const string AliveAt = "SELECT AliveAt FROM DeviceMonitorRuns ORDER BY Id DESC LIMIT 1";
        var before = factory.State();
        var aliveAt = factory.Scalar(AliveAt);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await client.PostAsJsonAsync("/api/ingest/hotspots", new { reports = ids.Select(id => new { deviceId = id, at = factory.Clock.GetUtcNow(), status = "up", clients = 7 }) });

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(50, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(0, answer.GetProperty("statusChanges").GetInt32());
        Assert.Equal(before, factory.State());

        // Every commit of the history writer renews the monitor run's AliveAt: unchanged, so no transaction ran.
        Assert.Equal(aliveAt, factory.Scalar(AliveAt));
        Assert.Equal(factory.Clock.GetUtcNow(), factory.Service<DeviceTelemetry>().View(ids[0])!.LastReportAt);

        await factory.Service<DeviceTelemetry>().SweepAsync(CancellationToken.None);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, DateTime.Parse((string)factory.Scalar(AliveAt)!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task IngestCameras_BadItems_RefusesTheWholeBatchNamingEachItem()
    {
        using var client = factory.Client(DeviceKind.Camera);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' AND Status = 'Online' LIMIT 1")[0];
        var before = factory.State();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await client.PostAsync("/api/ingest/cameras", Json($$"""
            { "reports": [
              { "deviceId": "{{id}}", "at": "2026-11-20T10:05:00+07:00", "status": "offline" },
              { "deviceId": "{{id}}", "at": "2026-11-20T10:05:00+07:00", "status": "down" },
              { "deviceId": "{{id}}", "at": "20 Nov 2026", "status": "online" },
              { "deviceId": "{{id}}", "at": "2026-11-20T10:05:00", "status": "online" },
              { "deviceId": "{{id}}", "at": "2026-11-20T10:05:00Z", "status": "online", "clients": 3 },
              { "deviceId": "{{id}}", "at": "2026-11-20T10:05:00Z", "status": "online", "bitrateKbps": -1 },
              { "at": "2026-11-20T10:05:00Z", "status": "online" },
              42
            ] }
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var keys = errors.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["reports[1].status", "reports[2].at", "reports[3].at", "reports[4].clients", "reports[5].bitrateKbps", "reports[6].deviceId", "reports[7]"], keys);
        Assert.Equal(before, factory.State());
        Assert.Equal(DeviceStatus.Online, factory.Service<LiveSituation>().Device(id)!.Status);
    }

    [Theory]
    [InlineData("""{ "reports": [] }""", "reports")]
    [InlineData("""{ "report": [ { "deviceId": "WIFI-0001" } ] }""", "reports")]
    [InlineData("""[ { "deviceId": "WIFI-0001" } ]""", "reports")]
    [InlineData("""{ "reports": [ """, "body")]
    public async Task IngestHotspots_UnreadableBody_NamesWhatIsWrong(string body, string field)
    {
        using var client = factory.Client(DeviceKind.Hotspot);

        var response = await client.PostAsync("/api/ingest/hotspots", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task IngestHotspots_MoreThanFiveThousand_Refused()
    {
        using var client = factory.Client(DeviceKind.Hotspot);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' LIMIT 1")[0];

        var response = await client.PostAsJsonAsync("/api/ingest/hotspots", new
        {
            reports = Enumerable.Range(0, 5001).Select(i => new { deviceId = id, at = SituationRoom.Web.Tests.Infrastructure.SituationAppFactory.Now.AddSeconds(-i), status = "up" }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5000", (await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task IngestHotspots_UnknownIds_Answers422ListingThemAndChangesNothing()
    {
        using var client = factory.Client(DeviceKind.Hotspot);
        var known = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Status = 'Online' LIMIT 1")[0];
        var camera = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' LIMIT 1")[0];
        var before = factory.State();
        var snapshot = factory.Service<LiveSituation>().Device(known);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await client.PostAsJsonAsync("/api/ingest/hotspots", new
        {
            reports = new[]
            {
                new { deviceId = known, at = "2026-11-20T10:05:00+07:00", status = "down" },
                new { deviceId = "WIFI-9999", at = "2026-11-20T10:05:00+07:00", status = "up" },
                new { deviceId = camera, at = "2026-11-20T10:05:00+07:00", status = "up" },
                new { deviceId = "WIFI-9999", at = "2026-11-20T10:06:00+07:00", status = "up" },
            },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["WIFI-9999", camera], problem.GetProperty("unknownDeviceIds").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(before, factory.State());
        Assert.Same(snapshot, factory.Service<LiveSituation>().Device(known));
        Assert.Equal(0, factory.Count("SELECT COUNT(*) FROM Devices WHERE Id = 'WIFI-9999'"));
    }

    [Fact]
    public async Task IngestCameras_DuplicatesAndOlderReports_ChangeNothingMore()
    {
        using var client = factory.Client(DeviceKind.Camera);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id DESC LIMIT 1")[0];
        object Batch(string at, string status) => new { reports = new[] { new { deviceId = id, at, status } } };

        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await client.PostAsJsonAsync("/api/ingest/cameras", Batch("2026-11-20T10:00:00+07:00", "frozen"));
        var intervals = factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id", ("@id", id));

        // The same report again, then one the device stamped earlier (a replay from its buffer), saying online.
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await client.PostAsJsonAsync("/api/ingest/cameras", Batch("2026-11-20T10:00:00+07:00", "frozen"));
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var older = await client.PostAsJsonAsync("/api/ingest/cameras", Batch("2026-11-20T09:59:00+07:00", "online"));
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var olderStill = await client.PostAsJsonAsync("/api/ingest/cameras", Batch("2026-11-20T09:58:00+07:00", "online"));

        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(1, (await older.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ignored").GetInt32());
        Assert.Equal(HttpStatusCode.OK, olderStill.StatusCode);
        Assert.Equal(intervals, factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id", ("@id", id)));
        Assert.Equal("Frozen", factory.Scalar("SELECT Status FROM Devices WHERE Id = @id", ("@id", id)));
    }

    [Fact]
    public async Task IngestCameras_ClockHoursOff_DatesByTheServersReceiveTime()
    {
        using var client = factory.Client(DeviceKind.Camera);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id DESC LIMIT 1 OFFSET 5")[0];
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var receivedAt = factory.Clock.GetUtcNow();

        await client.PostAsJsonAsync("/api/ingest/cameras", new { reports = new[] { new { deviceId = id, at = "1970-01-01T00:00:00Z", status = "no_frames" } } });

        var since = (string)factory.Scalar("SELECT \"From\" FROM DeviceStatusIntervals WHERE DeviceId = @id AND \"To\" IS NULL", ("@id", id))!;
        Assert.Equal(receivedAt.UtcDateTime, DateTime.Parse(since, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("NoFrames", factory.Scalar("SELECT Status FROM Devices WHERE Id = @id", ("@id", id)));
    }

    [Fact]
    public async Task IngestHotspots_NoClientKey_Refused401()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/ingest/hotspots", new { reports = new[] { new { deviceId = "WIFI-0001", at = "2026-11-20T10:05:00+07:00", status = "up" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("hotspots", DeviceAppFactory.CameraKey, "dev-camera-system", "CameraSystem", "HotspotController")]
    [InlineData("hotspots", DeviceAppFactory.SmsKey, "dev-sms-gateway", "SmsGateway", "HotspotController")]
    [InlineData("cameras", DeviceAppFactory.HotspotKey, "dev-hotspot-controller", "HotspotController", "CameraSystem")]
    [InlineData("cameras", DeviceAppFactory.SmsKey, "dev-sms-gateway", "SmsGateway", "CameraSystem")]
    public async Task Ingest_KeyOfAnotherKindOfClient_Refused403AuditedAndStoresNothing(string feed, string key, string clientName, string clientKind, string takes)
    {
        var kind = feed == "hotspots" ? DeviceKind.Hotspot : DeviceKind.Camera;
        var id = factory.Ids($"SELECT Id FROM Devices WHERE Kind = '{kind}' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id LIMIT 1 OFFSET 20")[0];
        var before = factory.State();
        var snapshot = factory.Service<LiveSituation>().Device(id);
        var audit = factory.Count("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var client = factory.Client(key);

        var response = await client.PostAsJsonAsync($"/api/ingest/{feed}", new { reports = new[] { new { deviceId = id, at = factory.Clock.GetUtcNow(), status = kind == DeviceKind.Hotspot ? "down" : "offline" } } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([takes], problem.GetProperty("requiredKinds").EnumerateArray().Select(k => k.GetString()!).ToArray());
        Assert.Equal(clientKind, problem.GetProperty("clientKind").GetString());
        Assert.Contains($"hanya menerima kunci klien jenis {takes}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, factory.State());
        Assert.Same(snapshot, factory.Service<LiveSituation>().Device(id));
        Assert.Equal(
            [$"{clientName}|AccessDenied|route:/api/ingest/{feed}|POST /api/ingest/{feed} with a {clientKind} client's key; the endpoint takes {takes}"],
            factory.Rows("SELECT Actor, Action, Subject, Detail FROM AuditEntries WHERE Id > @id", ("@id", audit)));
    }

    [Theory]
    [InlineData(DeviceKind.Hotspot, "hotspots", "down", "Offline")]
    [InlineData(DeviceKind.Camera, "cameras", "offline", "Offline")]
    public async Task Ingest_KeyOfItsOwnKindOfClient_IsStored(DeviceKind kind, string feed, string status, string stored)
    {
        var id = factory.Ids($"SELECT Id FROM Devices WHERE Kind = '{kind}' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id LIMIT 1 OFFSET 21")[0];
        var audit = factory.Count("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var client = factory.Client(kind);

        var response = await client.PostAsJsonAsync($"/api/ingest/{feed}", new { reports = new[] { new { deviceId = id, at = factory.Clock.GetUtcNow(), status } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusChanges").GetInt32());
        Assert.Equal(stored, factory.Scalar("SELECT Status FROM Devices WHERE Id = @id", ("@id", id)));
        Assert.Empty(factory.Rows("SELECT Actor FROM AuditEntries WHERE Id > @id AND Action = 'AccessDenied'", ("@id", audit)));
    }

    [Fact]
    public async Task IngestHotspots_FlappingDevice_RecordsFarFewerChangesThanReports()
    {
        using var client = factory.Client(DeviceKind.Hotspot);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id LIMIT 1 OFFSET 9")[0];
        var before = factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id", ("@id", id));

        // Up, down, up, down... every 20 seconds for ten minutes: 30 reports, 29 flips.
        for (var i = 0; i < 30; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(20));
            var response = await client.PostAsJsonAsync("/api/ingest/hotspots", new { reports = new[] { new { deviceId = id, at = factory.Clock.GetUtcNow(), status = i % 2 == 0 ? "down" : "up" } } });
            response.EnsureSuccessStatusCode();
        }

        var written = factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id", ("@id", id)) - before;
        Assert.InRange(written, 1, 6);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
