using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class MaturityRubricTests
{
    private static readonly MaturityRubric Satisfaction = SampleRuleSets.Satisfaction();

    [Theory]
    [InlineData(1.5, 2, 40)]
    [InlineData(2.5, 3, 60)]
    [InlineData(3.5, 4, 80)]
    [InlineData(4.5, 5, 100)]
    public void Apply_AtThreshold_ReachesThatLevel(double raw, int level, double score)
    {
        var result = Satisfaction.Apply(raw);

        Assert.Equal(level, result.Level);
        Assert.Equal(score, result.Score);
        Assert.False(result.Clamped);
    }

    [Theory]
    [InlineData(1.49, 1, 20)]
    [InlineData(3.49, 3, 60)]
    [InlineData(4.49, 4, 80)]
    public void Apply_JustBelowThreshold_StaysAtLevelBelow(double raw, int level, double score)
    {
        var result = Satisfaction.Apply(raw);

        Assert.Equal(level, result.Level);
        Assert.Equal(score, result.Score);
    }

    [Fact]
    public void Apply_TopOfScale_ReachesTopLevelWithoutFlag()
    {
        var result = Satisfaction.Apply(5);

        Assert.Equal(5, result.Level);
        Assert.False(result.Clamped);
    }

    [Fact]
    public void Apply_BelowScale_ClampsToLevelOneAndFlags()
    {
        var result = Satisfaction.Apply(0);

        Assert.Equal(1, result.Level);
        Assert.Equal(20, result.Score);
        Assert.True(result.Clamped);
    }

    [Fact]
    public void Apply_AboveScale_ClampsToTopLevelAndFlags()
    {
        var result = Satisfaction.Apply(7);

        Assert.Equal(5, result.Level);
        Assert.Equal(100, result.Score);
        Assert.True(result.Clamped);
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(3, 60)]
    [InlineData(4, 80)]
    [InlineData(5, 100)]
    public void Apply_DefaultIntegrationLevels_ScoreTwentyPerLevel(double level, double expected)
    {
        var rubric = (MaturityRubric)DefaultRuleSets.Smart2026.Indicator("S.systems_integrated")!.Rubric;

        Assert.Equal(expected, rubric.Apply(level).Score);
    }

    [Fact]
    public void Describe_ListsEveryLevelWithThresholdAndScore()
    {
        var id = Satisfaction.DescribeId(IndicatorUnit.Rating);
        var en = Satisfaction.DescribeEn(IndicatorUnit.Rating);

        Assert.Contains("tingkat 2 Tidak puas (≥ 1,5) → 40", id);
        Assert.Contains("tingkat 5 Sangat puas (≥ 4,5) → 100", id);
        Assert.Contains("level 2 Dissatisfied (≥ 1.5) → 40", en);
    }
}
