using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Web.Features.Trends;

/// <summary>
/// Where a number leads: URLs of the lists of records behind the wall's tiles and the trends' figures.
/// Each list counts exactly what the matching wall number counts (definitions in docs/trends.md), so a tile can
/// link its number here and an analyst lands on the complaints or devices it is made of.
/// </summary>
public static class DrillDown
{
    /// <summary>Open complaints now (the wall's "Terbuka"), of one OPD or all; "-" for those still in triage.</summary>
    public static string OpenComplaints(string? opd = null) =>
        new ComplaintListQuery(TrendFilter.Default with { Opd = opd }, ComplaintMeasure.Open).Url;

    /// <summary>Open complaints past due now (the wall's "Lewat 10 hari"), of one OPD or all.</summary>
    public static string OverdueComplaints(string? opd = null) =>
        new ComplaintListQuery(TrendFilter.Default with { Opd = opd }, ComplaintMeasure.Overdue).Url;

    /// <summary>Open complaints with no OPD yet (the wall's "Menunggu triase").</summary>
    public static string InTriage() => OpenComplaints(TrendFilter.None);

    /// <summary>Complaints received today, WIB (the wall's "Baru hari ini").</summary>
    public static string NewToday(string? opd = null) =>
        new ComplaintListQuery(TrendFilter.Default with { Period = TrendPeriod.Today, Opd = opd }, ComplaintMeasure.Received).Url;

    /// <summary>Complaints closed in the last 30 WIB days, on time; with <paramref name="onTime"/> false, the late ones.</summary>
    public static string ClosedLast30Days(bool onTime = true, string? opd = null) =>
        new ComplaintListQuery(TrendFilter.Default with { Period = TrendPeriod.Days30, Opd = opd }, onTime ? ComplaintMeasure.OnTime : ComplaintMeasure.Late).Url;

    /// <summary>The hotspots or cameras page at one of its statuses now ("up", "online", ...: see DeviceViews).</summary>
    public static string DevicesNow(DeviceKind kind, string status) =>
        (kind == DeviceKind.Hotspot ? "/hotspots" : "/cctv") + "?status=" + Uri.EscapeDataString(status);

    /// <summary>Active devices of a kind that are not up now, optionally of one owner or kecamatan.</summary>
    public static string DarkDevices(DeviceKind kind, string? opd = null, string? kecamatan = null) =>
        new DeviceListQuery(kind, DeviceMeasure.Down, TrendFilter.Default with { Opd = opd, Kecamatan = kecamatan }).Url;

    /// <summary>Active devices not up for more than 24 hours (the wall's cameras "dark for long").</summary>
    public static string DarkLongDevices(DeviceKind kind, string? opd = null, string? kecamatan = null) =>
        new DeviceListQuery(kind, DeviceMeasure.DarkLong, TrendFilter.Default with { Opd = opd, Kecamatan = kecamatan }).Url;

    /// <summary>Devices switched off by decision (budget), of a kind.</summary>
    public static string SwitchedOffDevices(DeviceKind kind, string? opd = null) =>
        new DeviceListQuery(kind, DeviceMeasure.SwitchedOff, TrendFilter.Default with { Opd = opd }).Url;

    /// <summary>Each active device's uptime over the rolling last 24 hours, worst first: the wall's uptime figures.</summary>
    public static string Uptime24Hours(DeviceKind kind, string? opd = null, string? kecamatan = null) =>
        new DeviceListQuery(kind, DeviceMeasure.Uptime, TrendFilter.Default with { Opd = opd, Kecamatan = kecamatan }, Last24Hours: true).Url;

    /// <summary>The trends page for a filter.</summary>
    public static string Trends(TrendFilter? filter = null) => ComplaintListQuery.Join("/trends", (filter ?? TrendFilter.Default).ToQuery());

    /// <summary>The trends of one OPD over the last 12 months (a league row on the wall).</summary>
    public static string OpdTrends(string opd) => Trends(TrendFilter.Default with { Period = TrendPeriod.Months12, Opd = opd });

    /// <summary>An OPD's printable report card for a month or quarter.</summary>
    public static string ReportCard(string opd, Period period) => $"/trends/rapor/{Uri.EscapeDataString(opd)}?period={period.Key}";

    /// <summary>One complaint's page (built by the complaints feature).</summary>
    public static string Complaint(string ticket) => $"/complaints/{Uri.EscapeDataString(ticket)}";
}
