using static System.FormattableString;

namespace SituationRoom.Core.Scorecards;

/// <summary>
/// Lower is better: <see cref="Best"/> or less scores 100, <see cref="Worst"/> or more scores 0, proportional
/// in between (mean days late: 0 days → 100, 10 days or more → 0). Raw values are never negative.
/// </summary>
public sealed record InverseLinearRubric(double Best, double Worst) : Rubric
{
    public override RubricKind Kind => RubricKind.InverseLinear;

    public override RubricResult Apply(double raw)
    {
        RequireFinite(raw);
        var clamped = raw < -Tolerance;
        var value = Math.Max(raw, 0);
        var score = value <= Best ? 100
            : value >= Worst ? 0
            : (Worst - value) / (Worst - Best) * 100;
        return new RubricResult(score, clamped);
    }

    public override string DescribeId(IndicatorUnit unit) =>
        $"Makin kecil makin baik: {ScoreFormat.QuantityId(Best, unit)}{(Best > 0 ? " atau kurang" : "")} → 100; "
        + $"{ScoreFormat.QuantityId(Worst, unit)} atau lebih → 0; sebanding di antaranya.";

    public override string DescribeEn(IndicatorUnit unit) =>
        $"Lower is better: {ScoreFormat.QuantityEn(Best, unit)}{(Best > 0 ? " or less" : "")} → 100; "
        + $"{ScoreFormat.QuantityEn(Worst, unit)} or more → 0; proportional in between.";

    internal override IEnumerable<string> Problems(IndicatorUnit unit)
    {
        if (!double.IsFinite(Best) || Best < 0)
        {
            yield return Invariant($"best: must be a number of at least 0 (got {Best})");
        }

        if (!double.IsFinite(Worst) || Worst <= Best)
        {
            yield return Invariant($"worst: must be greater than best (got best {Best}, worst {Worst})");
        }
    }
}
