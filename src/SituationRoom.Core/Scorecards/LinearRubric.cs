using static System.FormattableString;

namespace SituationRoom.Core.Scorecards;

/// <summary>
/// Higher is better, for percentages: <see cref="Floor"/>% or less scores 0, <see cref="Ceiling"/>% or more
/// scores 100, proportional in between. A floor says what is not worth anything: a hotspot network at 90%
/// uptime is failing its users, so uptime rubrics start counting there.
/// </summary>
public sealed record LinearRubric(double Floor = 0, double Ceiling = 100) : Rubric
{
    public override RubricKind Kind => RubricKind.Linear;

    public override RubricResult Apply(double raw)
    {
        RequireFinite(raw);
        var clamped = raw < -Tolerance || raw > 100 + Tolerance;
        var value = Math.Clamp(raw, 0, 100);
        var score = value <= Floor ? 0
            : value >= Ceiling ? 100
            : (value - Floor) / (Ceiling - Floor) * 100;
        return new RubricResult(score, clamped);
    }

    public override string DescribeId(IndicatorUnit unit)
    {
        if (Floor == 0 && Ceiling == 100)
        {
            return "Linear: skor sama dengan persentase (0% → 0, 100% → 100).";
        }

        var low = Floor > 0 ? $"{ScoreFormat.NumberId(Floor)}% atau kurang → 0" : "0% → 0";
        var high = Ceiling < 100 ? $"{ScoreFormat.NumberId(Ceiling)}% atau lebih → 100" : "100% → 100";
        return $"Linear: {low}; {high}; sebanding di antaranya.";
    }

    public override string DescribeEn(IndicatorUnit unit)
    {
        if (Floor == 0 && Ceiling == 100)
        {
            return "Linear: the score equals the percentage (0% → 0, 100% → 100).";
        }

        var low = Floor > 0 ? $"{ScoreFormat.NumberEn(Floor)}% or less → 0" : "0% → 0";
        var high = Ceiling < 100 ? $"{ScoreFormat.NumberEn(Ceiling)}% or more → 100" : "100% → 100";
        return $"Linear: {low}; {high}; proportional in between.";
    }

    internal override IEnumerable<string> Problems(IndicatorUnit unit)
    {
        if (unit != IndicatorUnit.Percent)
        {
            yield return Invariant($"kind: a Linear rubric scores percentages, but the indicator's unit is {unit}");
        }

        if (!double.IsFinite(Floor) || Floor < 0 || Floor >= 100)
        {
            yield return Invariant($"floor: must be at least 0 and below 100 (got {Floor})");
        }

        if (!double.IsFinite(Ceiling) || Ceiling <= 0 || Ceiling > 100)
        {
            yield return Invariant($"ceiling: must be above 0 and at most 100 (got {Ceiling})");
        }

        if (Floor >= Ceiling)
        {
            yield return Invariant($"floor: must be below ceiling (got floor {Floor}, ceiling {Ceiling})");
        }
    }
}
