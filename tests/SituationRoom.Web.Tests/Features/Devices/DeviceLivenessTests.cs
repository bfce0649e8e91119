using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>The liveness sweep with the real silence limit (three report intervals), on an app of its own.</summary>
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

}
