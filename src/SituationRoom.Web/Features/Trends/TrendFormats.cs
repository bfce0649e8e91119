using System.Globalization;
using SituationRoom.Core;
using SituationRoom.Core.Trends;

namespace SituationRoom.Web.Features.Trends;

/// <summary>How trend figures read: Indonesian grouping and decimals by default, dates as WIB calendar days.</summary>
public static class TrendFormats
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(double? share, int decimals = 1) =>
        share is null ? "–" : (share.Value * 100).ToString("F" + decimals, CultureInfo.CurrentCulture) + "%";

    /// <summary>A duration in days with one decimal ("3,4").</summary>
    public static string DaysValue(TimeSpan span) => span.TotalDays.ToString("0.0", CultureInfo.CurrentCulture);

    /// <summary>"20 Nov", "20 Nov 2026".</summary>
    public static string Day(DateOnly day, bool withYear = false) =>
        day.ToString(withYear ? "d MMM yyyy" : "d MMM", CultureInfo.CurrentCulture);

    /// <summary>"20 Nov 2026" for one day, "16–22 Nov 2026", "28 Des 2026 – 3 Jan 2027".</summary>
    public static string Range(DayRange range)
    {
        if (range.Days == 1)
        {
            return Day(range.From, withYear: true);
        }

        if (range.From.Year != range.To.Year)
        {
            return Day(range.From, withYear: true) + " – " + Day(range.To, withYear: true);
        }

        return range.From.Month == range.To.Month
            ? range.From.Day.ToString(CultureInfo.CurrentCulture) + "–" + Day(range.To, withYear: true)
            : Day(range.From) + " – " + Day(range.To, withYear: true);
    }

    /// <summary>The short label of a chart bucket: the day, the week's first day, or the month.</summary>
    public static string Bucket(DayRange bucket, Grain grain) => grain switch
    {
        Grain.Month => bucket.From.ToString("MMM yyyy", CultureInfo.CurrentCulture),
        _ => Day(bucket.From),
    };

    /// <summary>Change from <paramref name="before"/> to <paramref name="now"/> as a signed percentage, or null when there is no base.</summary>
    public static double? Change(double now, double before) => before > 0 ? (now - before) / before : null;

    public static string SignedPercent(double? change) =>
        change is not { } c ? "–" : (c > 0 ? "+" : c < 0 ? "−" : "±") + Math.Abs(c * 100).ToString("0", CultureInfo.CurrentCulture) + "%";

    /// <summary>Points of percentage between two shares: "+2,3 poin".</summary>
    public static string SignedPoints(double? now, double? before) =>
        now is not { } n || before is not { } b ? "–" : (n >= b ? "+" : "−") + Math.Abs((n - b) * 100).ToString("0.0", CultureInfo.CurrentCulture) + " pp";

    /// <summary>An instant as a WIB date and time.</summary>
    public static string Instant(DateTime utc) => Wib.ToWib(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Hours(TimeSpan span) => span.TotalHours.ToString("N1", CultureInfo.CurrentCulture);
}
