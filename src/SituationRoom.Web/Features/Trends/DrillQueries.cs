using System.Text;
using SituationRoom.Core.Devices;

namespace SituationRoom.Web.Features.Trends;

/// <summary>Which complaints a number counts. Period measures use the filter's days; the "now" measures ignore them.</summary>
public enum ComplaintMeasure
{
    /// <summary>Received in the period.</summary>
    Received,
    /// <summary>Closed (resolved or rejected) in the period.</summary>
    Closed,
    /// <summary>Closed in the period, no later than due.</summary>
    OnTime,
    /// <summary>Closed in the period, after it was due.</summary>
    Late,
    /// <summary>Resolved in the period: the population of the median time to resolve.</summary>
    Resolved,
    /// <summary>Open now, whenever received.</summary>
    Open,
    /// <summary>Open now and past due.</summary>
    Overdue,
}

/// <summary>Which devices a number counts.</summary>
public enum DeviceMeasure
{
    /// <summary>Active devices with their uptime over the window, worst first: the records behind an uptime figure.</summary>
    Uptime,
    /// <summary>Active and not up now.</summary>
    Down,
    /// <summary>Active and not up for more than 24 hours.</summary>
    DarkLong,
    /// <summary>Switched off by decision: neither down nor decommissioned.</summary>
    SwitchedOff,
}

/// <summary>The records behind a complaint number: /trends/complaints?{filter}&amp;measure=...</summary>
public sealed record ComplaintListQuery(TrendFilter Filter, ComplaintMeasure Measure)
{
    public const string Path = "/trends/complaints";

    public bool IgnoresPeriod => Measure is ComplaintMeasure.Open or ComplaintMeasure.Overdue;

    public string ToQuery()
    {
        var query = Filter.Append(new StringBuilder());
        if (Measure != ComplaintMeasure.Received)
        {
            TrendFilter.Add(query, "measure", Measure.ToString().ToLowerInvariant());
        }

        return query.ToString().TrimStart('&');
    }

    public string Url => Join(Path, ToQuery());

    public static ComplaintListQuery Parse(Func<string, string?> query, IDictionary<string, string[]> errors)
    {
        var filter = TrendFilter.Parse(query, errors);
        var measure = ComplaintMeasure.Received;
        if (query("measure") is { Length: > 0 } token)
        {
            if (!Enum.TryParse(token, ignoreCase: true, out measure) || !Enum.IsDefined(measure))
            {
                errors["measure"] = ["Nilai tidak dikenal; gunakan received, closed, ontime, late, resolved, open, overdue / Unknown value"];
                measure = ComplaintMeasure.Received;
            }
        }

        return new ComplaintListQuery(filter, measure);
    }

    internal static string Join(string path, string query) => query.Length == 0 ? path : path + "?" + query;
}

/// <summary>The records behind a device number: /trends/devices?kind=...&amp;measure=...&amp;{filter}. Category and channel do not apply.</summary>
/// <param name="Last24Hours">Uptime over the rolling last 24 hours (what the wall shows) instead of the filter's days.</param>
public sealed record DeviceListQuery(DeviceKind Kind, DeviceMeasure Measure, TrendFilter Filter, bool Last24Hours = false)
{
    public const string Path = "/trends/devices";

    public string ToQuery()
    {
        var query = new StringBuilder();
        TrendFilter.Add(query, "kind", Kind.ToString().ToLowerInvariant());
        TrendFilter.Add(query, "measure", Measure.ToString().ToLowerInvariant());
        if (Last24Hours)
        {
            TrendFilter.Add(query, "window", "24h");
        }

        // Only what a device list reads: its period, owner and place.
        var filter = TrendFilter.Default with { Period = Filter.Period, From = Filter.From, To = Filter.To, Opd = Filter.Opd, Kecamatan = Filter.Kecamatan };
        return filter.Append(query).ToString().TrimStart('&');
    }

    public string Url => ComplaintListQuery.Join(Path, ToQuery());

    public static DeviceListQuery Parse(Func<string, string?> query, IDictionary<string, string[]> errors)
    {
        var filter = TrendFilter.Parse(query, errors);
        var kind = DeviceKind.Hotspot;
        if (query("kind") is { Length: > 0 } k && (!Enum.TryParse(k, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
        {
            errors["kind"] = ["Nilai tidak dikenal; gunakan hotspot atau camera / Unknown value; use hotspot or camera"];
            kind = DeviceKind.Hotspot;
        }

        var measure = DeviceMeasure.Uptime;
        if (query("measure") is { Length: > 0 } m && (!Enum.TryParse(m, ignoreCase: true, out measure) || !Enum.IsDefined(measure)))
        {
            errors["measure"] = ["Nilai tidak dikenal; gunakan uptime, down, darklong, switchedoff / Unknown value"];
            measure = DeviceMeasure.Uptime;
        }

        var window = query("window");
        if (window is { Length: > 0 } && window != "24h")
        {
            errors["window"] = ["Hanya 24h / Only 24h"];
        }

        return new DeviceListQuery(kind, measure, filter, window == "24h");
    }
}
