using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;
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

    // A restart reads the stored escalation instants: before, the wall said "Antrean pimpinan: 0" after every
    // restart whose clock refresh had nothing to rewrite (its facts were loaded without them).
    [Fact]
    public async Task Load_StoredEscalations_TheLeadershipQueueIsOnTheWallFromTheFirstSnapshot()
    {
        using var factory = new SituationAppFactory();
        await factory.SettledSituationAsync();
        var live = factory.Services.GetRequiredService<LiveSituation>();
        var stored = await EscalatedInDatabaseAsync(factory);
        Assert.True(stored > 0, "the demo city has complaints in the leadership queue");

        await live.LoadAsync(CancellationToken.None);

        Assert.Equal(stored, live.Current.Complaints.Escalated);
    }

    // The monitor re-reads devices after cutting an unwatched gap; what complaint services told the wall meanwhile stays.
    [Fact]
    public async Task ReloadDevices_AfterAComplaintWasApplied_KeepsTheComplaintAndReadsTheDevicesAgain()
    {
        using var factory = new SituationAppFactory();
        var before = await factory.SettledSituationAsync();
        var live = factory.Services.GetRequiredService<LiveSituation>();
        var now = factory.Clock.GetUtcNow();
        var calm = live.OpenComplaints().First(c => c.EscalatesAt is null || c.EscalatesAt > now);
        live.Apply(calm with { EscalatesAt = now.AddMinutes(-1) }, now);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync())
        {
            await db.Devices.Where(d => d.Kind == DeviceKind.Camera && d.Lifecycle == DeviceLifecycle.Active).Take(7).ExecuteUpdateAsync(s => s.SetProperty(d => d.Lifecycle, DeviceLifecycle.SwitchedOff));
        }

        await live.ReloadDevicesAsync(CancellationToken.None);
        var after = live.Compose(now, force: true)!;

        Assert.Equal(before.Complaints.Escalated + 1, after.Complaints.Escalated);
        Assert.Equal(before.Cctv.SwitchedOff + 7, after.Cctv.SwitchedOff);
    }

    private static async Task<int> EscalatedInDatabaseAsync(SituationAppFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();
        var open = ComplaintQueries.OpenStatuses();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return await db.Complaints.CountAsync(c => open.Contains(c.Status) && c.EscalatesAt < now);
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
