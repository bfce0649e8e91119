using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Tests.Features.Devices;

namespace SituationRoom.Web.Tests.Features.DemoCity;

/// <summary>The simulator's devices through the real ingestion path, on the small test city.</summary>
public sealed class LiveSimulatorDevicesTests
{
    [Fact]
    public async Task Tick_TenMinutesOfOrdinaryChurn_DevicesDarkForDaysStayDarkWhileRecentOutagesEnd()
    {
        using var factory = new DeviceAppFactory();
        using var client = factory.Client(DeviceKind.Hotspot);
        var simulator = factory.Service<LiveSimulator>();
        var live = factory.Service<LiveSituation>();
        var settings = new SimulatorOptions { Enabled = true, Tick = TimeSpan.FromSeconds(10), ComplaintsPerHour = 0, AreaOutageChancePerTick = 0 };
        var start = factory.Clock.GetUtcNow();
        var dark = new[] { DeviceKind.Hotspot, DeviceKind.Camera }.SelectMany(live.Devices)
            .Where(d => d.Lifecycle == DeviceLifecycle.Active && !d.Status.IsUp())
            .ToList();
        var darkForDays = dark.Where(d => start - d.StatusSince > TimeSpan.FromHours(24)).Select(d => d.Id).ToList();
        var darkForMinutes = dark.Where(d => start - d.StatusSince < TimeSpan.FromHours(1)).Select(d => d.Id).ToList();

        for (var i = 0; i < 60; i++)
        {
            factory.Clock.Advance(settings.Tick);
            await simulator.TickAsync(settings, CancellationToken.None);
        }

        Assert.NotEmpty(darkForDays);
        Assert.All(darkForDays, id => Assert.False(live.Device(id)!.Status.IsUp(), id));
        Assert.NotEmpty(darkForMinutes);
        Assert.Contains(darkForMinutes, id => live.Device(id)!.Status.IsUp());
    }
}
