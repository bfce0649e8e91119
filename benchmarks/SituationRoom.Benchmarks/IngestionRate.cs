using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SituationRoom.Core.Devices;

namespace SituationRoom.Benchmarks;

/// <summary>
/// How many reports a second the ingestion path takes, sustained: feeders post the city's batches (cameras in two
/// halves of 5,000, hotspots in one of 2,300) back to back through the endpoint's handler, while the monitor's loop
/// (sweep, checkpoint, rollups) and the live situation's composing run beside them by the wall clock, as in the
/// app. A share of reports (per mille) flips a device's status. One city needs about 200 reports a second; a
/// province 30 times that.
/// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- ingest-rate [seconds] [feeders] [flips per mille]
/// </summary>
public static class IngestionRate
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var feeders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var perMille = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1;

        var clock = new BenchClock();
        await using var city = await IngestionCity.OpenAsync(clock, runMonitor: true);
        clock.FollowWallClock();
        var ids = new[] { DeviceKind.Camera, DeviceKind.Hotspot }.ToDictionary(k => k, city.Ids);
        var parts = new (DeviceKind Kind, string[] Ids)[]
        {
            (DeviceKind.Camera, [.. ids[DeviceKind.Camera].Take(5000)]),
            (DeviceKind.Camera, [.. ids[DeviceKind.Camera].Skip(5000)]),
            (DeviceKind.Hotspot, [.. ids[DeviceKind.Hotspot]]),
        };
        var truth = parts.Select(p => p.Ids.Select(id => city.Live.Device(id)!.Status).ToArray()).ToArray();
        var intervalsBefore = Count(city.DatabasePath, "SELECT COUNT(*) FROM DeviceStatusIntervals");

        var slot = -1L;
        var measuring = false;
        var stop = false;
        var stats = new Stats();
        async Task Feed(int feeder)
        {
            var random = new Random(1708 + feeder);
            var batches = parts.Select(p => new ReportBatch(p.Kind, p.Ids)).ToArray();
            while (!Volatile.Read(ref stop))
            {
                var s = Interlocked.Increment(ref slot);
                var part = (int)(s % parts.Length);
                var batch = batches[part];
                byte[] body;
                lock (truth[part])
                {
                    // The device's own clock: a second further each round, so every report is news.
                    body = batch.Fill(IngestionCity.Start + TimeSpan.FromSeconds(s / parts.Length), i =>
                    {
                        if (random.NextDouble() * 1000 < perMille)
                        {
                            truth[part][i] = truth[part][i].IsUp() ? DeviceStatus.Offline : DeviceStatus.Online;
                        }

                        return truth[part][i];
                    });
                }

                var started = Stopwatch.GetTimestamp();
                var answer = await city.PostAsync(batch.Kind, body);
                if (Volatile.Read(ref measuring))
                {
                    stats.Add(batch.Count, answer.Accepted, answer.StatusChanges, Stopwatch.GetElapsedTime(started));
                }
            }
        }

        var tasks = Enumerable.Range(0, feeders).Select(f => Task.Run(() => Feed(f))).ToArray();
        await Task.Delay(Warmup);
        var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Bytes: GC.GetTotalAllocatedBytes(precise: true));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var elapsed = watch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - gcBefore.Bytes;
        var gcs = (GC.CollectionCount(0) - gcBefore.Gen0, GC.CollectionCount(1) - gcBefore.Gen1, GC.CollectionCount(2) - gcBefore.Gen2);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);

        var latencies = stats.Latencies.Order().ToList();
        Console.WriteLine(FormattableString.Invariant($"""
            ingest-rate: {seconds} s measured after {Warmup.TotalSeconds:0} s warm-up, {feeders} feeder(s), {perMille} per mille of reports flip status
              machine: {Environment.ProcessorCount} logical cores, load average before start {LoadAverage()}, .NET {Environment.Version}
              reports:        {stats.Reports:N0} in {stats.Batches:N0} batches -> {stats.Reports / elapsed.TotalSeconds:N0} reports/s ({stats.Reports / elapsed.TotalSeconds / 200:N0}x one city's 200/s)
              accepted:       {stats.Accepted:N0}; status changes recorded {stats.Changes:N0}
              batch latency:  median {Percentile(latencies, 0.5):N1} ms, p95 {Percentile(latencies, 0.95):N1} ms, max {latencies.LastOrDefault():N1} ms
              process CPU:    {cpu.TotalSeconds:N1} s over {elapsed.TotalSeconds:N1} s ({cpu.TotalSeconds / elapsed.TotalSeconds * 100:N0}% of one core) -> {cpu.TotalMilliseconds * 1000 / stats.Reports:N1} µs CPU per report, {stats.Reports / cpu.TotalSeconds:N0} reports per CPU-second
              allocated:      {allocated / (double)stats.Reports:N0} bytes per report; GCs gen0/1/2 {gcs.Item1}/{gcs.Item2}/{gcs.Item3}
              intervals rows: {Count(city.DatabasePath, "SELECT COUNT(*) FROM DeviceStatusIntervals") - intervalsBefore:N0} written (all phases)
            """));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static long Count(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private sealed class Stats
    {
        private readonly Lock gate = new();

        public long Reports { get; private set; }

        public long Accepted { get; private set; }

        public long Changes { get; private set; }

        public int Batches { get; private set; }

        public List<double> Latencies { get; } = [];

        public void Add(int reports, int accepted, int changes, TimeSpan latency)
        {
            lock (gate)
            {
                Reports += reports;
                Accepted += accepted;
                Changes += changes;
                Batches++;
                Latencies.Add(latency.TotalMilliseconds);
            }
        }
    }
}
