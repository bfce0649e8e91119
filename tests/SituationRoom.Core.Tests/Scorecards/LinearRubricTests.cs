using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class LinearRubricTests
{
    private static readonly LinearRubric Plain = new();
    private static readonly LinearRubric HotspotUptime = new(Floor: 90);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(42.5, 42.5)]
    [InlineData(100, 100)]
    public void Apply_PlainRange_ScoresThePercentage(double raw, double expected)
    {
        var result = Plain.Apply(raw);

        Assert.Equal(expected, result.Score, 9);
        Assert.False(result.Clamped);
        Assert.Null(result.Level);
    }

    [Fact]
    public void Apply_AtFloor_ScoresZero()
    {
        Assert.Equal(0, HotspotUptime.Apply(90).Score);
    }

    [Fact]
    public void Apply_BelowFloor_ScoresZeroWithoutFlag()
    {
        var result = HotspotUptime.Apply(85);

        Assert.Equal(0, result.Score);
        Assert.False(result.Clamped);
    }

    [Theory]
    [InlineData(95, 50)]
    [InlineData(99, 90)]
    [InlineData(90.5, 5)]
    public void Apply_BetweenFloorAndCeiling_ScoresProportionally(double raw, double expected)
    {
        Assert.Equal(expected, HotspotUptime.Apply(raw).Score, 9);
    }

    [Theory]
    [InlineData(95)]
    [InlineData(98)]
    public void Apply_AtOrAboveCeiling_ScoresHundred(double raw)
    {
        Assert.Equal(100, new LinearRubric(Ceiling: 95).Apply(raw).Score);
    }

    [Fact]
    public void Apply_AboveHundredPercent_ClampsAndFlags()
    {
        var result = Plain.Apply(120);

        Assert.Equal(100, result.Score);
        Assert.True(result.Clamped);
    }

    [Fact]
    public void Apply_NegativePercent_ClampsAndFlags()
    {
        var result = HotspotUptime.Apply(-3);

        Assert.Equal(0, result.Score);
        Assert.True(result.Clamped);
    }

    [Fact]
    public void Apply_FloatingPointNoiseAboveHundred_IsNotFlagged()
    {
        var result = Plain.Apply(100 + 1e-12);

        Assert.Equal(100, result.Score);
        Assert.False(result.Clamped);
    }

    [Fact]
    public void Apply_NotFinite_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Plain.Apply(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plain.Apply(double.NaN));
    }

    [Fact]
    public void Describe_WithFloor_SaysWhereCountingStartsInBothLanguages()
    {
        Assert.Equal("Linear: 90% atau kurang → 0; 100% → 100; sebanding di antaranya.", HotspotUptime.DescribeId(IndicatorUnit.Percent));
        Assert.Equal("Linear: 90% or less → 0; 100% → 100; proportional in between.", HotspotUptime.DescribeEn(IndicatorUnit.Percent));
    }

    [Fact]
    public void DescribeId_FractionalCeiling_UsesDecimalComma()
    {
        Assert.Contains("97,5% atau lebih → 100", new LinearRubric(Ceiling: 97.5).DescribeId(IndicatorUnit.Percent));
    }
}
