using System.Collections.Immutable;

namespace SituationRoom.Core.Devices;

/// <summary>One incident, not an alarm per device, when many devices of one kelurahan or kecamatan go dark together.</summary>
/// <remarks>
/// Opens when MinDevices and MinShare of the area's active devices went dark within one Window (older dark
/// devices make no burst); later ones in the area join it. A kecamatan incident takes over the open kelurahan
/// incidents under it (closed with MergedInto) and none opens beneath it; a kelurahan is not held back waiting
/// for its kecamatan. Closes when fewer than RecoveryShare of the area's devices are still dark with it. Feed
/// only active devices, and call OnDeviceInactive when one leaves Active (e.g. switched off by decision).
/// </remarks>
public static class AreaIncidentTracker
{
    public static AreaIncidentStep OnTransition(
        AreaIncidentState state,
        DeviceTransition transition,
        AreaPopulation population,
        AreaIncidentPolicy policy)
    {
        var events = new List<AreaIncidentEvent>();
        state = Apply(state, transition, population, policy, events);
        return new AreaIncidentStep(state, events);
    }

    public static AreaIncidentStep OnTransitions(
        AreaIncidentState state,
        IEnumerable<DeviceTransition> transitions,
        AreaPopulation population,
        AreaIncidentPolicy policy)
    {
        var events = new List<AreaIncidentEvent>();
        foreach (var transition in transitions.OrderBy(t => t.At))
        {
            state = Apply(state, transition, population, policy, events);
        }

        return new AreaIncidentStep(state, events);
    }

    public static AreaIncidentStep OnDeviceInactive(
        AreaIncidentState state,
        string deviceId,
        DateTimeOffset at,
        AreaPopulation population,
        AreaIncidentPolicy policy)
    {
        var events = new List<AreaIncidentEvent>();
        state = Return(state, deviceId, at, population, policy, events);
        return new AreaIncidentStep(state, events);
    }

    private static AreaIncidentState Apply(
        AreaIncidentState state,
        DeviceTransition transition,
        AreaPopulation population,
        AreaIncidentPolicy policy,
        List<AreaIncidentEvent> events) =>
        transition.IsUp
            ? Return(state, transition.DeviceId, transition.At, population, policy, events)
            : GoDark(state, transition, population, policy, events);

    private static AreaIncidentState GoDark(
        AreaIncidentState state,
        DeviceTransition transition,
        AreaPopulation population,
        AreaIncidentPolicy policy,
        List<AreaIncidentEvent> events)
    {
        if (state.Dark.ContainsKey(transition.DeviceId))
        {
            return state;
        }

        var kecamatan = AreaKey.Kecamatan(transition.KecamatanCode);
        AreaKey? kelurahan = transition.KelurahanCode is { } code ? AreaKey.Kelurahan(code) : null;
        state = state.WithDark(transition.DeviceId, new DarkDevice(kecamatan, kelurahan, transition.At));

        if (state.Open.TryGetValue(kecamatan, out var kecamatanIncident))
        {
            return Join(state, kecamatanIncident, transition.DeviceId, population, events);
        }

        if (kelurahan is { } joined && state.Open.TryGetValue(joined, out var kelurahanIncident))
        {
            // Still check the kecamatan: this device may show the outage is wider.
            state = Join(state, kelurahanIncident, transition.DeviceId, population, events);
        }

        if (Burst(state, kecamatan, transition.At, population, policy) is { } wide)
        {
            return Open(state, kecamatan, null, wide, transition.At, population, events);
        }

        if (kelurahan is { } area && !state.Open.ContainsKey(area) && Burst(state, area, transition.At, population, policy) is { } local)
        {
            return Open(state, area, kecamatan, local, transition.At, population, events);
        }

        return state;
    }

    private static AreaIncidentState Return(
        AreaIncidentState state,
        string deviceId,
        DateTimeOffset at,
        AreaPopulation population,
        AreaIncidentPolicy policy,
        List<AreaIncidentEvent> events)
    {
        if (!state.Dark.TryGetValue(deviceId, out var device))
        {
            return state;
        }

        state = state.WithoutDark(deviceId);
        foreach (var area in device.Areas)
        {
            if (!state.Open.TryGetValue(area, out var open) || !open.DarkMembers.Contains(deviceId))
            {
                continue;
            }

            open = Counted(open with { DarkMembers = open.DarkMembers.Remove(deviceId) }, population);
            var size = open.Incident.DevicesInArea;
            if (open.DarkMembers.IsEmpty || open.DarkMembers.Count < Threshold(policy.RecoveryShare, size))
            {
                var closed = open.Incident with { ClosedAt = at };
                events.Add(new AreaIncidentEvent(AreaIncidentEventKind.Closed, closed));
                state = state.WithClosed(area, at);
            }
            else
            {
                events.Add(new AreaIncidentEvent(AreaIncidentEventKind.Updated, open.Incident));
                state = state.WithOpen(open);
            }
        }

        return state;
    }

    private static AreaIncidentState Join(
        AreaIncidentState state,
        OpenAreaIncident open,
        string deviceId,
        AreaPopulation population,
        List<AreaIncidentEvent> events)
    {
        open = Counted(open with { Members = open.Members.Add(deviceId), DarkMembers = open.DarkMembers.Add(deviceId) }, population);
        events.Add(new AreaIncidentEvent(AreaIncidentEventKind.Updated, open.Incident));
        return state.WithOpen(open);
    }

    private static AreaIncidentState Open(
        AreaIncidentState state,
        AreaKey area,
        AreaKey? kecamatan,
        (IReadOnlyList<string> Devices, DateTimeOffset Start) burst,
        DateTimeOffset at,
        AreaPopulation population,
        List<AreaIncidentEvent> events)
    {
        var id = AreaIncident.IdFor(area, burst.Start);
        var members = ImmutableHashSet.CreateRange(StringComparer.Ordinal, burst.Devices);
        foreach (var subsumed in state.Open.Values.Where(o => o.Kecamatan == area).OrderBy(o => o.Incident.Id, StringComparer.Ordinal))
        {
            members = members.Union(subsumed.Members);
            events.Add(new AreaIncidentEvent(AreaIncidentEventKind.Closed, subsumed.Incident with { ClosedAt = at, MergedInto = id }));
            state = state.WithClosed(subsumed.Incident.Area, at);
        }

        var incident = new AreaIncident(id, area.Level, area.Code, burst.Start, 0, 0, 0);
        var open = Counted(new OpenAreaIncident(incident, kecamatan, members, members.Intersect(state.Dark.Keys)), population);
        events.Add(new AreaIncidentEvent(AreaIncidentEventKind.Opened, open.Incident));
        return state.WithOpen(open);
    }

    private static (IReadOnlyList<string> Devices, DateTimeOffset Start)? Burst(
        AreaIncidentState state,
        AreaKey area,
        DateTimeOffset at,
        AreaPopulation population,
        AreaIncidentPolicy policy)
    {
        if (!state.DarkByArea.TryGetValue(area, out var ids))
        {
            return null;
        }

        var size = Math.Max(population.Of(area), ids.Count);
        var needed = Math.Max(policy.MinDevices, Threshold(policy.MinShare, size));
        if (ids.Count < needed)
        {
            return null;
        }

        // Batches can carry transitions slightly out of order, so look both sides of `at`, not only back.
        var after = state.LastClosed.TryGetValue(area, out var closed) ? closed : DateTimeOffset.MinValue;
        var recent = ids
            .Select(id => (Id: id, state.Dark[id].Since))
            .Where(d => d.Since > at - policy.Window && d.Since < at + policy.Window && d.Since >= after)
            .OrderBy(d => d.Since)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        int bestStart = 0, bestCount = 0;
        for (int start = 0, end = 0; start < recent.Count && recent[start].Since <= at; start++)
        {
            end = Math.Max(end, start);
            while (end < recent.Count && recent[end].Since < recent[start].Since + policy.Window)
            {
                end++;
            }

            if (end - start > bestCount)
            {
                (bestStart, bestCount) = (start, end - start);
            }
        }

        if (bestCount < needed)
        {
            return null;
        }

        var devices = recent.GetRange(bestStart, bestCount);
        return (devices.Select(d => d.Id).ToList(), devices[0].Since);
    }

    private static OpenAreaIncident Counted(OpenAreaIncident open, AreaPopulation population) => open with
    {
        Incident = open.Incident with
        {
            DevicesDark = open.DarkMembers.Count,
            DevicesAffected = open.Members.Count,
            DevicesInArea = Math.Max(population.Of(open.Incident.Area), open.Members.Count),
        },
    };

    // Rounded so that 0.2 x 40 is 8 devices, not 8.000000000000002.
    private static double Threshold(double share, int devices) => Math.Round(share * devices, 9);
}
