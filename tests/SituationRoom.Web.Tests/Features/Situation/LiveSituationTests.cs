using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Situation;

public sealed class LiveSituationTests
{
    [Fact]
    public async Task Subscribe_SnapshotPublishedFromBackground_HandlerRunsInSubscribersCulture()
    {
        using var factory = new SituationAppFactory();
        LiveSituation live;
        DeviceTelemetry telemetry;
        using (InCulture(CultureInfo.InvariantCulture))
        {
            // The host (and so the publishing loop) starts under another culture than the wall's circuit.
            live = factory.Services.GetRequiredService<LiveSituation>();
            telemetry = factory.Services.GetRequiredService<DeviceTelemetry>();
        }

        var heard = new TaskCompletionSource<(string Culture, string Count)>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable subscription;
        using (InCulture(new CultureInfo("id-ID")))
        {
            subscription = live.Subscribe(_ =>
            {
                heard.TrySetResult((CultureInfo.CurrentCulture.Name, 1076.ToString("N0", CultureInfo.CurrentCulture)));
                return Task.CompletedTask;
            });
        }

        using (subscription)
        {
            var hotspot = live.Devices(DeviceKind.Hotspot).First(d => d.Status == DeviceStatus.Online);
            await Task.Run(() => telemetry.IngestAsync(
                DeviceKind.Hotspot, [new DeviceReport(hotspot.Id, factory.Clock.GetUtcNow(), DeviceStatus.Offline)], CancellationToken.None));

            var (culture, count) = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("id-ID", culture);
            Assert.Equal("1.076", count);
        }
    }

    private static CultureScope InCulture(CultureInfo culture) => new(culture);

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo next) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = next;

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
