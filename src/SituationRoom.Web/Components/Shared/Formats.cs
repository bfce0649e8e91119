using System.Globalization;
using SituationRoom.Core;

namespace SituationRoom.Web.Components.Shared;

/// <summary>How numbers and times read on screen: Indonesian grouping and decimals by default, times in WIB.</summary>
public static class Formats
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A share as a percentage with one decimal; "–" when there is nothing to divide (never a made-up 0%).</summary>
    public static string Percent(double? share) =>
        share is null ? "–" : (share.Value * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%";

    public static string Score(double value) => value.ToString("0.0", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset instant) => Wib.ToWib(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The wall's date line: "Rabu, 2 Desember 2026" in Indonesian.</summary>
    public static string Date(DateTimeOffset instant) => Wib.ToWib(instant).ToString("dddd, d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset instant) =>
        Wib.ToWib(instant).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture) + " WIB";
}
