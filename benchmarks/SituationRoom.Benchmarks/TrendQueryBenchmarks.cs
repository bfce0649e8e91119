using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SituationRoom.Core;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Trends;

namespace SituationRoom.Benchmarks;

/// <summary>
/// Each chart's query of /trends, on the demo city's year (38k complaints) and on a million complaints over three
/// years. Every complaint figure reads the daily cube; lists read raw complaints on their indexes.
/// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- --filter '*TrendQuery*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class TrendQueryBenchmarks
{
    private static readonly DateOnly Today = Wib.DateOf(TrendDatasets.Now);
    private static readonly DayRange Year = new(Today.AddYears(-1).AddDays(1), Today);
    private static readonly DayRange Month = DayRange.Last(30, Today);
    private static readonly TrendFilter TwelveMonths = TrendFilter.Default with { Period = TrendPeriod.Months12, By = TrendDimension.Opd };
    private IDbContextFactory<SituationDbContext> factory = default!;
    private ComplaintRollup rollup = default!;

    [Params(TrendDatasets.DemoYear, TrendDatasets.Million)]
    public string Dataset { get; set; } = TrendDatasets.DemoYear;

    [GlobalSetup]
    public void Setup()
    {
        factory = TrendDatasets.Factory(TrendDatasets.Ensure(Dataset));
        rollup = new ComplaintRollup(factory, NullLogger<ComplaintRollup>.Instance);
        rollup.CatchUpAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    [Benchmark(Description = "received by category, 30 days")]
    public async Task<int> ReceivedByCategory30Days()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default, Month, TrendDimension.Category, CancellationToken.None)).Count;
    }

    // As the 12-month chart reads it: twelve calendar month buckets, whole months from the month cells.
    [Benchmark(Description = "received, SLA, median by OPD, 12 months")]
    public async Task<int> ByOpd12Months()
    {
        await using var db = await factory.CreateDbContextAsync();
        var range = TwelveMonths.Range(Today);
        return (await TrendQueries.ComplaintCellsAsync(db, TwelveMonths, range.Buckets(Grain.Month), Grain.Month, TrendDimension.Opd, Today, CancellationToken.None)).Count;
    }

    // The worst a person can ask of the split chart: a year by day (grain=day), 365 day buckets from the day cells.
    [Benchmark(Description = "the same per day (grain=day), 12 months")]
    public async Task<int> ByOpd12MonthsPerDay()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default, Year, TrendDimension.Opd, CancellationToken.None)).Count;
    }

    [Benchmark(Description = "by kecamatan for one OPD and channel, 12 months")]
    public async Task<int> OneOpdByKecamatan12Months()
    {
        await using var db = await factory.CreateDbContextAsync();
        var filter = TrendFilter.Default with { Opd = "DPU", Channel = SituationRoom.Core.Complaints.ComplaintChannel.Sms };
        return (await TrendQueries.ComplaintCellsAsync(db, filter, Year, TrendDimension.Kecamatan, CancellationToken.None)).Count;
    }

    [Benchmark(Description = "list: count and first 100, one category, 12 months")]
    public async Task<int> ListFirstPage12Months()
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = new ComplaintListQuery(TrendFilter.Default with { Category = "jalan" }, ComplaintMeasure.Received);
        var complaints = TrendQueries.Complaints(db, query, Year, TrendDatasets.Now.UtcDateTime);
        var count = await complaints.CountAsync();
        return count + (await TrendQueries.Rows(complaints.Take(100)).ToListAsync()).Count;
    }

    [Benchmark(Description = "list: overdue now, count and first 100")]
    public async Task<int> OverdueNow()
    {
        await using var db = await factory.CreateDbContextAsync();
        var complaints = TrendQueries.Complaints(db, new ComplaintListQuery(TrendFilter.Default, ComplaintMeasure.Overdue), Year, TrendDatasets.Now.UtcDateTime);
        return await complaints.CountAsync() + (await TrendQueries.Rows(complaints.Take(100)).ToListAsync()).Count;
    }

    [Benchmark(Description = "CCTV uptime per day, 14 days (10,000 cameras)")]
    public async Task<int> CameraUptime14Days()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await DeviceUptimeQueries.PerDayAsync(db, DeviceKind.Camera, TrendFilter.Default, DayRange.Last(14, Today), TrendDatasets.Now, CancellationToken.None)).Length;
    }

    [Benchmark(Description = "SMART heatmap, 12 months")]
    public async Task<int> SmartHeatmap12Months()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await TrendQueries.MonthlyScoresAsync(db, null, Year, CancellationToken.None)).Count;
    }

    [Benchmark(Description = "whole /trends page, 12 months with comparison")]
    public async Task<int> WholePage12Months()
    {
        await using var db = await factory.CreateDbContextAsync();
        var view = await TrendView.LoadAsync(db, rollup, TrendFilter.Default with { Period = TrendPeriod.Months12, By = TrendDimension.Opd }, TrendDatasets.Now, CancellationToken.None);
        return view.Complaints.Keys.Count;
    }
}
