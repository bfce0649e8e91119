using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Situation;

/// <summary>
/// The city as the wall sees it, held in memory. Ingestion stores first, then tells this class; it recomposes
/// the changed panels at most every <see cref="SituationOptions.PublishInterval"/> and publishes one immutable
/// snapshot to every subscriber. Nothing here is read from the database after start-up.
/// </summary>
public sealed class LiveSituation(
    IDbContextFactory<SituationDbContext> dbFactory,
    TimeProvider clock,
    IOptions<SituationOptions> options,
    ILogger<LiveSituation> logger) : BackgroundService
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, ComplaintFact> complaints = [];
    private readonly Dictionary<string, DeviceFact> devices = new(StringComparer.Ordinal);
    private readonly List<Func<SituationSnapshot, Task>> subscribers = [];
    private SituationNames names = new(new Dictionary<string, string>(), new Dictionary<string, string>());
    private LeaguePanel league = LeaguePanel.Empty;
    private IReadOnlyList<AreaIncident> areaIncidents = [];
    private DateTimeOffset? lastComplaintEventAt;
    private bool complaintsDirty = true, wifiDirty = true, cctvDirty = true, leagueDirty = true, incidentsDirty = true;
    private DateTimeOffset lastComposed = DateTimeOffset.MinValue;
    private volatile SituationSnapshot current = SituationSnapshot.Empty(DateTimeOffset.MinValue);

    public SituationSnapshot Current => current;

    public SituationNames Names => names;

    /// <summary>Reads the starting picture: open and recently closed complaints, every device with its last day.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var keepSince = nowUtc - options.Value.KeepClosedComplaints;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var opdNames = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.ShortName, cancellationToken);
        var kecNames = await db.Kecamatan.AsNoTracking().ToDictionaryAsync(k => k.Code, k => k.Name, cancellationToken);
        var kelNames = await db.Kelurahan.AsNoTracking().ToDictionaryAsync(k => k.Code, k => k.Name, cancellationToken);
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.ClosedAt == null || c.ClosedAt >= keepSince)
            .Select(c => new ComplaintRow(c.Id, c.Ticket, c.Status, c.Channel, c.OpdCode, c.KecamatanCode, c.CategoryCode, c.ReceivedAt, c.DueAt, c.EscalatesAt, c.ClosedAt, c.ReporterPhone, c.Text))
            .ToListAsync(cancellationToken);
        var lastEvent = await db.ComplaintEvents.MaxAsync(e => (DateTime?)e.At, cancellationToken);

        var deviceFacts = await ReadDevicesAsync(db, now, cancellationToken);

        lock (gate)
        {
            names = new SituationNames(opdNames, kecNames) { Kelurahan = kelNames };
            complaints.Clear();
            foreach (var row in rows)
            {
                complaints[row.Id] = row.ToFact();
            }

            ReplaceDevices(deviceFacts);
            lastComplaintEventAt = lastEvent is null ? null : Utc(lastEvent.Value);
            complaintsDirty = leagueDirty = true;
        }

        // Versions start from the load instant in milliseconds (publishing adds at most a few a second), so they keep
        // rising across a restart and a consumer can always keep the highest it has seen.
        current = SituationSnapshot.Empty(now) with { Version = Math.Max(current.Version, now.ToUnixTimeMilliseconds()) };
        Compose(now, force: true);
        logger.LogInformation("Live situation loaded: {Complaints} complaints in memory, {Devices} devices", rows.Count, deviceFacts.Count);
    }

    /// <summary>
    /// Reads every device and its last day again, after their stored history was rewritten underneath (the monitor
    /// cutting an unwatched gap). Complaints are left as they are: other services may have told newer news of them.
    /// </summary>
    public async Task ReloadDevicesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deviceFacts = await ReadDevicesAsync(db, clock.GetUtcNow(), cancellationToken);
        lock (gate)
        {
            ReplaceDevices(deviceFacts);
        }
    }

    private static async Task<List<DeviceFact>> ReadDevicesAsync(SituationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var historySince = now.UtcDateTime - SituationComposer.UptimeWindow - TimeSpan.FromHours(1);
        var intervals = (await db.DeviceStatusIntervals.AsNoTracking()
                .Where(i => i.To == null || i.To >= historySince)
                .Select(i => new { i.DeviceId, i.Status, i.From, i.To })
                .ToListAsync(cancellationToken))
            .GroupBy(i => i.DeviceId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<StatusInterval>)g.OrderBy(i => i.From)
                    .Select(i => new StatusInterval(i.Status, Utc(i.From), i.To is null ? null : Utc(i.To.Value)))
                    .ToArray());
        var rows = await db.Devices.AsNoTracking()
            .Select(d => new { d.Id, d.Kind, d.OpdCode, d.KecamatanCode, d.KelurahanCode, d.Lifecycle, d.Status, d.StatusSince, d.LastReportAt })
            .ToListAsync(cancellationToken);
        return rows
            .Select(d => new DeviceFact(
                d.Id, d.Kind, d.OpdCode, d.KecamatanCode, d.KelurahanCode, d.Lifecycle, d.Status, Utc(d.StatusSince),
                d.LastReportAt is null ? null : Utc(d.LastReportAt.Value),
                intervals.GetValueOrDefault(d.Id) ?? []))
            .ToList();
    }

    // Under the gate.
    private void ReplaceDevices(List<DeviceFact> facts)
    {
        devices.Clear();
        foreach (var fact in facts)
        {
            devices[fact.Id] = fact;
        }

        wifiDirty = cctvDirty = true;
    }

    public void Apply(ComplaintFact fact, DateTimeOffset eventAt)
    {
        lock (gate)
        {
            complaints[fact.Id] = fact;
            lastComplaintEventAt = lastComplaintEventAt > eventAt ? lastComplaintEventAt : eventAt;
            complaintsDirty = true;
        }
    }

    public void Apply(IEnumerable<DeviceFact> changed)
    {
        lock (gate)
        {
            foreach (var fact in changed)
            {
                devices[fact.Id] = fact;
                if (fact.Kind == DeviceKind.Hotspot)
                {
                    wifiDirty = true;
                }
                else
                {
                    cctvDirty = true;
                }
            }
        }
    }

    public void SetAreaIncidents(IReadOnlyList<AreaIncident> open)
    {
        lock (gate)
        {
            areaIncidents = open;
            incidentsDirty = true;
        }
    }

    public void SetLeague(LeaguePanel panel)
    {
        lock (gate)
        {
            league = panel;
            leagueDirty = true;
        }
    }

    public DeviceFact? Device(string id)
    {
        lock (gate)
        {
            return devices.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<DeviceFact> Devices(DeviceKind kind)
    {
        lock (gate)
        {
            return devices.Values.Where(d => d.Kind == kind).ToArray();
        }
    }

    /// <summary>Every open complaint as memory holds it (the demo simulator works these without asking the database).</summary>
    public IReadOnlyList<ComplaintFact> OpenComplaints()
    {
        lock (gate)
        {
            return complaints.Values.Where(c => c.Status.IsOpen()).ToArray();
        }
    }

    /// <summary>Called with every new snapshot. Handlers must be quick; a throwing handler is logged and kept.</summary>
    public IDisposable Subscribe(Func<SituationSnapshot, Task> handler)
    {
        // Snapshots are published from this service's own thread; each subscriber hears them in the context it
        // subscribed from, so a circuit keeps its language and number format (id-ID: "1.076", "78,9%") on live ticks.
        var context = ExecutionContext.Capture();
        Func<SituationSnapshot, Task> inContext = context is null ? handler : snapshot =>
        {
            var result = Task.CompletedTask;
            ExecutionContext.Run(context, _ => result = handler(snapshot), null);
            return result;
        };
        lock (gate)
        {
            subscribers.Add(inContext);
        }

        return new Subscription(this, inContext);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var snapshot = Compose(clock.GetUtcNow(), force: false);
                if (snapshot is not null)
                {
                    await PublishAsync(snapshot);
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Composing the live situation failed; the wall keeps its last snapshot");
            }
        }
    }

    /// <summary>Recomposes what changed; returns the new snapshot, or null when nothing visible changed.</summary>
    internal SituationSnapshot? Compose(DateTimeOffset now, bool force)
    {
        ComplaintFact[]? complaintFacts = null;
        DeviceFact[]? hotspots = null, cameras = null;
        LeaguePanel? newLeague = null;
        IReadOnlyList<AreaIncident>? incidents = null;
        DateTimeOffset? lastEvent;
        var timeTick = now - lastComposed >= options.Value.RecomposeInterval;
        lock (gate)
        {
            if (complaintsDirty || timeTick || force)
            {
                PruneClosedComplaints(now);
                complaintFacts = [.. complaints.Values];
            }

            if (wifiDirty || timeTick || force)
            {
                hotspots = [.. devices.Values.Where(d => d.Kind == DeviceKind.Hotspot)];
            }

            if (cctvDirty || timeTick || force)
            {
                cameras = [.. devices.Values.Where(d => d.Kind == DeviceKind.Camera)];
            }

            if (leagueDirty || force)
            {
                newLeague = league;
            }

            if (incidentsDirty || force)
            {
                incidents = areaIncidents;
            }

            lastEvent = lastComplaintEventAt;
            complaintsDirty = wifiDirty = cctvDirty = leagueDirty = incidentsDirty = false;
        }

        if (timeTick || force)
        {
            lastComposed = now;
        }

        var previous = current;
        var complaintsPanel = complaintFacts is null ? previous.Complaints : Keep(previous.Complaints, SituationComposer.Complaints(complaintFacts, now, names, lastEvent));
        var wifiPanel = hotspots is null ? previous.Wifi : Keep(previous.Wifi, SituationComposer.Wifi(hotspots, now, names));
        var cctvPanel = cameras is null ? previous.Cctv : Keep(previous.Cctv, SituationComposer.Cctv(cameras, now, names));
        var leaguePanel = newLeague is null ? previous.League : Keep(previous.League, newLeague);
        var incidentsPanel = incidents is null ? previous.AreaIncidents : Keep(previous.AreaIncidents, SituationComposer.AreaIncidents(incidents, names));
        var unchanged = ReferenceEquals(complaintsPanel, previous.Complaints)
            && ReferenceEquals(incidentsPanel, previous.AreaIncidents)
            && ReferenceEquals(wifiPanel, previous.Wifi)
            && ReferenceEquals(cctvPanel, previous.Cctv)
            && ReferenceEquals(leaguePanel, previous.League);
        if (unchanged && !force)
        {
            return null;
        }

        var map = Keep(previous.Map, SituationComposer.Map(names, complaintsPanel, wifiPanel, cctvPanel, incidentsPanel));
        var snapshot = new SituationSnapshot(previous.Version + 1, now, complaintsPanel, leaguePanel, wifiPanel, cctvPanel)
        {
            AreaIncidents = incidentsPanel,
            Map = map,
        };
        current = snapshot;
        return snapshot;
    }

    private static T Keep<T>(T previous, T next)
        where T : class => previous.Equals(next) ? previous : next;

    private void PruneClosedComplaints(DateTimeOffset now)
    {
        var cutoff = now - options.Value.KeepClosedComplaints;
        var stale = complaints.Values.Where(c => c.ClosedAt < cutoff).Select(c => c.Id).ToList();
        foreach (var id in stale)
        {
            complaints.Remove(id);
        }
    }

    private async Task PublishAsync(SituationSnapshot snapshot)
    {
        Func<SituationSnapshot, Task>[] handlers;
        lock (gate)
        {
            handlers = [.. subscribers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(snapshot);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A situation subscriber failed on snapshot {Version}", snapshot.Version);
            }
        }
    }

    private void Unsubscribe(Func<SituationSnapshot, Task> handler)
    {
        lock (gate)
        {
            subscribers.Remove(handler);
        }
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed class Subscription(LiveSituation owner, Func<SituationSnapshot, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
