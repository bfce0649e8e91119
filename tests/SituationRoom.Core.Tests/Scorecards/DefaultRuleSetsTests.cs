using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class DefaultRuleSetsTests
{
    private static readonly RuleSet Smart = DefaultRuleSets.Smart2026;

    [Fact]
    public void Smart2026_Loads_WithVersionNameAndStartDate()
    {
        Assert.Equal("smart-2026.1", Smart.Version);
        Assert.Equal(new DateOnly(2026, 1, 1), Smart.EffectiveFrom);
        Assert.Empty(RuleSetValidation.Errors(Smart));
    }

    [Fact]
    public void Smart2026_IndicatorCodes_AreExactlyTheOnesTheWebLayerComputes()
    {
        string[] expected =
        [
            "S.feeds_connected", "S.systems_integrated",
            "M.assets_reporting", "M.complaints_updated",
            "A.hotspot_uptime", "A.camera_uptime", "A.online_services",
            "R.not_reopened", "R.rejections_upheld", "R.satisfaction",
            "T.sla_met", "T.mean_days_late",
        ];

        Assert.Equal(expected, Smart.Indicators.Select(i => i.Code));
    }

    [Fact]
    public void Smart2026_DimensionWeights_AreTwentyEachSummingToHundred()
    {
        Assert.Equal(Enum.GetValues<SmartDimension>(), Smart.ScoredDimensions);
        Assert.All(Smart.Dimensions.Values, w => Assert.Equal(20, w));
        Assert.Equal(100, Smart.Dimensions.Values.Sum());
    }

    [Fact]
    public void Smart2026_IndicatorWeights_SumToHundredInEachDimension()
    {
        foreach (var dimension in Enum.GetValues<SmartDimension>())
        {
            Assert.Equal(100, Smart.IndicatorsOf(dimension).Sum(i => i.Weight), 9);
        }
    }

    [Theory]
    [InlineData("S.feeds_connected", 60)]
    [InlineData("S.systems_integrated", 40)]
    [InlineData("M.assets_reporting", 60)]
    [InlineData("M.complaints_updated", 40)]
    [InlineData("A.hotspot_uptime", 35)]
    [InlineData("A.camera_uptime", 35)]
    [InlineData("A.online_services", 30)]
    [InlineData("R.not_reopened", 40)]
    [InlineData("R.rejections_upheld", 30)]
    [InlineData("R.satisfaction", 30)]
    [InlineData("T.sla_met", 70)]
    [InlineData("T.mean_days_late", 30)]
    public void Smart2026_IndicatorWeight_IsAsDocumented(string code, double weight)
    {
        Assert.Equal(weight, Smart.Indicator(code)!.Weight);
    }

    [Fact]
    public void Smart2026_ManualIndicators_WeighAtMostFortyPercentOfADimension()
    {
        Assert.Equal(
            ["S.systems_integrated", "A.online_services", "R.satisfaction"],
            Smart.Indicators.Where(i => i.Source == IndicatorSource.Manual).Select(i => i.Code));
        Assert.All(Smart.Indicators.Where(i => i.Source == IndicatorSource.Manual), i => Assert.True(i.Weight <= 40));
    }

    [Fact]
    public void Smart2026_Rubrics_AreAsSpecified()
    {
        Assert.Equal(new LinearRubric(90, 100), Smart.Indicator("A.hotspot_uptime")!.Rubric);
        Assert.Equal(new LinearRubric(80, 100), Smart.Indicator("A.camera_uptime")!.Rubric);
        Assert.Equal(new LinearRubric(0, 100), Smart.Indicator("T.sla_met")!.Rubric);
        Assert.Equal(new InverseLinearRubric(0, 10), Smart.Indicator("T.mean_days_late")!.Rubric);
        var integration = Assert.IsType<MaturityRubric>(Smart.Indicator("S.systems_integrated")!.Rubric);
        Assert.Equal([20, 40, 60, 80, 100], integration.Levels.Select(l => l.Score));
        var satisfaction = Assert.IsType<MaturityRubric>(Smart.Indicator("R.satisfaction")!.Rubric);
        Assert.Equal(5, satisfaction.MaxRaw);
    }

    [Fact]
    public void Smart2026_Bands_RunFromSangatBaikDownToBurukAtZero()
    {
        Assert.Equal(["Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk"], Smart.Bands.Select(b => b.Name));
        Assert.Equal([85, 70, 55, 40, 0], Smart.Bands.Select(b => b.MinScore));
        Assert.Equal(["Very Good", "Good", "Fair", "Poor", "Bad"], Smart.Bands.Select(b => b.NameEn));
    }

    [Fact]
    public void Smart2026_EveryIndicator_HasNamesDescriptionsAndRuleTextInBothLanguages()
    {
        Assert.All(Smart.Indicators, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.NameId));
            Assert.False(string.IsNullOrWhiteSpace(i.NameEn));
            Assert.False(string.IsNullOrWhiteSpace(i.DescriptionId));
            Assert.False(string.IsNullOrWhiteSpace(i.DescriptionEn));
            Assert.NotEqual(i.RuleTextId, i.RuleTextEn);
        });
    }

    [Fact]
    public void Catalogue_PeriodIn2026_UsesSmart2026AndBeforeHasNone()
    {
        Assert.Same(Smart, DefaultRuleSets.Catalogue.For(new DateOnly(2026, 11, 23)));
        Assert.Null(DefaultRuleSets.Catalogue.For(new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Smart2026Json_IsTheShippedTemplate()
    {
        Assert.Contains("\"version\": \"smart-2026.1\"", DefaultRuleSets.Smart2026Json);
    }
}
