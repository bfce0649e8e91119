namespace SituationRoom.Core.Scorecards;

/// <summary>Scores one OPD's indicator values for one period. A dimension is the weighted mean of its applicable
/// indicators, the composite the weighted mean of its applicable dimensions; an indicator with no value is
/// left out and its weight shared among the rest, never counted as 0 or 100.</summary>
public static class SmartScoring
{
    // By reference, not record equality: a set is checked once per instance, and a changed set is a new instance.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleSet, object> Validated = [];
    private static readonly object Checked = new();

    /// <param name="rawValues">By indicator code. A missing code, a null or NaN means "no data": not applicable.</param>
    /// <param name="evidence">What stands behind each automatic reading, by code; an indicator below its rule's
    /// <see cref="IndicatorRule.MinimumEvidence"/> still scores but does not count toward coverage. Null: all suffice.</param>
    public static Scorecard Score(IReadOnlyDictionary<string, double?> rawValues, RuleSet rules, IReadOnlyDictionary<string, double>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(rawValues);
        ArgumentNullException.ThrowIfNull(rules);

        // A year of daily history scores the same rule set tens of thousands of times; validate each instance once.
        if (!Validated.TryGetValue(rules, out _))
        {
            RuleSetValidation.ThrowIfInvalid(rules);
            Validated.AddOrUpdate(rules, Checked);
        }

        // Sums run in the rule set's order, never the dictionary's, so the same values give bit-identical scores.
        var dimensions = rules.ScoredDimensions
            .Select(d => ScoreDimension(d, rules.Dimensions[d], rules.IndicatorsOf(d).ToList(), rawValues, evidence))
            .ToList();

        var applicableWeight = dimensions.Where(d => d.Score is not null).Sum(d => d.Weight);
        double? composite = applicableWeight > 0
            ? dimensions.Where(d => d.Score is not null).Sum(d => d.Weight * d.Score!.Value) / applicableWeight
            : null;

        var shared = dimensions.Select(d => ShareOut(d, applicableWeight)).ToList();

        GradeBand? band = null, nextBand = null;
        double? pointsToNext = null;
        if (composite is { } value)
        {
            var published = ScoreRounding.Published(value);
            band = rules.BandFor(published);
            nextBand = rules.BandAbove(band);
            pointsToNext = nextBand is null ? null : ScoreRounding.Published(nextBand.MinScore - published);
        }

        return new Scorecard
        {
            RuleSetVersion = rules.Version,
            Composite = composite,
            Band = band,
            NextBand = nextBand,
            PointsToNextBand = pointsToNext,
            Dimensions = shared,
            AutomaticCoverage = shared.Sum(d => d.Indicators.Where(i => i.CountsTowardCoverage).Sum(i => d.Weight * i.Weight / 100)),
            MinimumAutomaticCoverage = rules.MinimumAutomaticCoverage,
            UnknownCodes = rawValues.Keys.Where(code => rules.Indicator(code) is null).Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static DimensionScore ScoreDimension(
        SmartDimension dimension,
        double weight,
        List<IndicatorRule> indicators,
        IReadOnlyDictionary<string, double?> rawValues,
        IReadOnlyDictionary<string, double>? evidence)
    {
        var results = indicators
            .Select(rule => (Rule: rule, Raw: RawValue(rawValues, rule.Code)))
            .Select(x => (x.Rule, x.Raw, Result: x.Raw is { } raw ? x.Rule.Rubric.Apply(raw) : (RubricResult?)null))
            .ToList();

        var applicableWeight = results.Where(r => r.Result is not null).Sum(r => r.Rule.Weight);
        double? score = applicableWeight > 0
            ? results.Where(r => r.Result is not null).Sum(r => r.Rule.Weight * r.Result!.Value.Score) / applicableWeight
            : null;

        var scores = results.Select(r => new IndicatorScore
        {
            Evidence = r.Rule.Source == IndicatorSource.Automatic && evidence is not null ? evidence.GetValueOrDefault(r.Rule.Code) : null,
            CountsTowardCoverage = r.Result is not null && r.Rule.Source == IndicatorSource.Automatic
                && (evidence is null || evidence.GetValueOrDefault(r.Rule.Code) >= r.Rule.MinimumEvidence),
            Code = r.Rule.Code,
            Dimension = dimension,
            Raw = r.Raw,
            Score = r.Result?.Score,
            Weight = r.Rule.Weight,
            EffectiveWeight = r.Result is null ? 0 : r.Rule.Weight / applicableWeight * 100,
            CompositeShare = 0,
            Contribution = null,
            Applicable = r.Result is not null,
            Clamped = r.Result?.Clamped ?? false,
            Level = r.Result?.Level,
            RuleText = r.Rule.RuleTextId,
            RuleTextEn = r.Rule.RuleTextEn,
        }).ToList();

        return new DimensionScore { Dimension = dimension, Score = score, Weight = weight, EffectiveWeight = 0, Indicators = scores };
    }

    private static DimensionScore ShareOut(DimensionScore dimension, double applicableWeight)
    {
        var effective = dimension.Score is null ? 0 : dimension.Weight / applicableWeight * 100;
        return dimension with
        {
            EffectiveWeight = effective,
            Indicators = dimension.Indicators.Select(i => i with
            {
                CompositeShare = i.EffectiveWeight * effective / 100,
                Contribution = i.Score * (i.EffectiveWeight * effective / 100) / 100,
            }).ToList(),
        };
    }

    private static double? RawValue(IReadOnlyDictionary<string, double?> rawValues, string code)
    {
        if (!rawValues.TryGetValue(code, out var value) || value is not { } raw || double.IsNaN(raw))
        {
            return null;
        }

        // An infinity is a division by zero upstream; clamping it would hand out a silent 0 or 100.
        return double.IsInfinity(raw)
            ? throw new ArgumentOutOfRangeException(nameof(rawValues), raw, $"Indicator {code} has an infinite value; pass null when there is no data.")
            : raw;
    }
}
