using BenchmarkDotNet.Attributes;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.Devices;

namespace SituationRoom.Benchmarks;

/// <summary>
/// One POST /api/ingest/cameras of 5,000 reports in a city of 12,300 devices, through the endpoint's handler: JSON
/// read and validated, DeviceTelemetry deciding in memory, the history writer committing the changes to the SQLite
/// file before the answer. Three batches: heartbeats that change nothing (the usual minute), 1% of the devices
/// changing (a bad minute), and all 5,000 going dark at once (a blackout; area incidents open).
/// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- --filter '*Ingestion*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12, invocationCount: 1)]
[MemoryDiagnoser]
public class IngestionBatchBenchmarks
{
    private IngestionCity city = default!;
    private CameraBatches batches = default!;
    private byte[] body = [];

    [Params(CameraBatches.Heartbeats, CameraBatches.OnePercent, CameraBatches.Blackout)]
    public string Batch { get; set; } = CameraBatches.Heartbeats;

    [GlobalSetup]
    public void Setup()
    {
        city = IngestionCity.OpenAsync(new BenchClock()).GetAwaiter().GetResult();
        batches = new CameraBatches(city, Batch);
    }

    [GlobalCleanup]
    public void Cleanup() => city.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void NextBatch() => body = batches.NextAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "POST 5,000 camera reports")]
    public Task<DevicesApi.IngestAnswer> Post5000() => city.PostAsync(DeviceKind.Camera, body);
}

/// <summary>
/// The next 5,000-report camera batch of a scenario, with the clock moved as the reports would come. Heartbeats and
/// "1% change" alternate two halves of the 10,000 cameras 30 s apart, so each camera reports once a minute; a
/// blackout first brings the same 5,000 back (unmeasured: a recovery takes two up reports), then all go dark.
/// </summary>
public sealed class CameraBatches
{
    public const string Heartbeats = "heartbeats";
    public const string OnePercent = "1% change";
    public const string Blackout = "blackout";

    // Past the 2-minute dwell but short of three missed minute reports: no change is held back or invented.
    private static readonly TimeSpan BlackoutStep = TimeSpan.FromSeconds(150);

    private readonly IngestionCity city;
    private readonly string scenario;
    private readonly Random random = new(1708);
    private readonly ReportBatch[] halves;
    private readonly Dictionary<string, DeviceStatus> truth;
    private int next;

    public CameraBatches(IngestionCity city, string scenario)
    {
        this.city = city;
        this.scenario = scenario;
        var cameras = city.Ids(DeviceKind.Camera);
        halves = [new ReportBatch(DeviceKind.Camera, [.. cameras.Take(5000)]), new ReportBatch(DeviceKind.Camera, [.. cameras.Skip(5000).Take(5000)])];
        truth = cameras.ToDictionary(id => id, id => city.Live.Device(id)!.Status);
    }

    public async Task<byte[]> NextAsync()
    {
        if (scenario == Blackout)
        {
            var batch = halves[0];
            for (var i = 0; i < 2; i++)
            {
                city.Clock.Advance(BlackoutStep);
                await city.PostAsync(batch.Kind, batch.Fill(city.Clock.GetUtcNow(), _ => DeviceStatus.Online));
            }

            city.Clock.Advance(BlackoutStep);
            return batch.Fill(city.Clock.GetUtcNow(), _ => DeviceStatus.Offline);
        }

        var half = halves[next++ % 2];
        city.Clock.Advance(TimeSpan.FromSeconds(30));
        return half.Fill(city.Clock.GetUtcNow(), i =>
        {
            var id = half.Ids[i];
            if (scenario == OnePercent && random.NextDouble() < 0.01)
            {
                truth[id] = truth[id].IsUp() ? DeviceStatus.Offline : DeviceStatus.Online;
            }

            return truth[id];
        });
    }
}

/// <summary>
/// The history writer's flush of a whole minute of the city (12,300 devices) in one transaction: the once-a-minute
/// checkpoint of every device's last report and metrics, and the worst minute, every device changing status.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
[MemoryDiagnoser]
public class HistoryWriterBenchmarks
{
    private IngestionCity city = default!;
    private IReadOnlyList<string> ids = [];
    private DeviceWrite write = new([]);
    private int round;

    [GlobalSetup]
    public void Setup()
    {
        city = IngestionCity.OpenAsync(new BenchClock()).GetAwaiter().GetResult();
        ids = [.. city.Ids(DeviceKind.Hotspot), .. city.Ids(DeviceKind.Camera)];
    }

    [GlobalCleanup]
    public void Cleanup() => city.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Checkpoints))]
    public void NextCheckpoints()
    {
        city.Clock.Advance(TimeSpan.FromMinutes(1));
        var now = city.Clock.GetUtcNow();
        write = new DeviceWrite([], Checkpoints: [.. ids.Select(id => new DeviceCheckpoint(id, now, now.AddHours(-7), 12, 2048))]);
    }

    [IterationSetup(Target = nameof(StatusChanges))]
    public void NextChanges()
    {
        city.Clock.Advance(TimeSpan.FromMinutes(3));
        var status = round++ % 2 == 0 ? DeviceStatus.Offline : DeviceStatus.Online;
        var now = city.Clock.GetUtcNow();
        write = new DeviceWrite([.. ids.Select(id => new DeviceStatusChange(id, status, now))]);
    }

    [Benchmark(Description = "checkpoint 12,300 devices")]
    public Task Checkpoints() => city.Writer.WriteAsync(write, CancellationToken.None);

    [Benchmark(Description = "12,300 status changes")]
    public Task StatusChanges() => city.Writer.WriteAsync(write, CancellationToken.None);
}
