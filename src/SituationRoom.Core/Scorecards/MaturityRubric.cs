using static System.FormattableString;

namespace SituationRoom.Core.Scorecards;

/// <summary>The national evaluations' form: levels 1-n (1-5 in SPBE and the public-service evaluation), each reached at
/// a threshold on the raw value and worth a fixed score. The highest level whose threshold the value reaches
/// applies. Values below the first threshold or above <see cref="MaxRaw"/> are clamped and flagged.</summary>
/// <param name="MaxRaw">The largest value the scale allows (5 on a 1-5 scale).</param>
public sealed record MaturityRubric(IReadOnlyList<MaturityLevel> Levels, double MaxRaw) : Rubric
{
    public override RubricKind Kind => RubricKind.Maturity;

    public override RubricResult Apply(double raw)
    {
        RequireFinite(raw);
        var lowest = Levels[0].MinRaw;
        var clamped = raw < lowest - Tolerance || raw > MaxRaw + Tolerance;
        var value = Math.Clamp(raw, lowest, MaxRaw);
        var reached = Levels[0];
        foreach (var level in Levels)
        {
            if (value >= level.MinRaw)
            {
                reached = level;
            }
        }

        return new RubricResult(reached.Score, clamped, reached.Level);
    }

    public override string DescribeId(IndicatorUnit unit) =>
        "Tingkat kematangan: " + string.Join("; ", Levels.Select(l =>
            $"tingkat {l.Level} {l.NameId} (≥ {ScoreFormat.NumberId(l.MinRaw)}) → {ScoreFormat.NumberId(l.Score)}")) + ".";

    public override string DescribeEn(IndicatorUnit unit) =>
        "Maturity levels: " + string.Join("; ", Levels.Select(l =>
            $"level {l.Level} {l.NameEn} (≥ {ScoreFormat.NumberEn(l.MinRaw)}) → {ScoreFormat.NumberEn(l.Score)}")) + ".";

    internal override IEnumerable<string> Problems(IndicatorUnit unit)
    {
        if (Levels.Count < 2)
        {
            yield return Invariant($"levels: needs at least 2 levels (got {Levels.Count})");
            yield break;
        }

        for (var i = 0; i < Levels.Count; i++)
        {
            var level = Levels[i];
            var path = $"levels[{i}]";
            if (level.Level != i + 1)
            {
                yield return Invariant($"{path}.level: levels must be numbered 1, 2, 3... in order (expected {i + 1}, got {level.Level})");
            }

            if (!double.IsFinite(level.MinRaw))
            {
                yield return Invariant($"{path}.minRaw: must be a number");
            }
            else if (i > 0 && level.MinRaw <= Levels[i - 1].MinRaw)
            {
                yield return Invariant($"{path}.minRaw: must be greater than the level below ({Levels[i - 1].MinRaw}), got {level.MinRaw}");
            }

            if (!double.IsFinite(level.Score) || level.Score < 0 || level.Score > 100)
            {
                yield return Invariant($"{path}.score: must be between 0 and 100 (got {level.Score})");
            }
            else if (i > 0 && level.Score < Levels[i - 1].Score)
            {
                yield return Invariant($"{path}.score: must not be lower than the level below ({Levels[i - 1].Score}), got {level.Score}");
            }

            if (string.IsNullOrWhiteSpace(level.NameId))
            {
                yield return Invariant($"{path}.nameId: must not be empty");
            }

            if (string.IsNullOrWhiteSpace(level.NameEn))
            {
                yield return Invariant($"{path}.nameEn: must not be empty");
            }
        }

        if (!double.IsFinite(MaxRaw) || MaxRaw < Levels[^1].MinRaw)
        {
            yield return Invariant($"maxRaw: must be at least the top level's threshold ({Levels[^1].MinRaw}), got {MaxRaw}");
        }
    }
}
