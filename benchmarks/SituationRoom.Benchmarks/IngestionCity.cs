using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Benchmarks;

/// <summary>
/// The demo city's 12,300 devices (2,300 hotspots, 10,000 cameras, 14 days of history) in a SQLite file of its own,
/// with the services the app registers for device ingestion wired by hand: LiveSituation loaded from the file, the
/// history writer running, DeviceTelemetry, and the monitor's start-up (a run recorded, so every commit renews it,
/// as in the app). <see cref="PostAsync"/> calls the endpoint's own handler, so a batch is read and validated as
/// JSON exactly as POST /api/ingest/... does, minus Kestrel, routing and the client key check.
/// </summary>
public sealed class IngestionCity : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    // Bump when the generator or the schema changes, so an old file is not measured by mistake.
    private const string Version = "v1";

    private readonly string folder;

    private IngestionCity(string folder, IDbContextFactory<SituationDbContext> factory, BenchClock clock, DevicesOptions options)
    {
        this.folder = folder;
        Factory = factory;
        Clock = clock;
        Options = options;
        var devicesOptions = Microsoft.Extensions.Options.Options.Create(options);
        Live = new LiveSituation(factory, clock, Microsoft.Extensions.Options.Options.Create(new SituationOptions()), NullLogger<LiveSituation>.Instance);
        Writer = new DeviceHistoryWriter(factory, clock, NullLogger<DeviceHistoryWriter>.Instance);
        Telemetry = new DeviceTelemetry(Live, Writer, clock, devicesOptions);
        Monitor = new DeviceMonitor(factory, Telemetry, Writer, Live, clock, devicesOptions, NullLogger<DeviceMonitor>.Instance);
    }

    public IDbContextFactory<SituationDbContext> Factory { get; }

    public BenchClock Clock { get; }

    public DevicesOptions Options { get; }

    public LiveSituation Live { get; }

    public DeviceHistoryWriter Writer { get; }

    public DeviceTelemetry Telemetry { get; }

    public DeviceMonitor Monitor { get; }

    public string DatabasePath => Path.Combine(folder, "city.db");

    public static string TemplateFolder => Path.Combine(Path.GetTempPath(), "situationroom-ingest-bench-" + Version);

    /// <summary>A fresh copy of the city, loaded and started. <paramref name="runMonitor"/> also starts the monitor's
    /// loop (sweep every 15 s, checkpoint every minute, rollups every 5 minutes, by the wall clock) and the live
    /// situation's composing loop, as in the running app.</summary>
    public static async Task<IngestionCity> OpenAsync(BenchClock clock, bool runMonitor = false, DevicesOptions? options = null)
    {
        var template = EnsureTemplate();
        var folder = Directory.CreateTempSubdirectory("situationroom-ingest-").FullName;
        File.Copy(template, Path.Combine(folder, "city.db"));
        var city = new IngestionCity(folder, TrendDatasets.Factory(Path.Combine(folder, "city.db")), clock, options ?? new DevicesOptions());
        await city.Live.LoadAsync(CancellationToken.None);
        await city.Writer.StartAsync(CancellationToken.None);
        if (runMonitor)
        {
            await city.Monitor.StartAsync(CancellationToken.None);
            await city.Live.StartAsync(CancellationToken.None);
        }
        else
        {
            await city.Monitor.ResumeAsync(CancellationToken.None);
        }

        return city;
    }

    /// <summary>What the endpoint does with one request body.</summary>
    public async Task<DevicesApi.IngestAnswer> PostAsync(DeviceKind kind, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body, writable: false);
        var result = await DevicesApi.IngestAsync(kind, context.Request, Telemetry, Options, CancellationToken.None);
        return result.Result switch
        {
            Ok<DevicesApi.IngestAnswer> ok => ok.Value!,
            ValidationProblem problem => throw new InvalidOperationException("Refused: " + string.Join(", ", problem.ProblemDetails.Errors.Keys)),
            ProblemHttpResult problem => throw new InvalidOperationException($"{problem.StatusCode}: {problem.ProblemDetails.Detail}"),
            _ => throw new InvalidOperationException("Unexpected answer " + result.Result),
        };
    }

    public IReadOnlyList<string> Ids(DeviceKind kind) =>
        [.. Live.Devices(kind).Where(d => d.Lifecycle == DeviceLifecycle.Active).Select(d => d.Id).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await Monitor.StopAsync(CancellationToken.None);
        await Live.StopAsync(CancellationToken.None);
        await Writer.StopAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The city made once per machine (it takes a minute on two cores) and copied for every run.</summary>
    private static string EnsureTemplate()
    {
        Directory.CreateDirectory(TemplateFolder);
        var path = Path.Combine(TemplateFolder, "city.db");
        var done = path + ".done";
        using var mutex = new Mutex(false, "situationroom-ingest-bench-" + Version);
        mutex.WaitOne();
        try
        {
            if (!File.Exists(done))
            {
                foreach (var stale in Directory.GetFiles(TemplateFolder, "city.db*"))
                {
                    File.Delete(stale);
                }

                MakeTemplate(path).GetAwaiter().GetResult();
                File.WriteAllText(done, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }

        return path;
    }

    private static async Task MakeTemplate(string path)
    {
        var watch = Stopwatch.StartNew();
        var city = DemoCityGenerator.Generate(new DemoCityOptions { ComplaintDays = 30 }, Start);
        var factory = TrendDatasets.Factory(path);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await DemoCityLoader.LoadAsync(db, city, CancellationToken.None);

            // The app rolls a new database up on first start; done here so no run measures that one-off.
            await DeviceRollupStore.RecomputeAsync(db, Start - TimeSpan.FromDays(31), Start, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        Console.WriteLine($"// ingestion city: {city.Devices.Count} devices, {city.Intervals.Count} intervals, made in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>
/// A clock that starts at <see cref="IngestionCity.Start"/> (the demo city's now) and moves when told to, or with the
/// wall clock once <see cref="FollowWallClock"/> is called. Timers are the system's, so the monitor's loop keeps real
/// time, as in the app.
/// </summary>
public sealed class BenchClock : TimeProvider
{
    private readonly Stopwatch running = new();
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        IngestionCity.Start + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks)) + running.Elapsed;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void FollowWallClock() => running.Start();
}

/// <summary>
/// One request body of reports for a fixed list of devices, written once; the device time and each status are
/// patched in place (statuses in a fixed-width slot padded with JSON whitespace), so making the next batch costs a
/// few copies and the measurement is the server's path, not the client's serialiser.
/// </summary>
public sealed class ReportBatch
{
    private const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int StatusSlot = 11;

    private readonly int[] atOffsets;
    private readonly int[] statusOffsets;

    public ReportBatch(DeviceKind kind, IReadOnlyList<string> ids)
    {
        Kind = kind;
        Ids = ids;
        atOffsets = new int[ids.Count];
        statusOffsets = new int[ids.Count];
        var metric = kind == DeviceKind.Hotspot ? "\"clients\":12" : "\"bitrateKbps\":2048.5";
        var text = new StringBuilder("{\"reports\":[");
        for (var i = 0; i < ids.Count; i++)
        {
            text.Append(i == 0 ? "{" : ",{").Append("\"deviceId\":\"").Append(ids[i]).Append("\",\"at\":\"");
            atOffsets[i] = text.Length;
            text.Append(IngestionCity.Start.UtcDateTime.ToString(AtFormat, CultureInfo.InvariantCulture)).Append("\",\"status\":");
            statusOffsets[i] = text.Length;
            text.Append(new string(' ', StatusSlot)).Append(',').Append(metric).Append('}');
        }

        Body = Encoding.ASCII.GetBytes(text.Append("]}").ToString());
    }

    public DeviceKind Kind { get; }

    public IReadOnlyList<string> Ids { get; }

    public byte[] Body { get; }

    public int Count => Ids.Count;

    /// <summary>Every report stamped <paramref name="at"/> (the device's clock), each with the status given.</summary>
    public byte[] Fill(DateTimeOffset at, Func<int, DeviceStatus> status)
    {
        var stamp = Encoding.ASCII.GetBytes(at.UtcDateTime.ToString(AtFormat, CultureInfo.InvariantCulture));
        for (var i = 0; i < Ids.Count; i++)
        {
            stamp.CopyTo(Body, atOffsets[i]);
            var word = "\"" + status(i).ToWire(Kind) + "\"";
            var slot = Body.AsSpan(statusOffsets[i], StatusSlot);
            slot.Fill((byte)' ');
            Encoding.ASCII.GetBytes(word, slot);
        }

        return Body;
    }
}
