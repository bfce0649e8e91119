using BenchmarkDotNet.Attributes;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Benchmarks;

/// <summary>
/// The live path's hot loop: composing the wall's panels from the whole demo city in memory
/// (2,300 hotspots and 10,000 cameras with a day of history, a month of complaints). It runs at most
/// twice a second whatever the number of screens, so this bounds the server's cost of a live wall.
/// </summary>
[MemoryDiagnoser]
public class SituationComposeBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private DeviceFact[] hotspots = [];
    private DeviceFact[] cameras = [];
    private ComplaintFact[] complaints = [];
    private SituationNames names = default!;

    [GlobalSetup]
    public void Setup()
    {
        var city = DemoCityGenerator.Generate(new DemoCityOptions(), Now);
        var horizon = Now.UtcDateTime.AddHours(-25);
        var history = city.Intervals.Where(i => i.To is null || i.To >= horizon).ToLookup(i => i.DeviceId);
        var facts = city.Devices.Select(d => new DeviceFact(
                d.Id, d.Kind, d.OpdCode, d.KecamatanCode, d.KelurahanCode, d.Lifecycle, d.Status, Utc(d.StatusSince),
                d.LastReportAt is null ? null : Utc(d.LastReportAt.Value),
                history[d.Id].Select(i => new StatusInterval(i.Status, Utc(i.From), i.To is null ? null : Utc(i.To.Value))).ToArray()))
            .ToArray();
        hotspots = facts.Where(f => f.Kind == DeviceKind.Hotspot).ToArray();
        cameras = facts.Where(f => f.Kind == DeviceKind.Camera).ToArray();
        complaints = city.Complaints
            .Where(c => c.ClosedAt is null || c.ClosedAt >= Now.UtcDateTime.AddDays(-31))
            .Select(c => new ComplaintRow(c.Id, c.Ticket, c.Status, c.Channel, c.OpdCode, c.KecamatanCode, c.CategoryCode, c.ReceivedAt, c.DueAt, c.ClosedAt, c.ReporterPhone, c.Text).ToFact())
            .ToArray();
        names = new SituationNames(city.Opds.ToDictionary(o => o.Code, o => o.ShortName), city.Kecamatan.ToDictionary(k => k.Code, k => k.Name));
    }

    [Benchmark]
    public WifiPanel Wifi() => SituationComposer.Wifi(hotspots, Now, names);

    [Benchmark]
    public CctvPanel Cctv() => SituationComposer.Cctv(cameras, Now, names);

    [Benchmark]
    public ComplaintsPanel Complaints() => SituationComposer.Complaints(complaints, Now, names, Now);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
