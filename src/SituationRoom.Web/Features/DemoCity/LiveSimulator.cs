using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.DemoCity;

/// <summary>
/// Plays the city's feeds for the demo: device heartbeats and failures, area outages that take a kelurahan
/// dark together and bring it back, new complaints and officers working them. It goes through the same
/// ingestion code as the real feeds, so what it shows is what they would show.
/// </summary>
public sealed class LiveSimulator(
    LiveSituation live,
    DeviceTelemetry telemetry,
    ComplaintIntake intake,
    ComplaintTransitions transitions,
    IDbContextFactory<SituationDbContext> dbFactory,
    TimeProvider clock,
    IOptions<DemoCityOptions> options,
    ILogger<LiveSimulator> logger) : BackgroundService
{
    private readonly Random random = new(options.Value.RandomSeed + 1);
    private readonly Dictionary<string, DateTimeOffset> areaOutages = new(StringComparer.Ordinal);

    // What each device would really report: liveness confirms a recovery only after repeated up reports, so the
    // recorded status lags, and heartbeats must repeat the truth rather than echo the record.
    private readonly Dictionary<string, DeviceStatus> truth = new(StringComparer.Ordinal);
    // One cursor per kind: a shared one wrapped at the smaller fleet's size and starved most cameras of heartbeats.
    private readonly Dictionary<DeviceKind, int> heartbeatCursor = [];

    // Dark for long before the simulator started; without this every dark device came back within minutes.
    private readonly HashSet<string> chronicDark = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Simulator;
        if (!settings.Enabled)
        {
            return;
        }

        logger.LogInformation("Live simulator on: a tick every {Tick}", settings.Tick);
        using var timer = new PeriodicTimer(settings.Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A simulator tick failed; the next one carries on");
            }
        }
    }

    internal async Task TickAsync(SimulatorOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var kind in new[] { DeviceKind.Hotspot, DeviceKind.Camera })
        {
            var reports = DeviceReports(kind, settings, now);
            if (reports.Count > 0)
            {
                await telemetry.IngestAsync(kind, reports, cancellationToken);
            }
        }

        // Only once both kinds have been told the outage ended: hotspots and cameras of the area come back together.
        foreach (var ended in areaOutages.Where(o => o.Value <= now).Select(o => o.Key).ToList())
        {
            areaOutages.Remove(ended);
        }

        var newComplaints = Poisson(settings.ComplaintsPerHour * settings.Tick.TotalHours);
        for (var i = 0; i < newComplaints; i++)
        {
            await intake.SubmitAsync(NewComplaint(now), cancellationToken);
        }

        await WorkComplaintsAsync(Math.Max(1, newComplaints), now, cancellationToken);
    }

    private List<DeviceReport> DeviceReports(DeviceKind kind, SimulatorOptions settings, DateTimeOffset now)
    {
        var devices = live.Devices(kind).Where(d => d.Lifecycle == DeviceLifecycle.Active).ToArray();
        if (devices.Length == 0)
        {
            return [];
        }

        var reports = new Dictionary<string, DeviceReport>(StringComparer.Ordinal);

        // A real controller reports each device about once a minute; spread those heartbeats over the ticks.
        var perTick = (int)Math.Ceiling(devices.Length * settings.Tick.TotalSeconds / 60);
        for (var i = 0; i < perTick; i++)
        {
            var device = devices[(heartbeatCursor.GetValueOrDefault(kind) + i) % devices.Length];
            reports[device.Id] = new DeviceReport(device.Id, now, Truth(device));
        }

        heartbeatCursor[kind] = (heartbeatCursor.GetValueOrDefault(kind) + perTick) % devices.Length;

        foreach (var device in devices)
        {
            if (!truth.ContainsKey(device.Id) && !device.Status.IsUp() && now - device.StatusSince > settings.ChronicDarkAfter)
            {
                chronicDark.Add(device.Id);
            }

            if (chronicDark.Contains(device.Id))
            {
                continue;
            }

            if (areaOutages.TryGetValue(Area(device), out var until))
            {
                var status = until > now ? DeviceStatus.Offline : DeviceStatus.Online;
                if (Truth(device).IsUp() != status.IsUp())
                {
                    reports[device.Id] = Report(device, now, status);
                }

                continue;
            }

            // Ordinary failures are rare; a dark device comes back after some minutes.
            var isUp = Truth(device).IsUp();
            if (isUp ? random.NextDouble() < settings.DeviceChurnPerTick : random.NextDouble() < 0.02)
            {
                reports[device.Id] = Report(device, now, isUp ? DownStatus(kind) : DeviceStatus.Online);
            }
        }

        if (kind == DeviceKind.Camera && random.NextDouble() < settings.AreaOutageChancePerTick)
        {
            var area = Area(devices[random.Next(devices.Length)]);
            areaOutages[area] = now + settings.AreaOutageDuration;
            foreach (var device in devices.Where(d => Area(d) == area))
            {
                reports[device.Id] = Report(device, now, DeviceStatus.Offline);
            }

            logger.LogInformation("Simulated area outage in kelurahan {Area} until {Until}", area, areaOutages[area]);
        }

        return [.. reports.Values];
    }

    private ComplaintSubmission NewComplaint(DateTimeOffset now)
    {
        var kelurahan = SemarangReference.Kelurahan[random.Next(SemarangReference.Kelurahan.Count)];
        var categories = DemoComplaintTexts.ByCategory.Keys.ToArray();
        var templates = DemoComplaintTexts.ByCategory[categories[random.Next(categories.Length)]];
        var text = templates[random.Next(templates.Length)].Replace("{kel}", kelurahan.Name, StringComparison.Ordinal);
        var channel = random.NextDouble() switch
        {
            < 0.35 => ComplaintChannel.Sms,
            < 0.6 => ComplaintChannel.App,
            < 0.75 => ComplaintChannel.WhatsApp,
            < 0.88 => ComplaintChannel.Web,
            < 0.95 => ComplaintChannel.SocialMedia,
            _ => ComplaintChannel.CallCentre,
        };
        return new ComplaintSubmission(channel, text, now, ReporterPhone: $"08{random.Next(11, 99)}{random.Next(10_000_000, 99_999_999)}");
    }

    /// <summary>Officers move a few open complaints one step along the workflow.</summary>
    private async Task WorkComplaintsAsync(int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Verified
                || c.Status == ComplaintStatus.Dispatched || c.Status == ComplaintStatus.InProgress)
            .OrderByDescending(c => c.Id)
            .Take(400)
            .Select(c => new { c.Id, c.Status, c.OpdCode, c.CategoryCode })
            .ToListAsync(cancellationToken);
        foreach (var complaint in open.OrderBy(_ => random.Next()).Take(count))
        {
            var owner = complaint.OpdCode ?? "DPU";
            var move = complaint.Status switch
            {
                ComplaintStatus.Received => new ComplaintMove(ComplaintStatus.Verified, "verifikator (simulasi)"),
                ComplaintStatus.Verified => new ComplaintMove(ComplaintStatus.Dispatched, "verifikator (simulasi)", TargetOpdCode: owner),
                ComplaintStatus.Dispatched => new ComplaintMove(ComplaintStatus.InProgress, $"petugas {owner} (simulasi)"),
                _ => new ComplaintMove(
                    ComplaintStatus.Resolved,
                    $"petugas {owner} (simulasi)",
                    Note: "Sudah ditangani di lokasi",
                    Evidence: [new Evidence($"/demo/bukti/{complaint.Id}.jpg", now.AddMinutes(-random.Next(5, 90)), null, null)]),
            };
            await transitions.MoveAsync(complaint.Id, move, cancellationToken);
        }
    }

    private DeviceStatus Truth(DeviceFact device) => truth.GetValueOrDefault(device.Id, device.Status);

    private DeviceReport Report(DeviceFact device, DateTimeOffset now, DeviceStatus status)
    {
        truth[device.Id] = status;
        return new DeviceReport(device.Id, now, status);
    }

    private static string Area(DeviceFact device) => device.KelurahanCode ?? device.KecamatanCode;

    private DeviceStatus DownStatus(DeviceKind kind) =>
        kind == DeviceKind.Hotspot ? DeviceStatus.Offline : random.NextDouble() switch
        {
            < 0.6 => DeviceStatus.Offline,
            < 0.8 => DeviceStatus.NoFrames,
            < 0.9 => DeviceStatus.Frozen,
            _ => DeviceStatus.Degraded,
        };

    private int Poisson(double mean)
    {
        // Knuth's method: means here are small (a few per tick).
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}
