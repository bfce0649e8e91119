using System.Globalization;

namespace SituationRoom.Core.Scorecards;

/// <summary>Numbers and quantities written the Indonesian way (89,65) and the English way (89.65).</summary>
/// <remarks>Built by hand rather than from CultureInfo("id-ID") so rule texts do not depend on the host's ICU data.</remarks>
internal static class ScoreFormat
{
    private static readonly NumberFormatInfo IndonesianNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    public static string PointsId(double value) => value.ToString("0.00", IndonesianNumbers);

    public static string PointsEn(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string NumberId(double value) => value.ToString("0.##", IndonesianNumbers);

    public static string NumberEn(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string QuantityId(double value, IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => NumberId(value) + "%",
        IndicatorUnit.Days => NumberId(value) + " hari",
        IndicatorUnit.Hours => NumberId(value) + " jam",
        _ => NumberId(value),
    };

    public static string QuantityEn(double value, IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => NumberEn(value) + "%",
        IndicatorUnit.Days => NumberEn(value) + (value == 1 ? " day" : " days"),
        IndicatorUnit.Hours => NumberEn(value) + (value == 1 ? " hour" : " hours"),
        _ => NumberEn(value),
    };
}
