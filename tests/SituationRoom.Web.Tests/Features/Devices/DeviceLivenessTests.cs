using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>
/// The liveness sweep with the real silence limit (three report intervals). Tests that sweep for many minutes darken
/// every device that does not report, so they start an app of their own.
/// </summary>
public sealed class DeviceLivenessTests(DeviceLivenessTests.App factory) : IClassFixture<DeviceLivenessTests.App>
{
    public sealed class App : DeviceAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> More => new Dictionary<string, string?> { ["Devices:SilenceMultiple"] = "3" };
    }

    [Fact]
    public async Task Sweep_DeviceSilentPastItsLimit_GoesOfflineDatedAtItsFirstMissedReport()
    {
        using var client = factory.Client(DeviceKind.Hotspot);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id LIMIT 1 OFFSET 7")[0];
        var telemetry = factory.Service<DeviceTelemetry>();
        // Within the silence limit of the app's start, so the device is still up when it reports.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var lastReport = factory.Clock.GetUtcNow();
        await client.PostAsJsonAsync("/api/ingest/hotspots", new { reports = new[] { new { deviceId = id, at = lastReport, status = "up" } } });

        // Two minutes of silence is within three report intervals; four minutes is not.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await telemetry.SweepAsync(CancellationToken.None);
        var stillUp = factory.Service<LiveSituation>().Device(id)!.Status;
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await telemetry.SweepAsync(CancellationToken.None);

        Assert.Equal(DeviceStatus.Online, stillUp);
        Assert.Equal(DeviceStatus.Offline, factory.Service<LiveSituation>().Device(id)!.Status);
        var since = (string)factory.Scalar("SELECT \"From\" FROM DeviceStatusIntervals WHERE DeviceId = @id AND \"To\" IS NULL", ("@id", id))!;
        Assert.Equal((lastReport + TimeSpan.FromMinutes(1)).UtcDateTime, DateTime.Parse(since, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reports_ClockNineHoursAheadThenCorrected_NeverDarkAndDatedByReceiveTime()
    {
        using var app = new App();
        using var client = app.Client(DeviceKind.Camera);
        var telemetry = app.Service<DeviceTelemetry>();
        var id = OnlineCamera(app);
        var intervals = Intervals(app, id);

        // Ten minutes with the camera's clock nine hours ahead, then NTP puts it right: its reports now look
        // hours older than the newest it sent, yet they keep the server's pace, so they are believed.
        for (var minute = 0; minute < 20; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var skew = minute < 10 ? TimeSpan.FromHours(9) : TimeSpan.Zero;
            await PostAsync(client, id, app.Clock.GetUtcNow() + skew, "online");
            await telemetry.SweepAsync(CancellationToken.None);
            Assert.Equal(DeviceStatus.Online, app.Service<LiveSituation>().Device(id)!.Status);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var receivedAt = app.Clock.GetUtcNow();
        await PostAsync(client, id, receivedAt + TimeSpan.FromHours(9), "no_frames");

        Assert.Equal(intervals + 1, Intervals(app, id));
        Assert.Equal(receivedAt.UtcDateTime, OpenSince(app, id));
        Assert.Equal(receivedAt, telemetry.View(id)!.LastReportAt);
    }

    [Fact]
    public async Task Reports_CameraBackFromAPowerCutWithItsClockAt1970_UpAgainAtItsThirdReport()
    {
        using var app = new App();
        using var client = app.Client(DeviceKind.Camera);
        var telemetry = app.Service<DeviceTelemetry>();
        var id = OnlineCamera(app);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await PostAsync(client, id, app.Clock.GetUtcNow(), "online");

        // The power goes for ten minutes: silence takes the camera down.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await telemetry.SweepAsync(CancellationToken.None);
        var dark = app.Service<LiveSituation>().Device(id)!.Status;

        // It boots with its clock at 1970 and reports once a minute; recovery needs two up reports taken as news.
        var rebooted = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var statuses = new List<DeviceStatus>();
        DateTimeOffset? second = null;
        for (var minute = 0; minute < 6; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            second = minute == 1 ? app.Clock.GetUtcNow() : second;
            await PostAsync(client, id, rebooted.AddMinutes(minute), "online");
            await telemetry.SweepAsync(CancellationToken.None);
            statuses.Add(app.Service<LiveSituation>().Device(id)!.Status);
        }

        Assert.Equal(DeviceStatus.Offline, dark);
        Assert.Equal([DeviceStatus.Offline, DeviceStatus.Offline, DeviceStatus.Online, DeviceStatus.Online, DeviceStatus.Online, DeviceStatus.Online], statuses);
        Assert.Equal(second!.Value.UtcDateTime, OpenSince(app, id));
    }

    private static string OnlineCamera(App app) =>
        app.Ids("SELECT Id FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' AND Status = 'Online' ORDER BY Id LIMIT 1 OFFSET 3")[0];

    private static long Intervals(App app, string id) =>
        app.Count("SELECT COUNT(*) FROM DeviceStatusIntervals WHERE DeviceId = @id", ("@id", id));

    private static DateTime OpenSince(App app, string id) =>
        DateTime.Parse((string)app.Scalar("SELECT \"From\" FROM DeviceStatusIntervals WHERE DeviceId = @id AND \"To\" IS NULL", ("@id", id))!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task PostAsync(HttpClient client, string id, DateTimeOffset at, string status)
    {
        var response = await client.PostAsJsonAsync("/api/ingest/cameras", new { reports = new[] { new { deviceId = id, at, status } } });
        response.EnsureSuccessStatusCode();
    }
}
