using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using SituationRoom.Core;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Trends;

namespace SituationRoom.Benchmarks;

/// <summary>
/// A quick look without BenchmarkDotNet's process per case: every [Benchmark] of <see cref="TrendQueryBenchmarks"/>
/// on each dataset, timed with a stopwatch (best and mean of a few runs after one warm-up) with the bytes it allocated.
/// For a profile of where the time goes, not for the published table.
/// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- quick [demo-year|million] [runs]
/// </summary>
public static class QuickTimings
{
    /// <summary>The reads of <see cref="TrendView.LoadAsync"/> for the 12-month page with comparison, one by one.</summary>
    private static async Task PagePartsAsync(string dataset, int runs)
    {
        var factory = TrendDatasets.Factory(TrendDatasets.Ensure(dataset));
        var filter = TrendFilter.Default with { Period = TrendPeriod.Months12, By = TrendDimension.Opd };
        var today = Wib.DateOf(TrendDatasets.Now);
        var range = filter.Range(today);
        var grain = filter.EffectiveGrain(range);
        var buckets = range.Buckets(grain);
        var compared = range.ComparedWith(filter.Compare, grain)!;
        var comparedBuckets = buckets.Select(b => b.ShiftedAs(range, filter.Compare, grain)).ToList();
        var span = new DayRange(compared.From < range.From ? compared.From : range.From, range.To);
        (string, Func<SituationDbContext, Task>)[] parts =
        [
            ("page: complaint cells, 12 month buckets", db => TrendQueries.ComplaintCellsAsync(db, filter, buckets, grain, filter.By, today, CancellationToken.None)),
            ("page: complaint cells, compared 12 months", db => TrendQueries.ComplaintCellsAsync(db, filter, comparedBuckets, grain, filter.By, today, CancellationToken.None)),
            ($"page: uptime per day, both kinds, {span.Days} days", db => DeviceUptimeQueries.PerDayAsync(db, filter, span, TrendDatasets.Now, CancellationToken.None)),
            ("page: SMART scores", db => TrendQueries.MonthlyScoresAsync(db, filter.Opd, range, CancellationToken.None)),
        ];
        foreach (var (name, part) in parts)
        {
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i <= runs; i++)
            {
                await using var db = await factory.CreateDbContextAsync();
                var allBefore = GC.GetTotalAllocatedBytes(true);
                var clock = Stopwatch.StartNew();
                await part(db);
                if (i > 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    bytes = GC.GetTotalAllocatedBytes(true) - allBefore;
                }
            }

            Console.WriteLine($"  {name,-50} best {times.Min(),8:0.0} ms  mean {times.Average(),8:0.0} ms  alloc {bytes / 1024.0 / 1024.0,8:0.0} MB");
        }
    }

    public static async Task RunAsync(string[] args)
    {
        var datasets = args.Length > 1 ? [args[1]] : new[] { TrendDatasets.DemoYear, TrendDatasets.Million };
        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
        foreach (var dataset in datasets)
        {
            var bench = new TrendQueryBenchmarks { Dataset = dataset };
            var setup = Stopwatch.StartNew();
            bench.Setup();
            Console.WriteLine($"{dataset}: set up in {setup.ElapsedMilliseconds} ms");
            foreach (var method in typeof(TrendQueryBenchmarks).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                var name = method.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? method.Name;
                async Task Once() => await (Task<int>)method.Invoke(bench, null)!;
                await Once();
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i < runs; i++)
                {
                    var allBefore = GC.GetTotalAllocatedBytes(true);
                    var clock = Stopwatch.StartNew();
                    await Once();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    bytes = GC.GetTotalAllocatedBytes(true) - allBefore;
                }

                Console.WriteLine($"  {name,-50} best {times.Min(),8:0.0} ms  mean {times.Average(),8:0.0} ms  alloc {bytes / 1024.0 / 1024.0,8:0.0} MB");
            }

            await PagePartsAsync(dataset, runs);
            bench.Cleanup();
        }
    }
}
