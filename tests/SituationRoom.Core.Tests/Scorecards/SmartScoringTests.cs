using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class SmartScoringTests
{
    private static readonly RuleSet Rules = SampleRuleSets.TwoDimensions();

    [Fact]
    public void Score_AllIndicatorsGiven_IsWeightedMeanOfWeightedMeans()
    {
        var card = SmartScoring.Score(Values(("S.a", 80), ("S.b", 50), ("T.a", 90)), Rules);

        Assert.Equal(68, card.Dimension(SmartDimension.Systemic)!.Score!.Value, 9);
        Assert.Equal(90, card.Dimension(SmartDimension.Timebound)!.Score!.Value, 9);
        Assert.Equal(79, card.Composite!.Value, 9);
        Assert.Equal("test-1", card.RuleSetVersion);
    }

    [Fact]
    public void Score_IndicatorMissing_ShareItsWeightWithinTheDimension()
    {
        var card = SmartScoring.Score(Values(("S.a", 80), ("T.a", 90)), Rules);

        var systemic = card.Dimension(SmartDimension.Systemic)!;
        Assert.Equal(80, systemic.Score!.Value, 9);
        var missing = card.Indicator("S.b")!;
        Assert.False(missing.Applicable);
        Assert.Null(missing.Score);
        Assert.Null(missing.Contribution);
        Assert.Equal(0, missing.EffectiveWeight);
        Assert.Equal(40, missing.Weight);
        Assert.Equal(100, card.Indicator("S.a")!.EffectiveWeight, 9);
        Assert.Equal(85, card.Composite!.Value, 9);
    }

    [Fact]
    public void Score_IndicatorNullOrNaN_IsNotApplicableRatherThanZero()
    {
        var withNull = SmartScoring.Score(new Dictionary<string, double?> { ["S.a"] = 80, ["S.b"] = null, ["T.a"] = 90 }, Rules);
        var withNaN = SmartScoring.Score(Values(("S.a", 80), ("S.b", double.NaN), ("T.a", 90)), Rules);

        Assert.False(withNull.Indicator("S.b")!.Applicable);
        Assert.False(withNaN.Indicator("S.b")!.Applicable);
        Assert.Null(withNaN.Indicator("S.b")!.Raw);
        Assert.Equal(85, withNull.Composite!.Value, 9);
        Assert.Equal(85, withNaN.Composite!.Value, 9);
    }

    [Fact]
    public void Score_DimensionWithoutData_ShareItsWeightAmongDimensions()
    {
        var card = SmartScoring.Score(Values(("S.a", 80), ("S.b", 50)), Rules);

        var timebound = card.Dimension(SmartDimension.Timebound)!;
        Assert.False(timebound.Applicable);
        Assert.Null(timebound.Score);
        Assert.Equal(0, timebound.EffectiveWeight);
        Assert.Equal(100, card.Dimension(SmartDimension.Systemic)!.EffectiveWeight, 9);
        Assert.Equal(68, card.Composite!.Value, 9);
    }

    [Fact]
    public void Score_NothingApplicable_CompositeIsNullNeverZero()
    {
        var card = SmartScoring.Score(new Dictionary<string, double?> { ["S.a"] = null }, Rules);

        Assert.Null(card.Composite);
        Assert.Null(card.PublishedComposite);
        Assert.Null(card.Band);
        Assert.Null(card.NextBand);
        Assert.Null(card.PointsToNextBand);
        Assert.All(card.Dimensions, d => Assert.False(d.Applicable));
        Assert.All(card.Indicators, i => Assert.Equal(0, i.CompositeShare));
    }

    [Fact]
    public void Score_NoValuesAtAll_CompositeIsNull()
    {
        Assert.Null(SmartScoring.Score(new Dictionary<string, double?>(), DefaultRuleSets.Smart2026).Composite);
    }

    [Fact]
    public void Score_ValueAboveRange_IsClampedFlaggedAndKeptAsGiven()
    {
        var card = SmartScoring.Score(Values(("S.a", 130), ("S.b", 100), ("T.a", 100)), Rules);

        var clamped = card.Indicator("S.a")!;
        Assert.True(clamped.Clamped);
        Assert.Equal(130, clamped.Raw);
        Assert.Equal(100, clamped.Score);
        Assert.Equal(100, card.Composite!.Value, 9);
        Assert.False(card.Indicator("S.b")!.Clamped);
    }

    [Fact]
    public void Score_InfiniteValue_ThrowsNamingTheIndicator()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SmartScoring.Score(Values(("S.b", double.PositiveInfinity)), Rules));

        Assert.Contains("S.b", exception.Message);
    }

    [Fact]
    public void Score_Contributions_SumToTheComposite()
    {
        var card = SmartScoring.Score(DefaultValues(), DefaultRuleSets.Smart2026);

        Assert.Equal(card.Composite!.Value, card.Indicators.Sum(i => i.Contribution ?? 0), 9);
        Assert.Equal(100, card.Indicators.Sum(i => i.CompositeShare), 9);
    }

    [Fact]
    public void Score_SomeNotApplicable_EffectiveWeightsStillSumToHundred()
    {
        var values = DefaultValues();
        values.Remove("A.camera_uptime");
        values.Remove("R.satisfaction");
        values.Remove("R.not_reopened");
        values.Remove("R.rejections_upheld");

        var card = SmartScoring.Score(values, DefaultRuleSets.Smart2026);

        Assert.Equal(100, card.Dimensions.Sum(d => d.EffectiveWeight), 9);
        Assert.Equal(25, card.Dimension(SmartDimension.Accessible)!.EffectiveWeight, 9);
        Assert.All(card.Dimensions.Where(d => d.Applicable), d => Assert.Equal(100, d.Indicators.Sum(i => i.EffectiveWeight), 9));
        Assert.Equal(35 / 65.0 * 100, card.Indicator("A.hotspot_uptime")!.EffectiveWeight, 9);
        Assert.Equal(card.Composite!.Value, card.Indicators.Sum(i => i.Contribution ?? 0), 9);
    }

    [Fact]
    public void Score_SameValuesInAnotherDictionaryOrder_GivesBitIdenticalScorecard()
    {
        var values = DefaultValues();
        var reversed = new Dictionary<string, double?>();
        foreach (var (code, value) in values.Reverse())
        {
            reversed[code] = value;
        }

        var first = SmartScoring.Score(values, DefaultRuleSets.Smart2026);
        var second = SmartScoring.Score(reversed, DefaultRuleSets.Smart2026);

        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void Score_RecomputedForTheSamePeriod_GivesTheSameScorecard()
    {
        var values = DefaultValues();

        var runs = Enumerable.Range(0, 3).Select(_ => Fingerprint(SmartScoring.Score(values, DefaultRuleSets.Smart2026))).Distinct();

        Assert.Single(runs);
    }

    [Fact]
    public void Score_UnknownCode_IsListedAndIgnored()
    {
        var card = SmartScoring.Score(Values(("S.a", 80), ("S.zz", 10), ("A.typo", 0), ("T.a", 90)), Rules);

        Assert.Equal(["A.typo", "S.zz"], card.UnknownCodes);
        Assert.Equal(85, card.Composite!.Value, 9);
    }

    [Fact]
    public void Score_InvalidRuleSet_Throws()
    {
        var broken = Rules with { Bands = [] };

        Assert.Throws<RuleSetValidationException>(() => SmartScoring.Score(Values(("S.a", 1)), broken));
    }

    [Fact]
    public void Score_Dimensions_ComeInSmartOrderWithTheirIndicatorsInRuleOrder()
    {
        var card = SmartScoring.Score(DefaultValues(), DefaultRuleSets.Smart2026);

        Assert.Equal(Enum.GetValues<SmartDimension>(), card.Dimensions.Select(d => d.Dimension));
        Assert.Equal(DefaultRuleSets.Smart2026.Indicators.Select(i => i.Code), card.Indicators.Select(i => i.Code));
    }

    [Theory]
    [InlineData(85, "Sangat Baik")]
    [InlineData(84.99, "Baik")]
    [InlineData(70, "Baik")]
    [InlineData(69.99, "Cukup")]
    [InlineData(40, "Kurang")]
    [InlineData(0, "Buruk")]
    public void Score_CompositeAtOrBelowBandEdge_GetsTheBandItReaches(double composite, string band)
    {
        var card = SmartScoring.Score(Values(("S.only", composite)), SampleRuleSets.SingleIndicator());

        Assert.Equal(band, card.Band!.Name);
    }

    [Fact]
    public void Score_BelowTopBand_SaysPointsToNextBand()
    {
        var card = SmartScoring.Score(Values(("S.only", 78.4)), SampleRuleSets.SingleIndicator());

        Assert.Equal("Baik", card.Band!.Name);
        Assert.Equal("Sangat Baik", card.NextBandName);
        Assert.Equal(6.6, card.PointsToNextBand);
    }

    [Fact]
    public void Score_InTopBand_HasNoNextBand()
    {
        var card = SmartScoring.Score(Values(("S.only", 92)), SampleRuleSets.SingleIndicator());

        Assert.Equal("Sangat Baik", card.Band!.Name);
        Assert.Null(card.NextBand);
        Assert.Null(card.NextBandName);
        Assert.Null(card.PointsToNextBand);
    }

    [Fact]
    public void Score_CompositeThatPublishesAtBandEdge_GetsTheBandItIsShownWith()
    {
        var card = SmartScoring.Score(Values(("S.only", 84.996)), SampleRuleSets.SingleIndicator());

        Assert.Equal(84.996, card.Composite!.Value, 12);
        Assert.Equal(85, card.PublishedComposite);
        Assert.Equal("Sangat Baik", card.Band!.Name);
    }

    [Fact]
    public void Score_MaturityIndicator_ReportsTheLevelReached()
    {
        var card = SmartScoring.Score(Values(("R.satisfaction", 4.6), ("S.systems_integrated", 3)), DefaultRuleSets.Smart2026);

        Assert.Equal(5, card.Indicator("R.satisfaction")!.Level);
        Assert.Equal(3, card.Indicator("S.systems_integrated")!.Level);
        Assert.Equal(100, card.Dimension(SmartDimension.Reliable)!.Score);
        Assert.Null(card.Indicator("T.sla_met")!.Level);
    }

    [Fact]
    public void Score_DefaultRules_WorkedExampleMatchesHandCalculation()
    {
        var card = SmartScoring.Score(DefaultValues(), DefaultRuleSets.Smart2026);

        // S: 0.6*92 + 0.4*60 = 79.2; M: 0.6*88 + 0.4*75 = 82.8; A: 0.35*50 + 0.35*75 + 0.3*40 = 55.75;
        // R: 0.4*95 + 0.3*90 + 0.3*80 = 89; T: 0.7*81 + 0.3*70 = 77.7; composite = mean = 76.89.
        Assert.Equal(79.2, card.Dimension(SmartDimension.Systemic)!.Score!.Value, 9);
        Assert.Equal(55.75, card.Dimension(SmartDimension.Accessible)!.Score!.Value, 9);
        Assert.Equal(77.7, card.Dimension(SmartDimension.Timebound)!.Score!.Value, 9);
        Assert.Equal(76.89, card.Composite!.Value, 9);
        Assert.Equal("Baik", card.Band!.Name);
        Assert.Equal(8.11, card.PointsToNextBand);
        Assert.Equal(card.Indicator("T.sla_met")!.RuleText, DefaultRuleSets.Smart2026.Indicator("T.sla_met")!.RuleTextId);
    }

    internal static Dictionary<string, double?> DefaultValues() => new()
    {
        ["S.feeds_connected"] = 92,
        ["S.systems_integrated"] = 3,
        ["M.assets_reporting"] = 88,
        ["M.complaints_updated"] = 75,
        ["A.hotspot_uptime"] = 95,
        ["A.camera_uptime"] = 95,
        ["A.online_services"] = 40,
        ["R.not_reopened"] = 95,
        ["R.rejections_upheld"] = 90,
        ["R.satisfaction"] = 3.8,
        ["T.sla_met"] = 81,
        ["T.mean_days_late"] = 3,
    };

    private static Dictionary<string, double?> Values(params (string Code, double Value)[] values) =>
        values.ToDictionary(v => v.Code, v => (double?)v.Value);

    private static string Fingerprint(Scorecard card) => string.Join(
        "|",
        new[] { card.RuleSetVersion, Bits(card.Composite), card.Band?.Name, Bits(card.PointsToNextBand) }
            .Concat(card.Dimensions.Select(d => $"{d.Dimension}:{Bits(d.Score)}:{Bits(d.EffectiveWeight)}"))
            .Concat(card.Indicators.Select(i =>
                $"{i.Code}:{Bits(i.Raw)}:{Bits(i.Score)}:{Bits(i.EffectiveWeight)}:{Bits(i.CompositeShare)}:{Bits(i.Contribution)}:{i.Clamped}:{i.Level}")));

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
}
