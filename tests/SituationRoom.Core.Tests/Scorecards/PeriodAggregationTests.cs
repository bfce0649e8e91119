using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class PeriodAggregationTests
{
    [Fact]
    public void Combine_Days_IsTheWeightedMean()
    {
        var combined = PeriodAggregation.Combine([(100, 1), (50, 3)]);

        Assert.Equal(62.5, combined!.Value, 9);
    }

    [Fact]
    public void Combine_DaysWithoutValue_AreSkippedNotCountedAsZero()
    {
        var combined = PeriodAggregation.Combine([(80, 2), (null, 10), (double.NaN, 5), (90, 2)]);

        Assert.Equal(85, combined!.Value, 9);
    }

    [Fact]
    public void Combine_AllDaysWithoutValue_IsNull()
    {
        Assert.Null(PeriodAggregation.Combine([(null, 1), (null, 4)]));
    }

    [Fact]
    public void Combine_NoDays_IsNull()
    {
        Assert.Null(PeriodAggregation.Combine([]));
    }

    [Fact]
    public void Combine_DaysWithNothingBehindThem_AreSkipped()
    {
        Assert.Equal(70, PeriodAggregation.Combine([(70, 4), (0, 0)]));
        Assert.Null(PeriodAggregation.Combine([(70, 0)]));
    }

    [Fact]
    public void Combine_NegativeWeight_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodAggregation.Combine([(70, -1)]));
    }

    [Fact]
    public void CombineIndicators_EachCode_UsesItsOwnDailyWeights()
    {
        var monday = (Values: Dict(("T.sla_met", 100), ("A.hotspot_uptime", 99)), Weights: Weights(("T.sla_met", 1), ("A.hotspot_uptime", 24)));
        var tuesday = (Values: Dict(("T.sla_met", 50), ("A.hotspot_uptime", null)), Weights: Weights(("T.sla_met", 9), ("A.hotspot_uptime", 24)));

        var week = PeriodAggregation.CombineIndicators([monday, tuesday]);

        Assert.Equal(55, week["T.sla_met"]!.Value, 9);
        Assert.Equal(99, week["A.hotspot_uptime"]!.Value, 9);
    }

    [Fact]
    public void CombineIndicators_CodeWithoutValueAllWeek_StaysNotApplicableWhenScored()
    {
        var day = (Values: Dict(("T.sla_met", 80), ("T.mean_days_late", null)), Weights: Weights(("T.sla_met", 5)));

        var week = PeriodAggregation.CombineIndicators([day, day]);
        var card = SmartScoring.Score(week, DefaultRuleSets.Smart2026);

        Assert.Null(week["T.mean_days_late"]);
        Assert.False(card.Indicator("T.mean_days_late")!.Applicable);
        Assert.Equal(80, card.Composite!.Value, 9);
    }

    private static IReadOnlyDictionary<string, double?> Dict(params (string Code, double? Value)[] values) =>
        values.ToDictionary(v => v.Code, v => v.Value);

    private static IReadOnlyDictionary<string, double> Weights(params (string Code, double Weight)[] weights) =>
        weights.ToDictionary(w => w.Code, w => w.Weight);
}
