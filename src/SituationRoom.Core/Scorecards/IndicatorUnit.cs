namespace SituationRoom.Core.Scorecards;

public enum IndicatorUnit
{
    Percent,
    Days,
    Hours,
    /// <summary>A maturity level entered by an administrator (1-5 in the national rubrics).</summary>
    Level,
    /// <summary>A mean of survey answers on a fixed scale (e.g. satisfaction 1-5).</summary>
    Rating,
}
