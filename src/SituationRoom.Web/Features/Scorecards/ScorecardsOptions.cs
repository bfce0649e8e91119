namespace SituationRoom.Web.Features.Scorecards;

/// <summary>The "Scorecards" configuration section.</summary>
public sealed class ScorecardsOptions
{
    public const string Section = "Scorecards";

    /// <summary>How often today's and yesterday's scores (and every period containing them) are computed again.</summary>
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days of history kept scored, counted back from today and widened to the start of that quarter, so every
    /// week, month and quarter in it is aggregated from all its days. The full recompute at start covers all of it.</summary>
    public int DaysOfHistory { get; set; } = 400;

    /// <summary>How many OPDs the wall shows at the top and at the bottom of the league.</summary>
    public int LeagueEnds { get; set; } = 5;

    /// <summary>A city's own rule-set catalogues (the JSON format of /api/scorecards/rules), relative to the content root.
    /// Loaded beside the shipped smart-2026.1 and checked at start-up: an invalid file stops the app with its errors.</summary>
    public List<string> RuleSetFiles { get; set; } = [];

    /// <summary>How many items pulling a dimension down the OPD page lists under it.</summary>
    public int ItemsPerDimension { get; set; } = 8;

    /// <summary>Where uploaded evidence for manual indicators is kept, relative to the content root.</summary>
    public string EvidenceFolder { get; set; } = "App_Data/evidence";

    public long EvidenceMaxBytes { get; set; } = 10 * 1024 * 1024;
}
