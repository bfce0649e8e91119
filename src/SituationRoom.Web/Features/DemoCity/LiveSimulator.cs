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
/// dark together and bring it back, new complaints and officers working them (<see cref="ComplaintFlow"/> decides
/// how many and which, so the backlog holds steady). It goes through the same ingestion code as the real feeds, so
/// what it shows is what they would show.
/// </summary>
public sealed class LiveSimulator(
    LiveSituation live,
    DeviceTelemetry telemetry,
    ComplaintIntake intake,
    ComplaintTransitions transitions,
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

    // Made at the first tick from the complaints open then, so it holds the backlog the simulator found.
    private ComplaintFlow? complaintFlow;

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

        var open = live.OpenComplaints();
        var worked = open.Select(c => new OpenComplaint(c.Id, c.Status, c.DueAt < now)).ToList();
        complaintFlow ??= new ComplaintFlow(worked, settings.ComplaintsPerHour, options.Value.RandomSeed + 2);
        var step = complaintFlow.Next(worked, now, settings.Tick);
        for (var i = 0; i < step.Arrivals; i++)
        {
            await intake.SubmitAsync(NewComplaint(now), cancellationToken);
        }

        var owners = open.ToDictionary(c => c.Id, c => c.OpdCode);
        foreach (var move in step.Moves)
        {
            await transitions.MoveAsync(move.Id, Move(move, owners.GetValueOrDefault(move.Id) ?? "DPU", now), cancellationToken);
        }
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

    /// <summary>An officer's step, with what the workflow asks of it (a target OPD to dispatch, evidence to resolve);
    /// the expected status makes a complaint someone else moved in the meantime a refusal, not a jump.</summary>
    private ComplaintMove Move(ComplaintFlowMove move, string owner, DateTimeOffset now) => move.To switch
    {
        ComplaintStatus.Verified => new ComplaintMove(move.To, "verifikator (simulasi)", ExpectedStatus: move.From),
        ComplaintStatus.Dispatched => new ComplaintMove(move.To, "verifikator (simulasi)", TargetOpdCode: owner, ExpectedStatus: move.From),
        ComplaintStatus.InProgress => new ComplaintMove(move.To, $"petugas {owner} (simulasi)", ExpectedStatus: move.From),
        _ => new ComplaintMove(
            ComplaintStatus.Resolved,
            $"petugas {owner} (simulasi)",
            Note: "Sudah ditangani di lokasi",
            Evidence: [new Evidence($"/demo/bukti/{move.Id}.jpg", now.AddMinutes(-random.Next(5, 90)), null, null)],
            ExpectedStatus: move.From),
    };

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
}
