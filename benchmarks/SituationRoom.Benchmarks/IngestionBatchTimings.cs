using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SituationRoom.Core.Devices;

namespace SituationRoom.Benchmarks;

/// <summary>
/// The batches of <see cref="IngestionBatchBenchmarks"/> timed one by one without BenchmarkDotNet, by the wall clock and
/// by the process's CPU time: where cores are shared with other work, wall time mostly measures the others, CPU time
/// what this path costs. Also whether each batch wrote to the database at all: SQLite's data_version, read on a
/// connection of its own, moves when another connection commits.
/// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- ingest-batch [batches per scenario]
/// </summary>
public static class IngestionBatchTimings
{
    // Enough calls for the tiered JIT to have optimised the path before anything is measured.
    private const int Warmup = 10;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        Console.WriteLine($"ingest-batch: {count} batches of 5,000 camera reports per scenario after {Warmup} unmeasured; load average {LoadAverage()}");
        foreach (var scenario in new[] { CameraBatches.Heartbeats, CameraBatches.OnePercent, CameraBatches.Blackout })
        {
            await using var city = await IngestionCity.OpenAsync(new BenchClock());
            var batches = new CameraBatches(city, scenario);
            using var watcher = new SqliteConnection($"Data Source={city.DatabasePath};Pooling=False");
            watcher.Open();
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < Warmup; i++)
            {
                await city.PostAsync(DeviceKind.Camera, await batches.NextAsync());
            }

            var wall = new List<double>();
            double cpu = 0, allocated = 0;
            int changes = 0, committed = 0;
            for (var i = 0; i < count; i++)
            {
                var body = await batches.NextAsync();
                var version = DataVersion(watcher);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                var answer = await city.PostAsync(DeviceKind.Camera, body);
                wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                allocated += GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
                process.Refresh();
                cpu += (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                changes += answer.StatusChanges;
                committed += DataVersion(watcher) != version ? 1 : 0;
            }

            wall.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"  {scenario,-10}: wall median {wall[wall.Count / 2],6:N1} ms, CPU mean {cpu / count,6:N1} ms ({cpu * 1000 / count / 5000:N1} µs per report), allocated {allocated / count / 1e6:N2} MB ({allocated / count / 5000:N0} B per report), {changes / (double)count:N0} status changes per batch, {committed}/{count} batches wrote to the database"));
        }
    }

    private static long DataVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
