using System.Globalization;
using Microsoft.Extensions.Localization;
using SituationRoom.Core;
using SituationRoom.Core.Devices;

namespace SituationRoom.Web.Features.Devices;

/// <summary>How device figures read on the pages: status words with a shape (colour is never alone), WIB times, durations.</summary>
public static class DeviceFormats
{
    /// <summary>● up, ▲ down or not sending frames, ◌ not counted (maintenance, switched off, decommissioned).</summary>
    public static string Shape(DeviceStatus status, bool counts = true) => !counts ? "◌" : status.IsUp() ? "●" : "▲";

    public static string Status(IStringLocalizer text, DeviceStatus status) => text["DeviceStatus_" + status];

    public static string Status(IStringLocalizer text, string wire, DeviceKind kind) =>
        DeviceStatusCodes.TryParse(kind, wire, out var status) ? Status(text, status) : wire;

    public static string Lifecycle(IStringLocalizer text, DeviceLifecycle lifecycle) => text["DvLifecycle_" + lifecycle];

    public static string Lifecycle(IStringLocalizer text, string wire) =>
        DeviceLifecycles.Parse(wire) is { } lifecycle ? Lifecycle(text, lifecycle) : wire;

    /// <summary>"2 hari 4 jam", "3 jam 20 mnt", "12 mnt" (English "2 d 4 h", "3 h 20 min").</summary>
    public static string Duration(TimeSpan span)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        if (span < TimeSpan.FromMinutes(1))
        {
            return english ? "< 1 min" : "< 1 mnt";
        }

        if (span.TotalDays >= 1)
        {
            return english ? $"{(int)span.TotalDays} d {span.Hours} h" : $"{(int)span.TotalDays} hari {span.Hours} jam";
        }

        if (span.TotalHours >= 1)
        {
            return english ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{(int)span.TotalHours} jam {span.Minutes} mnt";
        }

        return english ? $"{span.Minutes} min" : $"{span.Minutes} mnt";
    }

    /// <summary>A share as a percentage with two decimals: uptime differences live in the decimals.</summary>
    public static string Uptime(double? ratio) =>
        ratio is null ? "–" : (ratio.Value * 100).ToString("0.00", CultureInfo.CurrentCulture) + "%";

    public static string Hours(TimeSpan span) => span.TotalHours.ToString("N1", CultureInfo.CurrentCulture);

    /// <summary>"20 Nov 2026 10:15" in WIB, without the zone (the column heading says WIB).</summary>
    public static string Instant(DateTimeOffset instant) => Wib.ToWib(instant).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.CurrentCulture);
}
