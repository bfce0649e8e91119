using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class InverseLinearRubricTests
{
    private static readonly InverseLinearRubric DaysLate = new(Best: 0, Worst: 10);

    [Theory]
    [InlineData(0, 100)]
    [InlineData(2.5, 75)]
    [InlineData(5, 50)]
    [InlineData(9.9, 1)]
    public void Apply_BetweenBestAndWorst_LowerScoresHigher(double raw, double expected)
    {
        Assert.Equal(expected, DaysLate.Apply(raw).Score, 9);
    }

    [Fact]
    public void Apply_AtWorst_ScoresZero()
    {
        Assert.Equal(0, DaysLate.Apply(10).Score);
    }

    [Fact]
    public void Apply_BeyondWorst_ScoresZeroWithoutFlag()
    {
        var result = DaysLate.Apply(25);

        Assert.Equal(0, result.Score);
        Assert.False(result.Clamped);
    }

    [Fact]
    public void Apply_Negative_ClampsToBestAndFlags()
    {
        var result = DaysLate.Apply(-2);

        Assert.Equal(100, result.Score);
        Assert.True(result.Clamped);
    }

    [Fact]
    public void Apply_BetterThanNonZeroBest_ScoresHundred()
    {
        var result = new InverseLinearRubric(Best: 1, Worst: 5).Apply(0.5);

        Assert.Equal(100, result.Score);
        Assert.False(result.Clamped);
    }

    [Fact]
    public void Describe_Days_WritesUnitInEachLanguage()
    {
        Assert.Equal("Makin kecil makin baik: 0 hari → 100; 10 hari atau lebih → 0; sebanding di antaranya.", DaysLate.DescribeId(IndicatorUnit.Days));
        Assert.Equal("Lower is better: 0 days → 100; 10 days or more → 0; proportional in between.", DaysLate.DescribeEn(IndicatorUnit.Days));
    }
}
