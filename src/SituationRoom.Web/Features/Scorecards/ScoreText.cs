using System.Globalization;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>How scorecard numbers and bilingual names read on the pages: published scores with 2 decimals in the
/// reader's culture (83,68 in Bahasa Indonesia), and the rule set's own Indonesian or English names.</summary>
public static class ScoreText
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Pick(string indonesian, string english) => English ? english : indonesian;

    /// <summary>"83,68"; "–" when there is no score (never a made-up 0).</summary>
    public static string Points(double? score) =>
        score is { } value ? ScoreRounding.Published(value).ToString("0.00", CultureInfo.CurrentCulture) : "–";

    /// <summary>"+1,23", "−0,50", "±0,00".</summary>
    public static string Signed(double? delta) => delta switch
    {
        null => "",
        > 0 => "+" + delta.Value.ToString("0.00", CultureInfo.CurrentCulture),
        < 0 => "−" + (-delta.Value).ToString("0.00", CultureInfo.CurrentCulture),
        _ => "±" + 0.0.ToString("0.00", CultureInfo.CurrentCulture),
    };

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.CurrentCulture);

    public static string Percent(double value) => Number(ScoreRounding.Published(value), "0.#") + "%";

    public static string Label(Period period) => English ? period.LabelEn : period.LabelId;

    public static string Dimension(SmartDimension dimension) =>
        English ? SmartDimensionNames.English(dimension) : SmartDimensionNames.Indonesian(dimension);

    public static string Letter(SmartDimension dimension) => SmartDimensionNames.Letter(dimension).ToString();

    public static string Band(GradeBand? band) => band is null ? "" : English ? band.NameEn : band.Name;

    public static string Indicator(IndicatorRule rule) => English ? rule.NameEn : rule.NameId;

    /// <summary>The upper bands read as good, the lower ones as bad, the middle one as neither; the word always goes with it.</summary>
    public static string BandClass(GradeBand? band, RuleSet? rules)
    {
        if (band is null || rules is null)
        {
            return "band-none";
        }

        var index = rules.Bands.ToList().IndexOf(band);
        var count = rules.Bands.Count;
        return index < count / 2 ? "band-good" : count % 2 == 1 && index == count / 2 ? "band-mid" : "band-bad";
    }
}
