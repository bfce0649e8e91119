using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Situation;

/// <summary>Turns the facts held in memory into the panels the wall shows, at a given instant.</summary>
public static class SituationComposer
{
    public static readonly TimeSpan UptimeWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// How many rows a panel's ranked lists carry (largest backlogs, worst kecamatan, largest camera owners). The
    /// overview draws the first five; a tile beside the map has the height for all of them.
    /// </summary>
    public const int ListRows = 10;

    public static ComplaintsPanel Complaints(
        IReadOnlyCollection<ComplaintFact> facts,
        DateTimeOffset now,
        SituationNames names,
        DateTimeOffset? lastEventAt,
        int backlogs = ListRows,
        int ticker = 8)
    {
        var todayStart = new DateTimeOffset(Wib.StartOfDayUtc(Wib.DateOf(now)), TimeSpan.Zero);
        var monthAgo = now.AddDays(-30);
        int open = 0, newToday = 0, overdue = 0, triage = 0, closed = 0, closedInTime = 0, escalated = 0;
        DateTimeOffset? lastEscalated = null;
        var byOpd = new Dictionary<string, (int Open, int Overdue)>();
        var byKecamatan = new Dictionary<string, (int Open, int Overdue)>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (fact.ReceivedAt >= todayStart)
            {
                newToday++;
            }

            if (fact.Status.IsOpen())
            {
                open++;
                var late = now > fact.DueAt;
                if (late)
                {
                    overdue++;
                }

                if (fact.EscalatesAt < now)
                {
                    escalated++;
                    lastEscalated = fact.EscalatesAt > lastEscalated || lastEscalated is null ? fact.EscalatesAt : lastEscalated;
                }

                if (fact.KecamatanCode is not null)
                {
                    var (ko, kd) = byKecamatan.GetValueOrDefault(fact.KecamatanCode);
                    byKecamatan[fact.KecamatanCode] = (ko + 1, kd + (late ? 1 : 0));
                }

                if (fact.OpdCode is null)
                {
                    triage++;
                    continue;
                }

                var (o, d) = byOpd.GetValueOrDefault(fact.OpdCode);
                byOpd[fact.OpdCode] = (o + 1, d + (late ? 1 : 0));
            }
            else if (fact.ClosedAt is { } closedAt && closedAt >= monthAgo)
            {
                closed++;
                if (closedAt <= fact.DueAt)
                {
                    closedInTime++;
                }
            }
        }

        var worst = byOpd
            .OrderByDescending(kv => kv.Value.Overdue)
            .ThenByDescending(kv => kv.Value.Open)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(backlogs)
            .Select(kv => new OpdBacklog(kv.Key, names.Opd(kv.Key), kv.Value.Open, kv.Value.Overdue))
            .ToValueList();
        var latest = facts
            .OrderByDescending(f => f.ReceivedAt)
            .ThenByDescending(f => f.Id)
            .Take(ticker)
            .Select(f => new ComplaintTick(
                f.Ticket,
                f.ReceivedAt,
                f.Channel.ToString(),
                f.CategoryCode,
                f.KecamatanCode is null ? null : names.KecamatanName(f.KecamatanCode),
                f.MaskedPhone,
                f.Excerpt))
            .ToValueList();
        return new ComplaintsPanel(open, newToday, overdue, triage, closed, closedInTime, worst, latest, lastEventAt, escalated)
        {
            ByKecamatan = byKecamatan
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new AreaComplaints(kv.Key, kv.Value.Open, kv.Value.Overdue))
                .ToValueList(),
            LastEscalatedAt = lastEscalated,
        };
    }

    public static WifiPanel Wifi(IReadOnlyCollection<DeviceFact> hotspots, DateTimeOffset now, SituationNames names, int worstAreas = ListRows)
    {
        var window = new TimeWindow(now - UptimeWindow, now);
        int active = 0, up = 0, notActive = 0, downOverHour = 0, downOverDay = 0;
        var city = UptimeResult.None;
        var areas = new Dictionary<string, (int Active, int Up, UptimeResult Uptime)>();
        DateTimeOffset? lastReport = null;
        foreach (var device in hotspots)
        {
            if (device.LastReportAt > lastReport || lastReport is null)
            {
                lastReport = device.LastReportAt ?? lastReport;
            }

            // Announced maintenance under way is shown apart like the other lifecycles, never as "down now".
            if (device.Lifecycle != DeviceLifecycle.Active || ExcludedTime.Covers(device.Excluded, now))
            {
                notActive++;
                continue;
            }

            active++;
            var isUp = device.Status.IsUp();
            if (isUp)
            {
                up++;
            }
            else
            {
                downOverHour += now - device.StatusSince > TimeSpan.FromHours(1) ? 1 : 0;
                downOverDay += now - device.StatusSince > TimeSpan.FromHours(24) ? 1 : 0;
            }

            var uptime = Uptime.Over(device.Recent, window, now, device.Excluded);
            city += uptime;
            var area = areas.GetValueOrDefault(device.KecamatanCode);
            areas[device.KecamatanCode] = (area.Active + 1, area.Up + (isUp ? 1 : 0), area.Uptime + uptime);
        }

        var all = areas
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new AreaHealth(kv.Key, names.KecamatanName(kv.Key), kv.Value.Active, kv.Value.Up, Round(kv.Value.Uptime.Ratio)))
            .ToList();
        var worst = all
            .OrderBy(a => a.Uptime24h ?? 1)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .Take(worstAreas)
            .ToValueList();
        return new WifiPanel(active, up, notActive, Round(city.Ratio), worst, lastReport)
        {
            DownOver1h = downOverHour,
            DownOver24h = downOverDay,
            ByKecamatan = all.ToValueList(),
        };
    }

    public static CctvPanel Cctv(IReadOnlyCollection<DeviceFact> cameras, DateTimeOffset now, SituationNames names, int owners = ListRows)
    {
        int active = 0, online = 0, degraded = 0, darkLong = 0, switchedOff = 0, otherNotActive = 0;
        var byOwner = new Dictionary<string, (int Active, int Online)>();
        var byKecamatan = new Dictionary<string, (int Active, int Online)>();
        DateTimeOffset? lastReport = null;
        foreach (var camera in cameras)
        {
            if (camera.LastReportAt > lastReport || lastReport is null)
            {
                lastReport = camera.LastReportAt ?? lastReport;
            }

            switch (camera.Lifecycle)
            {
                case DeviceLifecycle.SwitchedOff:
                    switchedOff++;
                    continue;
                case not DeviceLifecycle.Active:
                    otherNotActive++;
                    continue;
                case DeviceLifecycle.Active when ExcludedTime.Covers(camera.Excluded, now):
                    otherNotActive++;
                    continue;
            }

            active++;
            var isOnline = camera.Status.IsUp();
            if (isOnline)
            {
                online++;
                degraded += camera.Status == DeviceStatus.Degraded ? 1 : 0;
            }
            else if (now - camera.StatusSince > TimeSpan.FromHours(24))
            {
                darkLong++;
            }

            var owner = byOwner.GetValueOrDefault(camera.OpdCode);
            byOwner[camera.OpdCode] = (owner.Active + 1, owner.Online + (isOnline ? 1 : 0));
            var area = byKecamatan.GetValueOrDefault(camera.KecamatanCode);
            byKecamatan[camera.KecamatanCode] = (area.Active + 1, area.Online + (isOnline ? 1 : 0));
        }

        var ownerHealth = byOwner
            .OrderByDescending(kv => kv.Value.Active)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(owners)
            .Select(kv => new OwnerHealth(kv.Key, names.Opd(kv.Key), kv.Value.Active, kv.Value.Online))
            .ToValueList();
        var worstKecamatan = byKecamatan
            .OrderBy(kv => (double)kv.Value.Online / kv.Value.Active)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(owners)
            .Select(kv => new AreaHealth(kv.Key, names.KecamatanName(kv.Key), kv.Value.Active, kv.Value.Online, null))
            .ToValueList();
        return new CctvPanel(active, online, degraded, darkLong, switchedOff, otherNotActive, ownerHealth, lastReport)
        {
            WorstKecamatan = worstKecamatan,
            ByKecamatan = byKecamatan
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new AreaHealth(kv.Key, names.KecamatanName(kv.Key), kv.Value.Active, kv.Value.Online, null))
                .ToValueList(),
        };
    }

    public static AreaIncidentsPanel AreaIncidents(IReadOnlyCollection<AreaIncident> open, SituationNames names)
    {
        var lines = open
            .Where(i => i.IsOpen)
            .OrderByDescending(i => i.DevicesDark)
            .ThenBy(i => i.OpenedAt)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i =>
            {
                var kecamatan = i.Level == AreaLevel.Kecamatan ? i.AreaCode : KecamatanOf(i.AreaCode);
                return new AreaIncidentLine(
                    i.Id,
                    i.Level == AreaLevel.Kecamatan ? "kecamatan" : "kelurahan",
                    i.AreaCode,
                    i.Level == AreaLevel.Kecamatan ? names.KecamatanName(i.AreaCode) : names.KelurahanName(i.AreaCode),
                    names.KecamatanName(kecamatan),
                    i.OpenedAt,
                    i.DevicesDark,
                    i.DevicesAffected,
                    i.DevicesInArea);
            })
            .ToValueList();
        return new AreaIncidentsPanel(lines, lines.Sum(l => l.DevicesDark));
    }

    /// <summary>One line per kecamatan of the city (from <paramref name="names"/>), whatever the streams report.</summary>
    public static CityMapPanel Map(SituationNames names, ComplaintsPanel complaints, WifiPanel wifi, CctvPanel cctv, AreaIncidentsPanel incidents)
    {
        ArgumentNullException.ThrowIfNull(names);
        var complaintsBy = complaints.ByKecamatan.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var wifiBy = wifi.ByKecamatan.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var cctvBy = cctv.ByKecamatan.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var incidentAreas = incidents.Open
            .Select(i => i.Level == "kecamatan" ? i.AreaCode : KecamatanOf(i.AreaCode))
            .ToHashSet(StringComparer.Ordinal);
        var areas = names.Kecamatan
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv =>
            {
                var c = complaintsBy.GetValueOrDefault(kv.Key);
                var w = wifiBy.GetValueOrDefault(kv.Key);
                var k = cctvBy.GetValueOrDefault(kv.Key);
                return new KecamatanFigures(
                    kv.Key,
                    kv.Value,
                    c?.Open ?? 0,
                    c?.Overdue ?? 0,
                    w?.Active ?? 0,
                    w?.Up ?? 0,
                    w?.Uptime24h,
                    k?.Active ?? 0,
                    k?.Up ?? 0,
                    incidentAreas.Contains(kv.Key));
            })
            .ToValueList();
        return new CityMapPanel(areas);
    }

    // Kemendagri codes nest: kelurahan 33.74.01.1001 lies in kecamatan 33.74.01.
    private static string KecamatanOf(string kelurahanCode) =>
        kelurahanCode.LastIndexOf('.') is > 0 and var dot ? kelurahanCode[..dot] : kelurahanCode;

    // Uptime is shown to one decimal of a percent; rounding here keeps a panel equal from tick to tick
    // when nothing visible changed, so its tile does not re-render for noise in the fifth decimal.
    private static double? Round(double? ratio) => ratio is null ? null : Math.Round(ratio.Value, 4);
}
