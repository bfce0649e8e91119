namespace SituationRoom.Core.Scorecards;

public enum RubricKind
{
    /// <summary>Higher is better: a percentage scaled between a floor (0 points) and a ceiling (100 points).</summary>
    Linear,
    /// <summary>Lower is better: the best value scores 100, the worst and beyond score 0.</summary>
    InverseLinear,
    /// <summary>Levels 1-n, each reached at a threshold and worth a fixed score, as in the national evaluations.</summary>
    Maturity,
}
