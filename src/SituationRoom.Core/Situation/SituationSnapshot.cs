using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Situation;

/// <summary>
/// Everything the wall shows, at one instant. Immutable and versioned: every screen renders from the same
/// snapshot, and a panel that did not change is the same object as before.
/// </summary>
public sealed record SituationSnapshot(
    long Version,
    DateTimeOffset AsOf,
    ComplaintsPanel Complaints,
    LeaguePanel League,
    WifiPanel Wifi,
    CctvPanel Cctv)
{
    /// <summary>Areas where many devices went dark together (likely power or backbone), one line per area.</summary>
    public AreaIncidentsPanel AreaIncidents { get; init; } = AreaIncidentsPanel.Empty;

    /// <summary>Every kecamatan's figures for the city map, composed from the three stream panels.</summary>
    public CityMapPanel Map { get; init; } = CityMapPanel.Empty;

    public static SituationSnapshot Empty(DateTimeOffset asOf) => new(
        0,
        asOf,
        ComplaintsPanel.Empty,
        LeaguePanel.Empty,
        WifiPanel.Empty,
        CctvPanel.Empty);
}

/// <param name="Open">Not resolved and not rejected (a handover stays open).</param>
/// <param name="NewToday">Received since midnight WIB.</param>
/// <param name="Overdue">Open past the 10-day promise.</param>
/// <param name="ClosedLast30Days">Resolved or rejected in the last 30 days.</param>
/// <param name="ClosedWithinSlaLast30Days">Of those, closed by their due time.</param>
/// <param name="LastEventAt">When the stream last said anything: the tile turns stale when this is old.</param>
/// <param name="Escalated">Open complaints that missed a stage deadline: the leadership queue.</param>
public sealed record ComplaintsPanel(
    int Open,
    int NewToday,
    int Overdue,
    int InTriage,
    int ClosedLast30Days,
    int ClosedWithinSlaLast30Days,
    ValueList<OpdBacklog> WorstBacklogs,
    ValueList<ComplaintTick> Latest,
    DateTimeOffset? LastEventAt,
    int Escalated = 0)
{
    public static ComplaintsPanel Empty { get; } = new(0, 0, 0, 0, 0, 0, ValueList<OpdBacklog>.Empty, ValueList<ComplaintTick>.Empty, null);

    /// <summary>Open and overdue complaints of every kecamatan that has any (those without a place are in none).</summary>
    public ValueList<AreaComplaints> ByKecamatan { get; init; } = ValueList<AreaComplaints>.Empty;

    /// <summary>The latest instant an open complaint entered the leadership queue: a fresh one holds a rotating wall.</summary>
    public DateTimeOffset? LastEscalatedAt { get; init; }

    /// <summary>Share closed within the SLA over 30 days; null when nothing closed (no silent 0 or 100%).</summary>
    public double? WithinSlaShare => ClosedLast30Days > 0 ? (double)ClosedWithinSlaLast30Days / ClosedLast30Days : null;
}

public sealed record OpdBacklog(string OpdCode, string OpdName, int Open, int Overdue);

public sealed record AreaComplaints(string Code, int Open, int Overdue);

/// <summary>One line of the wall's ticker. The phone number is already masked; the text is an excerpt.</summary>
public sealed record ComplaintTick(
    string Ticket,
    DateTimeOffset ReceivedAt,
    string Channel,
    string? CategoryCode,
    string? KecamatanName,
    string? MaskedPhone,
    string Excerpt);

/// <param name="PeriodKey">The month the league is of, as a period key ("2026-12"); empty before the first scoring run.
/// A key rather than a label, so each screen names the month in its own language.</param>
public sealed record LeaguePanel(
    string PeriodKey,
    int Ranked,
    ValueList<LeagueEntry> Top,
    ValueList<LeagueEntry> Bottom,
    DateTimeOffset? ComputedAt)
{
    public static LeaguePanel Empty { get; } = new("", 0, ValueList<LeagueEntry>.Empty, ValueList<LeagueEntry>.Empty, null);
}

/// <param name="Band">The grade band of the rule set the period was scored with, with its Indonesian and English names.</param>
/// <param name="Movement">Places gained (+) or lost (-) since the previous period; null when it was not ranked then.</param>
public sealed record LeagueEntry(int Rank, string OpdCode, string OpdName, double Composite, GradeBand? Band, int? Movement);

/// <param name="Active">Hotspots expected to work (not in maintenance, switched off or decommissioned).</param>
/// <param name="Up">Active and up now.</param>
/// <param name="NotActive">In maintenance, switched off or decommissioned: shown apart, never counted as down.</param>
/// <param name="Uptime24h">Average uptime of active hotspots over the last 24 hours: a different number from the share up now.</param>
public sealed record WifiPanel(
    int Active,
    int Up,
    int NotActive,
    double? Uptime24h,
    ValueList<AreaHealth> WorstKecamatan,
    DateTimeOffset? LastReportAt)
{
    public static WifiPanel Empty { get; } = new(0, 0, 0, null, ValueList<AreaHealth>.Empty, null);

    /// <summary>Every kecamatan with active hotspots, for the map (WorstKecamatan is the first few of these by uptime).</summary>
    public ValueList<AreaHealth> ByKecamatan { get; init; } = ValueList<AreaHealth>.Empty;

    /// <summary>Of those down now, down for more than an hour.</summary>
    public int DownOver1h { get; init; }

    /// <summary>Of those down now, down for more than a day.</summary>
    public int DownOver24h { get; init; }

    public int Down => Active - Up;

    public double? UpShare => Active > 0 ? (double)Up / Active : null;
}

/// <param name="Online">Active cameras sending frames (online or degraded).</param>
/// <param name="Dark">Active cameras not online: offline, no frames or frozen.</param>
/// <param name="DarkOver24h">Of those, dark for more than 24 hours.</param>
/// <param name="SwitchedOff">Switched off by decision (e.g. budget): neither down nor decommissioned.</param>
public sealed record CctvPanel(
    int Active,
    int Online,
    int Degraded,
    int DarkOver24h,
    int SwitchedOff,
    int OtherNotActive,
    ValueList<OwnerHealth> ByOwner,
    DateTimeOffset? LastReportAt)
{
    public static CctvPanel Empty { get; } = new(0, 0, 0, 0, 0, 0, ValueList<OwnerHealth>.Empty, null);

    /// <summary>Kecamatan with the lowest share of their active cameras online now (Up is "online" here; no uptime).</summary>
    public ValueList<AreaHealth> WorstKecamatan { get; init; } = ValueList<AreaHealth>.Empty;

    /// <summary>Every kecamatan with active cameras, for the map.</summary>
    public ValueList<AreaHealth> ByKecamatan { get; init; } = ValueList<AreaHealth>.Empty;

    public int Dark => Active - Online;

    public double? OnlineShare => Active > 0 ? (double)Online / Active : null;
}

public sealed record AreaHealth(string Code, string Name, int Active, int Up, double? Uptime24h);

public sealed record OwnerHealth(string OpdCode, string OpdName, int Active, int Online);

/// <param name="Open">Open incidents, the most devices dark first.</param>
/// <param name="DevicesDark">Devices dark in all open incidents together.</param>
public sealed record AreaIncidentsPanel(ValueList<AreaIncidentLine> Open, int DevicesDark)
{
    public static AreaIncidentsPanel Empty { get; } = new(ValueList<AreaIncidentLine>.Empty, 0);
}

/// <param name="Level">"kelurahan" or "kecamatan".</param>
/// <param name="KecamatanName">The kecamatan the area lies in (itself for a kecamatan incident).</param>
/// <param name="DevicesAffected">Devices that have been dark in it, including those already back.</param>
/// <param name="DevicesInArea">Active devices in the area.</param>
public sealed record AreaIncidentLine(
    string Id,
    string Level,
    string AreaCode,
    string AreaName,
    string KecamatanName,
    DateTimeOffset OpenedAt,
    int DevicesDark,
    int DevicesAffected,
    int DevicesInArea);

/// <summary>The city map's figures: one entry per kecamatan of the city, in code order, zero where nothing is reported.</summary>
public sealed record CityMapPanel(ValueList<KecamatanFigures> Areas)
{
    public static CityMapPanel Empty { get; } = new(ValueList<KecamatanFigures>.Empty);
}

/// <param name="WifiUptime24h">Null when the kecamatan has no active hotspot.</param>
/// <param name="Incident">An open area incident touches this kecamatan.</param>
public sealed record KecamatanFigures(
    string Code,
    string Name,
    int OpenComplaints,
    int OverdueComplaints,
    int WifiActive,
    int WifiUp,
    double? WifiUptime24h,
    int CamerasActive,
    int CamerasOnline,
    bool Incident)
{
    public int CamerasDark => CamerasActive - CamerasOnline;
}
