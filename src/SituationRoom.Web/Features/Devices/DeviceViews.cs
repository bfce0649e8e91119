using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;

namespace SituationRoom.Web.Features.Devices;

/// <summary>
/// Which devices a list on /hotspots or /cctv shows, and in which order, read from the URL (<c>kec</c>, <c>opd</c>,
/// <c>status</c>, <c>sort</c>). Every count on those pages links to the list that filters to exactly the devices it counts.
/// </summary>
/// <param name="Sort"><see cref="LongestDark"/>: dark now, longest first (whom to send someone to);
/// <see cref="MostDown24h"/>: most downtime over the last 24 hours first (what keeps failing, even if up now).</param>
public sealed record DeviceListFilter(DeviceKind Kind, string? Kecamatan, string? Opd, string Status, string Sort = DeviceListFilter.LongestDark)
{
    public const string LongestDark = "dark";

    public const string MostDown24h = "down24h";

    public static readonly string[] Sorts = [LongestDark, MostDown24h];

    public static readonly string[] HotspotStatuses = ["down", "up", "counted", "excluded", "all"];

    public static readonly string[] CameraStatuses = ["dark", "online", "degraded", "no_frames", "frozen", "offline", "dark24h", "counted", "excluded", "all"];

    public static IReadOnlyList<string> Statuses(DeviceKind kind) => kind == DeviceKind.Hotspot ? HotspotStatuses : CameraStatuses;

    public static string DefaultStatus(DeviceKind kind) => kind == DeviceKind.Hotspot ? "down" : "dark";

    /// <summary>Unknown values are named in <paramref name="errors"/> and left out, so the page still shows something true.</summary>
    public static DeviceListFilter Parse(
        DeviceKind kind, string? kecamatan, string? opd, string? status, string? sort, SituationNames names, Dictionary<string, string[]> errors)
    {
        string? Known(string name, string? value, IReadOnlyDictionary<string, string> known)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (known.ContainsKey(value.Trim()))
            {
                return value.Trim();
            }

            errors[name] = [value];
            return null;
        }

        var statusValue = status?.Trim().ToLowerInvariant();
        if (statusValue is { Length: > 0 } && !Statuses(kind).Contains(statusValue))
        {
            errors["status"] = [status!];
            statusValue = null;
        }

        var sortValue = sort?.Trim().ToLowerInvariant();
        if (sortValue is { Length: > 0 } && !Sorts.Contains(sortValue))
        {
            errors["sort"] = [sort!];
            sortValue = null;
        }

        return new DeviceListFilter(
            kind,
            Known("kec", kecamatan, names.Kecamatan),
            Known("opd", opd, names.Opds),
            statusValue is { Length: > 0 } ? statusValue : DefaultStatus(kind),
            sortValue is { Length: > 0 } ? sortValue : LongestDark);
    }

    public bool Matches(DeviceRow row, DateTimeOffset now) =>
        (Kecamatan is null || row.KecamatanCode == Kecamatan)
        && (Opd is null || row.OpdCode == Opd)
        && Status switch
        {
            "down" or "dark" => row.Counts && !row.IsUp,
            "up" or "online" => row.Counts && row.IsUp,
            "degraded" => row.Counts && row.Status == DeviceStatus.Degraded,
            "no_frames" => row.Counts && row.Status == DeviceStatus.NoFrames,
            "frozen" => row.Counts && row.Status == DeviceStatus.Frozen,
            "offline" => row.Counts && row.Status == DeviceStatus.Offline,
            "dark24h" => row.Counts && !row.IsUp && now - row.StatusSince > DeviceQueries.DarkLong,
            "counted" => row.Counts,
            "excluded" => !row.Counts,
            _ => true,
        };

    /// <summary>The URL of this list: /hotspots?kec=..&amp;status=.. with only what differs from the defaults.</summary>
    public string Href()
    {
        var query = new List<string>();
        if (Kecamatan is not null)
        {
            query.Add("kec=" + Uri.EscapeDataString(Kecamatan));
        }

        if (Opd is not null)
        {
            query.Add("opd=" + Uri.EscapeDataString(Opd));
        }

        if (Status != DefaultStatus(Kind))
        {
            query.Add("status=" + Status);
        }

        if (Sort != LongestDark)
        {
            query.Add("sort=" + Sort);
        }

        var path = Kind == DeviceKind.Hotspot ? "/hotspots" : "/cctv";
        return query.Count == 0 ? path + "#daftar" : path + "?" + string.Join("&", query) + "#daftar";
    }

    public DeviceListFilter With(string? kecamatan = null, string? opd = null, string? status = null) =>
        new(Kind, kecamatan, opd, status ?? DefaultStatus(Kind));

    public static string DeviceHref(string id) => "/devices/" + Uri.EscapeDataString(id);
}

/// <summary>Uptime over a window from the hourly rollups, and from when they have data if that is later than the window's start.</summary>
public sealed record WindowUptime(UptimeResult Uptime, DateTimeOffset WindowStart, DateTimeOffset? DataFrom)
{
    /// <summary>The rollups begin inside the window: the figure covers less than the window, and says so.</summary>
    public bool Partial => DataFrom is { } from && from > WindowStart;
}

/// <param name="Counted">Active and outside announced maintenance: what counts against uptime, as on the wall.</param>
/// <param name="NotCounted">In maintenance (lifecycle or an announced window), switched off or decommissioned.</param>
public sealed record HotspotCounts(int Counted, int Up, int DownOver1h, int DownOver24h, int NotCounted)
{
    public int Down => Counted - Up;

    public double? UpShare => Counted > 0 ? (double)Up / Counted : null;
}

/// <param name="Worst">Its counted hotspots with the lowest uptime over 24 h, below 100% only.</param>
public sealed record KecamatanHotspots(string Code, string Name, int Counted, int Up, UptimeResult Uptime24h, UptimeResult Uptime7d, IReadOnlyList<DeviceRow> Worst)
{
    public int Down => Counted - Up;
}

public sealed record HotspotsView(
    DateTimeOffset Now,
    HotspotCounts Counts,
    UptimeResult Uptime24h,
    WindowUptime Uptime7d,
    WindowUptime Uptime30d,
    IReadOnlyList<KecamatanHotspots> Kecamatan,
    IReadOnlyList<DeviceRow> Listed);

/// <param name="Counted">Active and outside announced maintenance.</param>
/// <param name="Online">Online or degraded: a degraded camera still sends frames.</param>
public sealed record CameraCounts(int Counted, int Online, int Degraded, int NoFrames, int Frozen, int Offline, int DarkOver24h, int SwitchedOff, int OtherNotCounted)
{
    public int Dark => Counted - Online;

    public double? OnlineShare => Counted > 0 ? (double)Online / Counted : null;

    public int NotCounted => SwitchedOff + OtherNotCounted;
}

/// <param name="Uptime24h">Up and monitored time of its counted cameras over the last 24 hours.</param>
public sealed record OwnerCameras(string Code, string Name, int Counted, int Online, int Degraded, int DarkOver24h, UptimeResult Uptime24h)
{
    public int Dark => Counted - Online;

    public double? OnlineShare => Counted > 0 ? (double)Online / Counted : null;
}

public sealed record CctvView(
    DateTimeOffset Now,
    CameraCounts Counts,
    UptimeResult Uptime24h,
    IReadOnlyList<OwnerCameras> Owners,
    IReadOnlyList<AreaIncidentLine> Incidents,
    IReadOnlyList<DeviceRow> Listed);
