using static SituationRoom.Core.Scorecards.ScoreFormat;

namespace SituationRoom.Core.Scorecards;

/// <summary>Writes out how a scorecard was made, so leadership can defend a ranking to an OPD head: each indicator's
/// value, rule, score, weight and points, each dimension's share, the band and the points to the next one.</summary>
public static class ScoreExplanation
{
    // Effective weights within this of the configured weight are not called out as renormalised.
    private const double WeightTolerance = 1e-9;

    /// <summary>Lines in display order: the composite, then each dimension followed by its indicators, then what it takes to move up.</summary>
    public static IReadOnlyList<ExplanationLine> Explain(Scorecard card, RuleSet rules)
    {
        if (!string.Equals(card.RuleSetVersion, rules.Version, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The scorecard was made with rule set {card.RuleSetVersion}, not {rules.Version}; explain it with the set it was scored with.",
                nameof(rules));
        }

        var lines = new List<ExplanationLine> { Summary(card, rules) };
        foreach (var dimension in card.Dimensions)
        {
            lines.Add(DimensionLine(dimension, card.Composite is not null));
            lines.AddRange(dimension.Indicators.Select(i => IndicatorLine(i, rules.Indicator(i.Code)!, dimension.Applicable)));
        }

        if (card.Composite is not null)
        {
            lines.Add(NextBandLine(card));
            if (LargestHeadroom(card, rules) is { } headroom)
            {
                lines.Add(headroom);
            }

            lines.Add(CoverageLine(card));
        }

        if (card.UnknownCodes.Count > 0)
        {
            var codes = string.Join(", ", card.UnknownCodes);
            lines.Add(new ExplanationLine(
                0,
                null,
                $"Nilai diabaikan karena aturan {rules.Version} tidak memiliki indikator ini: {codes}.",
                $"Values ignored because rule set {rules.Version} has no such indicator: {codes}."));
        }

        return lines;
    }

    private static ExplanationLine Summary(Scorecard card, RuleSet rules) =>
        card.PublishedComposite is { } composite && card.Band is { } band
            ? new ExplanationLine(
                0,
                null,
                $"Skor komposit {PointsId(composite)}, predikat {band.Name} (aturan {rules.Version}, {rules.Name}).",
                $"Composite score {PointsEn(composite)}, grade {band.NameEn} (rule set {rules.Version}, {rules.Name}).")
            : new ExplanationLine(
                0,
                null,
                $"Skor komposit tidak dapat dihitung: tidak ada indikator yang memiliki data (aturan {rules.Version}).",
                $"No composite score: no indicator has data (rule set {rules.Version}).");

    private static ExplanationLine DimensionLine(DimensionScore dimension, bool anyApplicable)
    {
        var label = $"{SmartDimensionNames.Letter(dimension.Dimension)} {SmartDimensionNames.Indonesian(dimension.Dimension)}";
        var labelEn = $"{SmartDimensionNames.Letter(dimension.Dimension)} {SmartDimensionNames.English(dimension.Dimension)}";
        var code = dimension.Dimension.ToString();
        if (dimension.Score is not { } score)
        {
            return anyApplicable
                ? new ExplanationLine(
                    1,
                    code,
                    $"{label}: tidak berlaku, tidak ada indikator dengan data; bobotnya {NumberId(dimension.Weight)}% dibagi ke dimensi lain.",
                    $"{labelEn}: not applicable, no indicator has data; its {NumberEn(dimension.Weight)}% weight is shared among the other dimensions.")
                : new ExplanationLine(1, code, $"{label}: tidak berlaku, tidak ada indikator dengan data.", $"{labelEn}: not applicable, no indicator has data.");
        }

        var renormalised = Math.Abs(dimension.EffectiveWeight - dimension.Weight) > WeightTolerance;
        var points = score * dimension.EffectiveWeight / 100;
        return new ExplanationLine(
            1,
            code,
            $"{label}: skor {PointsId(score)}; bobot {NumberId(dimension.Weight)}%"
            + (renormalised ? $" (efektif {NumberId(dimension.EffectiveWeight)}% karena ada dimensi yang tidak berlaku)" : "")
            + $"; menyumbang {PointsId(points)} poin.",
            $"{labelEn}: score {PointsEn(score)}; weight {NumberEn(dimension.Weight)}%"
            + (renormalised ? $" (effective {NumberEn(dimension.EffectiveWeight)}% because a dimension is not applicable)" : "")
            + $"; contributes {PointsEn(points)} points.");
    }

    private static ExplanationLine IndicatorLine(IndicatorScore indicator, IndicatorRule rule, bool dimensionApplicable)
    {
        var label = $"{indicator.Code} {rule.NameId}";
        var labelEn = $"{indicator.Code} {rule.NameEn}";
        if (indicator is not { Raw: { } raw, Score: { } score, Contribution: { } contribution })
        {
            return dimensionApplicable
                ? new ExplanationLine(
                    2,
                    indicator.Code,
                    $"{label}: tidak ada data, tidak berlaku; bobotnya {NumberId(indicator.Weight)}% dibagi ke indikator lain dalam dimensi ini.",
                    $"{labelEn}: no data, not applicable; its {NumberEn(indicator.Weight)}% weight is shared among the dimension's other indicators.")
                : new ExplanationLine(2, indicator.Code, $"{label}: tidak ada data, tidak berlaku.", $"{labelEn}: no data, not applicable.");
        }

        var level = indicator.Level is { } number && rule.Rubric is MaturityRubric maturity
            ? maturity.Levels.First(l => l.Level == number)
            : null;
        var renormalised = Math.Abs(indicator.EffectiveWeight - indicator.Weight) > WeightTolerance;
        return new ExplanationLine(
            2,
            indicator.Code,
            $"{label}: nilai {QuantityId(raw, rule.Unit)}"
            + (indicator.Clamped ? " (di luar rentang yang diharapkan, dipotong)" : "")
            + " → " + (level is null ? "" : $"tingkat {level.Level} {level.NameId}, ")
            + $"skor {PointsId(score)}. Aturan: {indicator.RuleText} Bobot {NumberId(indicator.Weight)}% dari dimensi"
            + (renormalised ? $" (efektif {NumberId(indicator.EffectiveWeight)}%)" : "")
            + $", {NumberId(indicator.CompositeShare)}% dari komposit; menyumbang {PointsId(contribution)} poin."
            + EvidenceId(indicator, rule),
            $"{labelEn}: value {QuantityEn(raw, rule.Unit)}"
            + (indicator.Clamped ? " (outside the expected range, clamped)" : "")
            + " → " + (level is null ? "" : $"level {level.Level} {level.NameEn}, ")
            + $"score {PointsEn(score)}. Rule: {indicator.RuleTextEn} Weight {NumberEn(indicator.Weight)}% of the dimension"
            + (renormalised ? $" (effective {NumberEn(indicator.EffectiveWeight)}%)" : "")
            + $", {NumberEn(indicator.CompositeShare)}% of the composite; contributes {PointsEn(contribution)} points."
            + EvidenceEn(indicator, rule));
    }

    private static string EvidenceId(IndicatorScore indicator, IndicatorRule rule) => indicator.Evidence is not { } evidence
        ? ""
        : indicator.CountsTowardCoverage
            ? $" Dasar data {NumberId(evidence)}."
            : $" Dasar data {NumberId(evidence)}, kurang dari minimum {NumberId(rule.MinimumEvidence)}: tidak dihitung dalam cakupan data.";

    private static string EvidenceEn(IndicatorScore indicator, IndicatorRule rule) => indicator.Evidence is not { } evidence
        ? ""
        : indicator.CountsTowardCoverage
            ? $" Evidence {NumberEn(evidence)}."
            : $" Evidence {NumberEn(evidence)}, below the minimum of {NumberEn(rule.MinimumEvidence)}: not counted toward data coverage.";

    private static ExplanationLine NextBandLine(Scorecard card) =>
        card is { NextBand: { } next, PointsToNextBand: { } points }
            ? new ExplanationLine(
                0,
                null,
                $"Perlu {PointsId(points)} poin lagi untuk predikat {next.Name} (mulai {NumberId(next.MinScore)}).",
                $"Needs {PointsEn(points)} more points to reach {next.NameEn} (from {NumberEn(next.MinScore)}).")
            : new ExplanationLine(
                0,
                null,
                $"Sudah pada predikat tertinggi, {card.Band!.Name}.",
                $"Already in the top grade, {card.Band!.NameEn}.");

    private static ExplanationLine CoverageLine(Scorecard card)
    {
        var coverage = ScoreRounding.Published(card.AutomaticCoverage);
        var minimum = card.MinimumAutomaticCoverage;
        return card.Rankable
            ? new ExplanationLine(
                0,
                null,
                $"Cakupan data otomatis {NumberId(coverage)}% dari bobot penuh (minimum {NumberId(minimum)}%): diperingkat.",
                $"Automatic data coverage {NumberEn(coverage)}% of the full weight (minimum {NumberEn(minimum)}%): ranked.")
            : new ExplanationLine(
                0,
                null,
                $"Cakupan data otomatis {NumberId(coverage)}% dari bobot penuh, di bawah minimum {NumberId(minimum)}%: belum cukup data, skor ditampilkan tetapi tidak diperingkat.",
                $"Automatic data coverage {NumberEn(coverage)}% of the full weight, below the {NumberEn(minimum)}% minimum: insufficient data, the score is shown but not ranked.");
    }

    private static ExplanationLine? LargestHeadroom(Scorecard card, RuleSet rules)
    {
        // Points gained if one indicator reached 100 with everything else unchanged: where an OPD head should look first.
        var best = card.Indicators
            .Where(i => i.Score is not null)
            .Select(i => (Indicator: i, Headroom: (100 - i.Score!.Value) * i.CompositeShare / 100))
            .Where(x => ScoreRounding.Published(x.Headroom) > 0)
            .OrderByDescending(x => x.Headroom)
            .FirstOrDefault();
        if (best.Indicator is null)
        {
            return null;
        }

        var rule = rules.Indicator(best.Indicator.Code)!;
        return new ExplanationLine(
            0,
            best.Indicator.Code,
            $"Ruang perbaikan terbesar: {best.Indicator.Code} {rule.NameId}, hingga {PointsId(best.Headroom)} poin bila skornya 100.",
            $"Most room to improve: {best.Indicator.Code} {rule.NameEn}, up to {PointsEn(best.Headroom)} points at a score of 100.");
    }
}
