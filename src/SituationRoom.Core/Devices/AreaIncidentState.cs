using System.Collections.Immutable;

namespace SituationRoom.Core.Devices;

/// <summary>Dark devices and open incidents; after a restart, rebuild it by replaying recent transitions in order.</summary>
public sealed class AreaIncidentState
{
    public static readonly AreaIncidentState Empty = new(
        ImmutableDictionary<string, DarkDevice>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<AreaKey, ImmutableHashSet<string>>.Empty,
        ImmutableDictionary<AreaKey, OpenAreaIncident>.Empty,
        ImmutableDictionary<AreaKey, DateTimeOffset>.Empty);

    private AreaIncidentState(
        ImmutableDictionary<string, DarkDevice> dark,
        ImmutableDictionary<AreaKey, ImmutableHashSet<string>> darkByArea,
        ImmutableDictionary<AreaKey, OpenAreaIncident> open,
        ImmutableDictionary<AreaKey, DateTimeOffset> lastClosed)
    {
        Dark = dark;
        DarkByArea = darkByArea;
        Open = open;
        LastClosed = lastClosed;
    }

    public IReadOnlyList<AreaIncident> OpenIncidents =>
        [.. Open.Values.Select(o => o.Incident).OrderBy(i => i.OpenedAt).ThenBy(i => i.Id, StringComparer.Ordinal)];

    public int DarkDevices => Dark.Count;

    internal ImmutableDictionary<string, DarkDevice> Dark { get; }

    internal ImmutableDictionary<AreaKey, ImmutableHashSet<string>> DarkByArea { get; }

    internal ImmutableDictionary<AreaKey, OpenAreaIncident> Open { get; }

    /// <summary>Devices dark since before an area's last incident closed are that incident's leftovers, not a new burst.</summary>
    internal ImmutableDictionary<AreaKey, DateTimeOffset> LastClosed { get; }

    internal AreaIncidentState WithDark(string deviceId, DarkDevice device)
    {
        var byArea = DarkByArea;
        foreach (var area in device.Areas)
        {
            var ids = byArea.TryGetValue(area, out var existing) ? existing : ImmutableHashSet.Create<string>(StringComparer.Ordinal);
            byArea = byArea.SetItem(area, ids.Add(deviceId));
        }

        return new AreaIncidentState(Dark.SetItem(deviceId, device), byArea, Open, LastClosed);
    }

    internal AreaIncidentState WithoutDark(string deviceId)
    {
        if (!Dark.TryGetValue(deviceId, out var device))
        {
            return this;
        }

        var byArea = DarkByArea;
        foreach (var area in device.Areas)
        {
            var ids = byArea[area].Remove(deviceId);
            byArea = ids.IsEmpty ? byArea.Remove(area) : byArea.SetItem(area, ids);
        }

        return new AreaIncidentState(Dark.Remove(deviceId), byArea, Open, LastClosed);
    }

    internal AreaIncidentState WithOpen(OpenAreaIncident incident) =>
        new(Dark, DarkByArea, Open.SetItem(incident.Incident.Area, incident), LastClosed);

    internal AreaIncidentState WithClosed(AreaKey area, DateTimeOffset closedAt) =>
        new(Dark, DarkByArea, Open.Remove(area), LastClosed.SetItem(area, closedAt));
}
