namespace SituationRoom.Web.Features.Scorecards;

/// <summary>The "Scorecards" configuration section.</summary>
public sealed class ScorecardsOptions
{
    public const string Section = "Scorecards";

    /// <summary>How often the current period is scored again from live data.</summary>
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Past months scored on the first run, so trends and "movement since last period" exist from day one.</summary>
    public int MonthsOfHistory { get; set; } = 12;

    /// <summary>How many OPDs the wall shows at the top and at the bottom of the league.</summary>
    public int LeagueEnds { get; set; } = 5;
}
