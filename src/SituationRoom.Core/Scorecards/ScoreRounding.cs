namespace SituationRoom.Core.Scorecards;

/// <summary>
/// The one place scores are rounded. Arithmetic stays at full double precision; the published value
/// (2 decimals, half away from zero, the way national evaluations publish e.g. 89.65) is what people see,
/// so grade bands, points to the next band, league ties and movements are judged on it: an OPD shown
/// 85,00 must not sit in the band below 85.
/// </summary>
public static class ScoreRounding
{
    public const int Decimals = 2;

    public static double Published(double score) => Math.Round(score, Decimals, MidpointRounding.AwayFromZero);

    public static double? Published(double? score) => score is { } value ? Published(value) : null;
}
