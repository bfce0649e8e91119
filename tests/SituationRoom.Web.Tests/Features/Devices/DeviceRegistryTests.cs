using System.Net;
using System.Text;
using System.Text.Json;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>The registry API, the CSV import, lifecycle and announced maintenance over HTTP.</summary>
public sealed class DeviceRegistryTests(DeviceAppFactory factory) : IClassFixture<DeviceAppFactory>
{
    [Fact]
    public async Task Register_NewDevice_IsCreatedOfflineAndThenAcceptsReports()
    {
        using var admin = await factory.SignInAsync(SignIn.Administrator);
        using var feed = factory.Client(DeviceKind.Hotspot);
        var (kec, kel) = Place();

        var created = await admin.PostAsJsonAsync("/api/devices", new { id = "WIFI-T001", kind = "hotspot", name = "Taman Uji", kecamatanCode = kec, kelurahanCode = kel, opdCode = "DISKOMINFO" });
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var report = await feed.PostAsJsonAsync("/api/ingest/hotspots", new { reports = new[] { new { deviceId = "WIFI-T001", at = "2026-11-20T10:00:00+07:00", status = "up" } } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("Offline", factory.Scalar("SELECT Status FROM Devices WHERE Id = 'WIFI-T001'"));
        Assert.NotNull(factory.Service<LiveSituation>().Device("WIFI-T001"));
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'DeviceRegistered' AND Subject = 'device:WIFI-T001' AND Actor = 'admin'"));
    }

    [Fact]
    public async Task Register_BadFields_NamesEachAndChangesNothing()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);
        var before = factory.State();

        var response = await client.PostAsJsonAsync("/api/devices", new { id = "bad id!", kind = "router", name = "", kecamatanCode = "99.99", opdCode = "NOPE", latitude = "100" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var keys = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["id", "kecamatanCode", "kind", "latitude", "name", "opdCode"], keys);
        Assert.Equal(before, factory.State());
    }

    [Fact]
    public async Task Import_BadRows_NamesEachRowAndWritesNothing()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);
        var (kec, kel) = Place();
        var existingCamera = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' LIMIT 1")[0];
        var before = factory.State();
        var csv = $"""
            id,kind,name,kecamatanCode,kelurahanCode,opdCode,latitude,longitude,reportIntervalSeconds
            CCTV-T100,camera,Simpang Uji,{kec},{kel},DISHUB,-6.99,110.42,60
            CCTV-T101,camera,Simpang Dua,{kec},,NOPE,,,
            CCTV-T102,kamera-x,Simpang Tiga,{kec},,DISHUB,,,5
            {existingCamera},hotspot,Ganti Jenis,{kec},,DISHUB,,,
            CCTV-T100,camera,Ganda,{kec},,DISHUB,,,
            """;

        var response = await client.PostAsync("/api/devices/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var keys = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["rows[2].opdCode", "rows[3].kind", "rows[3].reportIntervalSeconds"], keys);
        Assert.Equal(before, factory.State());

        // Once the field errors are fixed, the registry's own checks name the rest, still writing nothing.
        var second = await client.PostAsync("/api/devices/import", new StringContent(csv.Replace("NOPE", "DISHUB").Replace("kamera-x", "camera").Replace(",,,5", ",,,60"), Encoding.UTF8, "text/csv"));
        var secondKeys = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["rows[4].kind", "rows[5].id"], secondKeys);
        Assert.Equal(before, factory.State());
    }

    [Fact]
    public async Task Import_GoodRows_AddsNewAndMovesExisting()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);
        var (kec, kel) = Place();
        var moved = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' AND KecamatanCode <> '" + kec + "' LIMIT 1")[0];
        var csv = $"id;kind;name;kecamatanCode;kelurahanCode;opdCode\r\nCCTV-T200;camera;\"Simpang \"\"Baru\"\"\";{kec};{kel};DISHUB\r\n{moved};camera;Pindah;{kec};;DISHUB\r\n";

        var response = await client.PostAsync("/api/devices/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("added").GetInt32());
        Assert.Equal(1, answer.GetProperty("updated").GetInt32());
        Assert.Equal("Simpang \"Baru\"", factory.Scalar("SELECT Name FROM Devices WHERE Id = 'CCTV-T200'"));
        Assert.Equal(kec, factory.Scalar("SELECT KecamatanCode FROM Devices WHERE Id = @id", ("@id", moved)));
        Assert.Equal(kec, factory.Service<LiveSituation>().Device(moved)!.KecamatanCode);
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'DeviceChanged' AND Subject = @s AND Actor = 'admin'", ("@s", "device:" + moved)));
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'DeviceRegistered' AND Subject = 'device:CCTV-T200'"));
    }

    [Fact]
    public async Task Lifecycle_SwitchedOffWithoutReference_RefusedAndWithOne_CountedApart()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' ORDER BY Id DESC LIMIT 1 OFFSET 20")[0];
        var before = factory.State();

        var refused = await client.PostAsJsonAsync($"/api/devices/{id}/lifecycle", new { lifecycle = "switched_off" });
        var unchanged = factory.State();
        var accepted = await client.PostAsJsonAsync($"/api/devices/{id}/lifecycle", new { lifecycle = "switched_off", reference = "SK Wali Kota 050/123/2025 (anggaran)" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("SwitchedOff", factory.Scalar("SELECT Lifecycle FROM Devices WHERE Id = @id", ("@id", id)));
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM DeviceLifecyclePeriods WHERE DeviceId = @id AND \"To\" IS NULL AND Lifecycle = 'SwitchedOff'", ("@id", id)));
        Assert.Equal(DeviceLifecycle.SwitchedOff, factory.Service<LiveSituation>().Device(id)!.Lifecycle);
        Assert.Equal("admin", factory.Scalar("SELECT ChangedBy FROM DeviceLifecyclePeriods WHERE DeviceId = @id AND \"To\" IS NULL", ("@id", id)));
        Assert.Equal(
            "active -> switched_off: SK Wali Kota 050/123/2025 (anggaran)",
            factory.Scalar("SELECT Detail FROM AuditEntries WHERE Action = 'DeviceLifecycleChanged' AND Subject = @s AND Actor = 'admin'", ("@s", "device:" + id)));
    }

    [Fact]
    public async Task MoveThenRetire_PatchedAndDecommissioned_RegistryAndMemoryFollowAndItsHistoryStays()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' ORDER BY Id DESC LIMIT 1 OFFSET 30")[0];
        var kec = (string)factory.Scalar("SELECT Code FROM Kecamatan WHERE Code <> (SELECT KecamatanCode FROM Devices WHERE Id = @id) ORDER BY Code LIMIT 1", ("@id", id))!;
        var live = factory.Service<LiveSituation>();
        var intervals = factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id", ("@id", id));
        var notCounted = live.Compose(factory.Clock.GetUtcNow(), force: true)!.Wifi.NotActive;

        var moved = await client.PatchAsJsonAsync($"/api/devices/{id}", new { kecamatanCode = kec });
        var retired = await client.PostAsJsonAsync($"/api/devices/{id}/lifecycle", new { lifecycle = "decommissioned", reference = "BA penghapusan aset 027/2026" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(kec, factory.Scalar("SELECT KecamatanCode FROM Devices WHERE Id = @id", ("@id", id)));
        Assert.Equal(DBNull.Value, factory.Scalar("SELECT KelurahanCode FROM Devices WHERE Id = @id", ("@id", id)));
        Assert.Equal("Decommissioned", factory.Scalar("SELECT Lifecycle FROM Devices WHERE Id = @id", ("@id", id)));
        Assert.Equal((kec, DeviceLifecycle.Decommissioned), (live.Device(id)!.KecamatanCode, live.Device(id)!.Lifecycle));
        Assert.Equal(notCounted + 1, live.Compose(factory.Clock.GetUtcNow(), force: true)!.Wifi.NotActive);
        Assert.Equal(intervals, factory.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id", ("@id", id)));
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'DeviceChanged' AND Subject = @s", ("@s", "device:" + id)));
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'DeviceLifecycleChanged' AND Subject = @s", ("@s", "device:" + id)));
    }

    [Theory]
    [InlineData("key")]
    [InlineData(SignIn.Analyst)]
    [InlineData(SignIn.OpdHeadDpu)]
    public async Task Registry_NotAnAdministrator_RefusedAndWritesNothing(string who)
    {
        using var client = who == "key" ? factory.Client(DeviceKind.Hotspot) : await factory.SignInAsync(who);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' LIMIT 1")[0];
        var (kec, _) = Place();
        var before = factory.State();
        var audited = factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action LIKE 'Device%' OR Action LIKE 'Maintenance%'");

        var responses = new[]
        {
            await client.PostAsJsonAsync("/api/devices", new { id = "WIFI-X001", kind = "hotspot", name = "Tidak Boleh", kecamatanCode = kec, opdCode = "DISKOMINFO" }),
            await client.PatchAsJsonAsync($"/api/devices/{id}", new { name = "Tidak Boleh" }),
            await client.PostAsJsonAsync($"/api/devices/{id}/lifecycle", new { lifecycle = "decommissioned", reference = "x" }),
            await client.PostAsync("/api/devices/import", new StringContent($"id,kind,name,kecamatanCode,opdCode\nWIFI-X002,hotspot,X,{kec},DISKOMINFO\n", Encoding.UTF8, "text/csv")),
            await client.PostAsJsonAsync("/api/devices/maintenance", new { scope = "device", code = id, start = factory.Clock.GetUtcNow(), end = factory.Clock.GetUtcNow().AddHours(1), reason = "x" }),
        };

        Assert.All(responses, r => Assert.Equal(who == "key" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, factory.State());
        Assert.Equal(audited, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action LIKE 'Device%' OR Action LIKE 'Maintenance%'"));
    }

    [Fact]
    public async Task Registry_FormOrPlainTextBody_RefusedAsNotJsonOrCsv()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);
        var (kec, _) = Place();
        var before = factory.State();

        var form = await client.PostAsync("/api/devices", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "WIFI-X003", ["kind"] = "hotspot", ["name"] = "Formulir", ["kecamatanCode"] = kec, ["opdCode"] = "DISKOMINFO" }));
        var text = await client.PostAsync("/api/devices/import", new StringContent($"id,kind,name,kecamatanCode,opdCode\nWIFI-X004,hotspot,X,{kec},DISKOMINFO\n", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(["body"], (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, factory.State());
    }

    [Fact]
    public async Task Maintenance_DeclaredForAKecamatan_ItsHotspotsLeaveTheDownCount()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);
        var kec = (string)factory.Scalar("SELECT KecamatanCode FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' GROUP BY KecamatanCode ORDER BY COUNT(*) DESC LIMIT 1")!;
        var live = factory.Service<LiveSituation>();
        var now = factory.Clock.GetUtcNow();

        var bad = await client.PostAsJsonAsync("/api/devices/maintenance", new { scope = "kecamatan", code = kec, start = now.AddHours(2), end = now.AddHours(1), reason = "" });
        var response = await client.PostAsJsonAsync("/api/devices/maintenance", new { scope = "kecamatan", code = kec, kind = "hotspot", start = now, end = now.AddHours(4), reason = "Pemeliharaan jaringan PLN" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var keys = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["end", "reason"], keys);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var inWindow = live.Devices(DeviceKind.Hotspot).Where(d => d.KecamatanCode == kec && d.Lifecycle == DeviceLifecycle.Active).ToList();
        Assert.NotEmpty(inWindow);
        Assert.All(inWindow, d => Assert.True(ExcludedTime.Covers(d.Excluded, now)));
        var wifi = live.Compose(now, force: true)!.Wifi;
        Assert.Equal(live.Devices(DeviceKind.Hotspot).Count(d => d.Lifecycle == DeviceLifecycle.Active && d.KecamatanCode != kec), wifi.Active);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal("admin", factory.Scalar("SELECT DeclaredBy FROM DeviceMaintenanceWindows WHERE Id = @id", ("@id", id)));
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'MaintenanceDeclared' AND Subject = @s AND Actor = 'admin'", ("@s", $"maintenance:{id}")));

        var cancelled = await client.PostAsync($"/api/devices/maintenance/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(1, factory.Count("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'MaintenanceCancelled' AND Subject = @s AND Actor = 'admin'", ("@s", $"maintenance:{id}")));
        Assert.All(live.Devices(DeviceKind.Hotspot).Where(d => d.KecamatanCode == kec && d.Lifecycle == DeviceLifecycle.Active), d => Assert.False(ExcludedTime.Covers(d.Excluded, now)));
    }

    private (string Kecamatan, string Kelurahan) Place()
    {
        var kel = (string)factory.Scalar("SELECT Code FROM Kelurahan ORDER BY Code LIMIT 1")!;
        var kec = (string)factory.Scalar("SELECT KecamatanCode FROM Kelurahan WHERE Code = @c", ("@c", kel))!;
        return (kec, kel);
    }
}
