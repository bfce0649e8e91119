using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.DemoCity;

public sealed class DemoCityGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    // One full-size city shared by the size tests: generating it is the slow part.
    private static readonly Lazy<DemoCityData> FullCity = new(() => DemoCityGenerator.Generate(new DemoCityOptions(), Now));

    [Fact]
    public void Generate_SameSeedAndNow_GivesTheSameCity()
    {
        var options = new DemoCityOptions { Hotspots = 200, Cameras = 500, ComplaintDays = 40 };

        var first = Fingerprint(DemoCityGenerator.Generate(options, Now));
        var second = Fingerprint(DemoCityGenerator.Generate(options, Now));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_GivesAnotherCity()
    {
        var a = DemoCityGenerator.Generate(new DemoCityOptions { Hotspots = 200, Cameras = 500, ComplaintDays = 40 }, Now);
        var b = DemoCityGenerator.Generate(new DemoCityOptions { Hotspots = 200, Cameras = 500, ComplaintDays = 40, RandomSeed = 7 }, Now);

        Assert.NotEqual(Fingerprint(a), Fingerprint(b));
    }

    [Fact]
    public void Generate_Defaults_HasSemarangsWilayahAndTheCitysScale()
    {
        var city = FullCity.Value;

        Assert.Equal(16, city.Kecamatan.Count);
        Assert.Equal(177, city.Kelurahan.Count);
        Assert.InRange(city.Opds.Count, 35, 45);
        Assert.Equal(2300, city.Devices.Count(d => d.Kind == DeviceKind.Hotspot));
        Assert.Equal(10_000, city.Devices.Count(d => d.Kind == DeviceKind.Camera));
        Assert.InRange(city.Complaints.Count, 30_000, 60_000);
        Assert.All(city.Devices, d => Assert.Contains(city.Kecamatan, k => k.Code == d.KecamatanCode));
        Assert.Equal(16, city.Devices.Select(d => d.KecamatanCode).Distinct().Count());
    }

    [Fact]
    public void Generate_Defaults_ComplaintsHaveConsistentHistories()
    {
        var city = FullCity.Value;

        Assert.All(city.Complaints, c =>
        {
            Assert.NotEmpty(c.History);
            Assert.Equal(ComplaintStatus.Received, c.History[0].ToStatus);
            Assert.Equal(c.Status, c.History[^1].ToStatus);
            Assert.True(c.History.Zip(c.History.Skip(1)).All(p => p.First.At <= p.Second.At));
            Assert.True(c.History[^1].At <= Now.UtcDateTime);
            Assert.Equal(c.Status.IsOpen(), c.ClosedAt is null);
        });
        Assert.Equal(city.Complaints.Count, city.Complaints.Select(c => c.Ticket).Distinct().Count());
    }

    [Fact]
    public void Generate_Defaults_SomeOpdsKeepTheirPromiseBetterThanOthers()
    {
        var onTimeShare = FullCity.Value.Complaints
            .Where(c => c.OpdCode is not null && c.Status == ComplaintStatus.Resolved)
            .GroupBy(c => c.OpdCode!)
            .Where(g => g.Count() >= 200)
            .Select(g => g.Count(c => c.ClosedAt <= c.DueAt) / (double)g.Count())
            .ToList();

        Assert.True(onTimeShare.Count >= 5, "several OPDs have enough complaints to compare");
        Assert.True(onTimeShare.Max() - onTimeShare.Min() > 0.15, $"spread of on-time shares was {onTimeShare.Max() - onTimeShare.Min():P1}");
    }

    [Fact]
    public void Generate_Defaults_ShowsTheWallSomethingToWatch()
    {
        var city = FullCity.Value;
        var open = city.Complaints.Where(c => c.Status.IsOpen()).ToList();

        Assert.NotEmpty(open);
        Assert.Contains(open, c => c.DueAt < Now.UtcDateTime);
        Assert.Contains(city.Devices, d => d.Lifecycle == DeviceLifecycle.SwitchedOff);
        Assert.Contains(city.Devices, d => d.Lifecycle == DeviceLifecycle.Active && !d.Status.IsUp());
        var activeUp = city.Devices.Count(d => d.Lifecycle == DeviceLifecycle.Active && d.Status.IsUp()) / (double)city.Devices.Count(d => d.Lifecycle == DeviceLifecycle.Active);
        Assert.InRange(activeUp, 0.85, 0.995);
    }

    [Fact]
    public async Task Load_SmallCity_WritesEveryRow()
    {
        using var file = new TempDatabase();
        var builder = new DbContextOptionsBuilder<SituationDbContext>();
        DataServices.Configure(builder, DataServices.ConnectionString(file.Path));
        await using var db = new SituationDbContext(builder.Options);
        await db.Database.MigrateAsync();
        var city = DemoCityGenerator.Generate(new DemoCityOptions { Hotspots = 100, Cameras = 300, ComplaintDays = 20 }, Now);

        await DemoCityLoader.LoadAsync(db, city, CancellationToken.None);

        Assert.Equal(city.Devices.Count, await db.Devices.CountAsync());
        Assert.Equal(city.Intervals.Count, await db.DeviceStatusIntervals.CountAsync());
        Assert.Equal(city.Complaints.Count, await db.Complaints.CountAsync());
        Assert.Equal(city.Complaints.Sum(c => c.History.Count), await db.ComplaintEvents.CountAsync());
        var sample = city.Complaints[city.Complaints.Count / 2];
        var stored = await db.Complaints.AsNoTracking().SingleAsync(c => c.Ticket == sample.Ticket);
        Assert.Equal(sample.Status, stored.Status);
        Assert.Equal(sample.ReceivedAt, stored.ReceivedAt);
        Assert.Equal(DateTimeKind.Utc, stored.ReceivedAt.Kind);
    }

    private static string Fingerprint(DemoCityData city) => JsonSerializer.Serialize(new
    {
        Devices = city.Devices.Select(d => new { d.Id, d.Name, d.KecamatanCode, d.OpdCode, d.Status, d.Lifecycle, d.StatusSince }),
        Intervals = city.Intervals.Select(i => new { i.DeviceId, i.Status, i.From, i.To }),
        Complaints = city.Complaints.Select(c => new { c.Ticket, c.Text, c.Status, c.OpdCode, c.ReceivedAt, c.ClosedAt, History = c.History.Count }),
    });
}
