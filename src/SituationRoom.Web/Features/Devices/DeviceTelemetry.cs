using Microsoft.Extensions.Options;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Devices;

/// <summary>One report from a hotspot controller or a camera management system; At is the device's own clock.</summary>
public sealed record DeviceReport(string DeviceId, DateTimeOffset At, DeviceStatus Status, int? Clients = null, double? BitrateKbps = null);

/// <summary>What became of a batch: how many reports were news, the status changes recorded, and ids the registry does not know.</summary>
public sealed record DeviceIngestResult(int Accepted, int StatusChanges, IReadOnlyList<string> UnknownDeviceIds, int Ignored = 0);

/// <summary>
/// The ingestion path every device feed uses (the HTTP endpoints and the demo simulator alike), and the liveness
/// sweep: decide in memory (report order, liveness with hysteresis, area incidents), queue the changes to the
/// group-committing writer, update the live situation. A heartbeat that changes nothing touches memory only.
/// </summary>
public sealed class DeviceTelemetry(LiveSituation live, DeviceHistoryWriter writer, TimeProvider clock, IOptions<DevicesOptions> options)
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);

    private readonly LiveSituation live = live;
    private readonly DeviceHistoryWriter writer = writer;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Tracked> tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> intervals = new(StringComparer.Ordinal);
    private readonly LivenessPolicy policy = options.Value.Liveness();
    private readonly AreaIncidentPolicy incidentPolicy = options.Value.AreaIncidents.Policy();
    private AreaIncidentState incidents = AreaIncidentState.Empty;
    private AreaPopulation population = AreaPopulation.Empty;

    // The server's own downtime is not the devices' silence: liveness starts counting from here.
    private DateTimeOffset resumedAt = clock.GetUtcNow();

    public IReadOnlyList<AreaIncident> OpenIncidents
    {
        get
        {
            lock (gate)
            {
                return incidents.OpenIncidents;
            }
        }
    }

    /// <summary>Report intervals from the registry, and the area incidents rebuilt by replaying recent transitions.</summary>
    internal IReadOnlyList<AreaIncidentRecord> Start(
        DateTimeOffset resumed,
        IReadOnlyDictionary<string, int> reportIntervalSeconds,
        IEnumerable<DeviceTransition> recentTransitions)
    {
        lock (gate)
        {
            // A millisecond back, so a report in the very first instant after start still counts as news.
            resumedAt = resumed - TimeSpan.FromMilliseconds(1);
            tracked.Clear();
            intervals.Clear();
            foreach (var (id, seconds) in reportIntervalSeconds)
            {
                intervals[id] = seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultInterval;
            }

            population = CountPopulation();
            var step = AreaIncidentTracker.OnTransitions(AreaIncidentState.Empty, recentTransitions, population, incidentPolicy);
            incidents = step.State;
            live.SetAreaIncidents(incidents.OpenIncidents);
            return Records(step.Events, resumed);
        }
    }

    public async Task<DeviceIngestResult> IngestAsync(DeviceKind kind, IReadOnlyList<DeviceReport> reports, CancellationToken cancellationToken)
    {
        // Liveness uses the server's receive time, never the device's clock, which may be off by hours.
        var receivedAt = clock.GetUtcNow();
        var unknown = reports
            .Where(r => live.Device(r.DeviceId) is not { } d || d.Kind != kind)
            .Select(r => r.DeviceId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            return new DeviceIngestResult(0, 0, unknown);
        }

        Batch batch;
        var ignored = 0;
        lock (gate)
        {
            batch = new Batch(this, receivedAt, reports.Count);
            foreach (var group in reports.GroupBy(r => r.DeviceId, StringComparer.Ordinal))
            {
                var fact = live.Device(group.Key)!;
                var device = TrackedOf(fact);
                var reportClock = device.Clock;
                DeviceReport? newest = null;

                // Duplicates and replays are dropped by the device's own report order; a batch shares one receive
                // time, so only the device's newest report in it reaches liveness. Most devices have one report
                // in a batch: no sort for them.
                foreach (var report in group.Count() == 1 ? (IEnumerable<DeviceReport>)group : group.OrderBy(r => r.At))
                {
                    (var isNew, reportClock) = ReportOrder.Check(reportClock, report.At, receivedAt, options.Value.ClockResetAfter);
                    if (isNew)
                    {
                        newest = report;
                    }
                    else
                    {
                        ignored++;
                    }
                }

                if (newest is null)
                {
                    batch.Set(fact, device with { Clock = reportClock }, []);
                    continue;
                }

                var step = Liveness.OnReport(device.State, newest.Status, receivedAt, policy, IntervalOf(fact.Id));
                batch.Set(
                    fact,
                    device with
                    {
                        State = step.State,
                        Clock = reportClock,
                        ReportedAt = newest.At,
                        Clients = newest.Clients ?? device.Clients,
                        BitrateKbps = newest.BitrateKbps ?? device.BitrateKbps,
                        Dirty = true,
                    },
                    step.Changes);
            }

            batch.Apply(cancellationToken);
        }

        await batch.CommitAsync();
        return new DeviceIngestResult(reports.Count - ignored, batch.ChangeCount, [], ignored);
    }

    /// <summary>The periodic sweep: active devices silent past their limit go down.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Batch batch;
        lock (gate)
        {
            batch = new Batch(this, now, capacity: 0, renewsSignOfLife: true);
            foreach (var kind in new[] { DeviceKind.Hotspot, DeviceKind.Camera })
            {
                foreach (var fact in live.Devices(kind))
                {
                    // Switched off, decommissioned or in maintenance: silence is expected and changes nothing.
                    if (fact.Lifecycle != DeviceLifecycle.Active)
                    {
                        continue;
                    }

                    var device = TrackedOf(fact);
                    var step = Liveness.OnSilence(device.State, now, policy, IntervalOf(fact.Id));
                    if (step.Changed)
                    {
                        batch.Set(fact, device with { State = step.State }, step.Changes);
                    }
                }
            }

            batch.Apply(cancellationToken);
        }

        await batch.CommitAsync();
        return batch.ChangeCount;
    }

    /// <summary>Writes each device's last report time, clock and metrics that changed since the last checkpoint.</summary>
    public async Task<int> CheckpointAsync(CancellationToken cancellationToken)
    {
        List<DeviceCheckpoint> checkpoints;
        lock (gate)
        {
            checkpoints = [];
            foreach (var (id, device) in tracked.Where(t => t.Value.Dirty).ToList())
            {
                checkpoints.Add(new DeviceCheckpoint(id, device.State.LastReportAt, device.ReportedAt, device.Clients, device.BitrateKbps));
                tracked[id] = device with { Dirty = false };
            }
        }

        try
        {
            await writer.WriteAsync(new DeviceWrite([], Checkpoints: checkpoints), cancellationToken);
        }
        catch
        {
            lock (gate)
            {
                foreach (var checkpoint in checkpoints)
                {
                    if (tracked.TryGetValue(checkpoint.DeviceId, out var device))
                    {
                        tracked[checkpoint.DeviceId] = device with { Dirty = true };
                    }
                }
            }

            throw;
        }

        return checkpoints.Count;
    }

    /// <summary>What memory knows of a device beyond its fact: last metrics and the device's own clock.</summary>
    public DeviceLiveView? View(string deviceId)
    {
        lock (gate)
        {
            return tracked.TryGetValue(deviceId, out var t)
                ? new DeviceLiveView(t.State.LastReportAt, t.ReportedAt, t.Clients, t.BitrateKbps, t.State.PendingStatus)
                : null;
        }
    }

    /// <summary>
    /// The registry added, moved or changed the lifecycle of devices: memory follows, and a device leaving Active
    /// leaves the area incidents it was dark in. Returns what the incidents became, for the caller to write.
    /// </summary>
    internal async Task RegistryChangedAsync(IReadOnlyList<DeviceFact> facts, IReadOnlyDictionary<string, int> reportIntervalSeconds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Task write;
        lock (gate)
        {
            var events = new List<AreaIncidentEvent>();
            foreach (var fact in facts)
            {
                if (reportIntervalSeconds.TryGetValue(fact.Id, out var seconds))
                {
                    intervals[fact.Id] = seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultInterval;
                }

                if (fact.Lifecycle != DeviceLifecycle.Active)
                {
                    var step = AreaIncidentTracker.OnDeviceInactive(incidents, fact.Id, now, population, incidentPolicy);
                    incidents = step.State;
                    events.AddRange(step.Events);
                }
            }

            live.Apply(facts);
            population = CountPopulation();
            live.SetAreaIncidents(incidents.OpenIncidents);
            write = writer.WriteAsync(new DeviceWrite([], Records(events, now)), cancellationToken);
        }

        await write;
    }

    private Tracked TrackedOf(DeviceFact fact)
    {
        if (tracked.TryGetValue(fact.Id, out var device))
        {
            return device;
        }

        var state = Liveness.Resume(new DeviceLiveState(fact.Status, fact.StatusSince, fact.LastReportAt ?? fact.StatusSince), resumedAt);
        return new Tracked(state, ReportClock.Unknown, null, null, null, false);
    }

    private TimeSpan IntervalOf(string deviceId) => intervals.GetValueOrDefault(deviceId, DefaultInterval);

    private AreaPopulation CountPopulation() => AreaPopulation.Count(
        new[] { DeviceKind.Hotspot, DeviceKind.Camera }
            .SelectMany(live.Devices)
            .Where(d => d.Lifecycle == DeviceLifecycle.Active)
            .Select(d => (d.KecamatanCode, d.KelurahanCode)));

    private List<AreaIncidentRecord> Records(IEnumerable<AreaIncidentEvent> events, DateTimeOffset at)
    {
        var latest = new Dictionary<string, AreaIncident>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            latest[e.Incident.Id] = e.Incident;
        }

        return [.. latest.Values.Select(i => new AreaIncidentRecord
        {
            Id = i.Id,
            Level = i.Level,
            AreaCode = i.AreaCode,
            KecamatanCode = i.Level == AreaLevel.Kecamatan ? i.AreaCode : KecamatanOf(i.AreaCode),
            OpenedAt = i.OpenedAt.UtcDateTime,
            ClosedAt = i.ClosedAt?.UtcDateTime,
            DevicesDark = i.DevicesDark,
            DevicesAffected = i.DevicesAffected,
            DevicesInArea = i.DevicesInArea,
            MergedInto = i.MergedInto,
            UpdatedAt = at.UtcDateTime,
        })];
    }

    // Kemendagri codes nest: kelurahan 33.74.01.1001 lies in kecamatan 33.74.01.
    private static string KecamatanOf(string kelurahanCode) =>
        kelurahanCode.LastIndexOf('.') is > 0 and var dot ? kelurahanCode[..dot] : kelurahanCode;

    private static IReadOnlyList<StatusInterval> Extend(IReadOnlyList<StatusInterval> recent, DeviceStatus status, DateTimeOffset at)
    {
        var horizon = at - SituationComposer.UptimeWindow - TimeSpan.FromHours(1);
        var next = new List<StatusInterval>(recent.Count + 1);
        foreach (var interval in recent)
        {
            if (interval.To is { } to && to < horizon)
            {
                continue;
            }

            next.Add(interval.To is null ? interval with { To = at } : interval);
        }

        next.Add(new StatusInterval(status, at, null));
        return next;
    }

    private sealed record Tracked(
        DeviceLiveState State,
        ReportClock Clock,
        DateTimeOffset? ReportedAt,
        int? Clients,
        double? BitrateKbps,
        bool Dirty);

    /// <summary>
    /// The decisions of one batch, applied to memory under the lock and queued to the writer in the same breath,
    /// so two batches for one device are written in the order they were decided. If the write fails, memory is
    /// put back for every device no later batch has touched, and the feed's retry decides again.
    /// </summary>
    private sealed class Batch(DeviceTelemetry owner, DateTimeOffset at, int capacity, bool renewsSignOfLife = false)
    {
        private readonly Dictionary<string, (Tracked? Before, DeviceFact Fact, Tracked After, DeviceFact NewFact)> devices = new(capacity, StringComparer.Ordinal);
        private readonly List<DeviceStatusChange> changes = [];
        private readonly List<DeviceTransition> transitions = [];
        private AreaIncidentState? incidentsBefore, incidentsAfter;
        private Task write = Task.CompletedTask;

        public int ChangeCount => changes.Count;

        public void Set(DeviceFact fact, Tracked after, IReadOnlyList<StatusChange> stepChanges)
        {
            var newFact = fact;
            foreach (var change in stepChanges)
            {
                changes.Add(new DeviceStatusChange(fact.Id, change.To, change.At));
                newFact = newFact with { Status = change.To, StatusSince = change.At, Recent = Extend(newFact.Recent, change.To, change.At) };
                if (fact.Lifecycle == DeviceLifecycle.Active && change.From.IsUp() != change.To.IsUp())
                {
                    transitions.Add(new DeviceTransition(fact.Id, fact.KecamatanCode, fact.KelurahanCode, change.To.IsUp(), change.At));
                }
            }

            newFact = newFact with { LastReportAt = after.State.LastReportAt };
            devices[fact.Id] = (owner.tracked.GetValueOrDefault(fact.Id), fact, after, newFact);
        }

        public void Apply(CancellationToken cancellationToken)
        {
            foreach (var (id, entry) in devices)
            {
                owner.tracked[id] = entry.After;
            }

            owner.live.Apply(devices.Values.Select(d => d.NewFact));
            IReadOnlyList<AreaIncidentRecord> records = [];
            if (transitions.Count > 0)
            {
                incidentsBefore = owner.incidents;
                var step = AreaIncidentTracker.OnTransitions(owner.incidents, transitions, owner.population, owner.incidentPolicy);
                owner.incidents = incidentsAfter = step.State;
                if (step.Events.Count > 0)
                {
                    records = owner.Records(step.Events, at);
                    owner.live.SetAreaIncidents(step.State.OpenIncidents);
                }
            }

            write = owner.writer.WriteAsync(new DeviceWrite(changes, records) { RenewsSignOfLife = renewsSignOfLife }, cancellationToken);
        }

        public async Task CommitAsync()
        {
            try
            {
                await write;
            }
            catch
            {
                Restore();
                throw;
            }
        }

        private void Restore()
        {
            lock (owner.gate)
            {
                var restored = new List<DeviceFact>();
                foreach (var (id, entry) in devices)
                {
                    if (owner.tracked.TryGetValue(id, out var now) && ReferenceEquals(now, entry.After))
                    {
                        if (entry.Before is null)
                        {
                            owner.tracked.Remove(id);
                        }
                        else
                        {
                            owner.tracked[id] = entry.Before;
                        }

                        restored.Add(entry.Fact);
                    }
                }

                owner.live.Apply(restored);

                // REVIEW: incidents are put back only when no later batch moved them; otherwise the next transitions settle them.
                if (incidentsBefore is not null && ReferenceEquals(owner.incidents, incidentsAfter))
                {
                    owner.incidents = incidentsBefore;
                    owner.live.SetAreaIncidents(incidentsBefore.OpenIncidents);
                }
            }
        }
    }
}

/// <summary>Memory's view of a device: last receive time, the device's own clock, metrics, a status not yet confirmed.</summary>
public sealed record DeviceLiveView(DateTimeOffset LastReportAt, DateTimeOffset? ReportedAt, int? Clients, double? BitrateKbps, DeviceStatus? PendingStatus);
