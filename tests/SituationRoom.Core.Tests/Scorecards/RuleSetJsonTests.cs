using System.Text.Json.Nodes;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class RuleSetJsonTests
{
    [Fact]
    public void Serialize_ThenParse_GivesTheSameJsonAgain()
    {
        var json = RuleSetJson.Serialize(DefaultRuleSets.Smart2026);

        var again = RuleSetJson.Serialize(RuleSetJson.Parse(json));

        Assert.Equal(json, again);
    }

    [Fact]
    public void Serialize_ThenParse_KeepsEveryRuleParameter()
    {
        var original = DefaultRuleSets.Smart2026;

        var parsed = RuleSetJson.Parse(RuleSetJson.Serialize(original));

        Assert.Equal(original.Version, parsed.Version);
        Assert.Equal(original.EffectiveFrom, parsed.EffectiveFrom);
        Assert.Equal(original.Name, parsed.Name);
        Assert.Equal(original.Dimensions.OrderBy(d => d.Key), parsed.Dimensions.OrderBy(d => d.Key));
        Assert.Equal(original.Bands, parsed.Bands);
        Assert.Equal(original.Indicators.Count, parsed.Indicators.Count);
        foreach (var (before, after) in original.Indicators.Zip(parsed.Indicators))
        {
            Assert.Equal(before with { Rubric = after.Rubric }, after);
            Assert.Equal(before.DescriptionEn, after.DescriptionEn);
            Assert.Equal(before.RuleTextId, after.RuleTextId);
            if (before.Rubric is MaturityRubric maturity)
            {
                var parsedMaturity = Assert.IsType<MaturityRubric>(after.Rubric);
                Assert.Equal(maturity.Levels, parsedMaturity.Levels);
                Assert.Equal(maturity.MaxRaw, parsedMaturity.MaxRaw);
            }
            else
            {
                Assert.Equal(before.Rubric, after.Rubric);
            }
        }
    }

    [Fact]
    public void Serialize_FractionalWeights_RoundTripExactly()
    {
        var rules = SampleRuleSets.TwoDimensions() with
        {
            Dimensions = new Dictionary<SmartDimension, double> { [SmartDimension.Systemic] = 100 / 3.0, [SmartDimension.Timebound] = 200 / 3.0 },
        };

        var parsed = RuleSetJson.Parse(RuleSetJson.Serialize(rules));

        Assert.Equal(100 / 3.0, parsed.Dimensions[SmartDimension.Systemic]);
    }

    [Fact]
    public void Parse_WeightNotANumber_NamesIndicatorAndField()
    {
        var json = Mutate(root => root["indicators"]![1]!["weight"] = "forty");

        var error = Assert.Single(ParseErrors(json));

        Assert.Equal("indicators[1] (S.b).weight: must be a number (got \"forty\")", error);
    }

    [Fact]
    public void Parse_FloorAboveCeiling_NamesIndicatorRubricAndField()
    {
        var json = Mutate(root => root["indicators"]![2]!["rubric"]!["floor"] = 100);

        var errors = ParseErrors(json);

        Assert.Contains(errors, e => e.StartsWith("indicators[2] (T.a).rubric.floor:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MisspeltOptionalField_IsRejectedByName()
    {
        var json = Mutate(root => root["indicators"]![0]!["rubric"]!["flor"] = 90);

        var error = Assert.Single(ParseErrors(json));

        Assert.StartsWith("indicators[0] (S.a).rubric.flor: unknown field", error);
    }

    [Fact]
    public void Parse_UnknownDimensionName_ListsTheKnownOnes()
    {
        var json = Mutate(root => root["indicators"]![0]!["dimension"] = "Sistemik");

        var error = Assert.Single(ParseErrors(json));

        Assert.Contains("indicators[0] (S.a).dimension: unknown value \"Sistemik\"", error);
        Assert.Contains("Systemic, Monitorable, Accessible, Reliable, Timebound", error);
    }

    [Fact]
    public void Parse_NumericEnumValue_IsRejected()
    {
        var json = Mutate(root => root["indicators"]![0]!["source"] = "1");

        Assert.Contains(ParseErrors(json), e => e.StartsWith("indicators[0] (S.a).source: unknown value", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingRequiredField_SaysItIsMissing()
    {
        var json = Mutate(root => root["indicators"]![2]!.AsObject().Remove("nameEn"));

        Assert.Equal(["indicators[2] (T.a).nameEn: is missing"], ParseErrors(json));
    }

    [Fact]
    public void Parse_IndicatorWeightsNotSummingToHundred_NamesTheDimension()
    {
        var json = Mutate(root => root["indicators"]![1]!["weight"] = 30);

        var error = Assert.Single(ParseErrors(json));

        Assert.StartsWith("indicators of Systemic: weights must sum to 100 (got 90", error);
    }

    [Fact]
    public void Parse_DimensionWeightsNotSummingToHundred_SaysSo()
    {
        var json = Mutate(root => root["dimensions"]!["Timebound"] = 40);

        Assert.Equal(["dimensions: weights must sum to 100 (got 90)"], ParseErrors(json));
    }

    [Fact]
    public void Parse_ZeroIndicatorWeight_NamesTheIndicator()
    {
        var json = Mutate(root =>
        {
            root["indicators"]![0]!["weight"] = 100;
            root["indicators"]![1]!["weight"] = 0;
        });

        Assert.Contains("indicators[1] (S.b).weight: must be greater than 0 (got 0)", ParseErrors(json));
    }

    [Fact]
    public void Parse_CodeLetterNotItsDimensions_NamesTheCode()
    {
        var json = Mutate(root => root["indicators"]![2]!["code"] = "M.a");

        Assert.Contains(ParseErrors(json), e => e.StartsWith("indicators[2] (M.a).code: must start with \"T.\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateCode_NamesTheSecondOccurrence()
    {
        var json = Mutate(root => root["indicators"]![1]!["code"] = "S.a");

        Assert.Contains("indicators[1] (S.a).code: appears more than once", ParseErrors(json));
    }

    [Fact]
    public void Parse_DimensionWithoutIndicators_IsRejected()
    {
        var json = Mutate(root =>
        {
            root["dimensions"]!["Systemic"] = 40;
            root["dimensions"]!["Reliable"] = 10;
        });

        Assert.Contains("dimensions.Reliable: has no indicator", ParseErrors(json));
    }

    [Fact]
    public void Parse_BandsNotHighestFirst_NamesTheBand()
    {
        var json = Mutate(root => root["bands"]![2]!["minScore"] = 75);

        Assert.Contains(ParseErrors(json), e => e.StartsWith("bands[2] (Cukup).minScore: bands go highest first", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LowestBandAboveZero_IsRejected()
    {
        var json = Mutate(root => root["bands"]![4]!["minScore"] = 10);

        Assert.Contains(ParseErrors(json), e => e.Contains("the lowest band must start at 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MaturityLevelsOutOfOrder_NamesTheLevel()
    {
        var rules = SampleRuleSets.SingleIndicator() with
        {
            Indicators =
            [
                new IndicatorRule("S.only", SmartDimension.Systemic, "Kepuasan", "Satisfaction", 100, IndicatorSource.Manual, IndicatorUnit.Rating,
                    SampleRuleSets.Satisfaction() with
                    {
                        Levels = [.. SampleRuleSets.Satisfaction().Levels.Select(l => l.Level == 3 ? l with { MinRaw = 1.2 } : l)],
                    }),
            ],
        };

        var errors = ParseErrors(RuleSetJson.Serialize(rules));

        Assert.Contains(errors, e => e.StartsWith("indicators[0] (S.only).rubric.levels[2].minRaw: must be greater than the level below", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LinearRubricOnDays_IsRejected()
    {
        var json = Mutate(root => root["indicators"]![2]!["unit"] = "Days");

        Assert.Contains(ParseErrors(json), e => e.StartsWith("indicators[2] (T.a).rubric.kind: a Linear rubric scores percentages", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAll()
    {
        var json = Mutate(root =>
        {
            root["effectiveFrom"] = "1 Januari 2026";
            root["indicators"]![0]!["weight"] = "sixty";
            root["bands"]![0]!.AsObject().Remove("nameEn");
        });

        var errors = ParseErrors(json);

        Assert.Equal(3, errors.Count);
        Assert.Contains("effectiveFrom: must be a date written yyyy-MM-dd (got \"1 Januari 2026\")", errors);
    }

    [Fact]
    public void Parse_NotJson_SaysWhere()
    {
        var error = Assert.Single(ParseErrors("{\n  \"version\": \"x\",\n  oops\n}"));

        Assert.StartsWith("not valid JSON at line 3", error);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var json = RuleSetJson.Serialize(SampleRuleSets.TwoDimensions()).Replace("\"bands\": [", "// grade bands\n  \"bands\": [", StringComparison.Ordinal)
            .Replace("\"minScore\": 0\n    }", "\"minScore\": 0,\n    }", StringComparison.Ordinal);

        var rules = RuleSetJson.Parse(json);

        Assert.Equal(5, rules.Bands.Count);
    }

    [Fact]
    public void ValidationException_Message_ListsEveryError()
    {
        var exception = Assert.Throws<RuleSetValidationException>(() => RuleSetJson.Parse(Mutate(root => root["name"] = "")));

        Assert.Contains("- name: must not be empty", exception.Message);
    }

    private static string Mutate(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(RuleSetJson.Serialize(SampleRuleSets.TwoDimensions()))!;
        change(root);
        return root.ToJsonString();
    }

    private static IReadOnlyList<string> ParseErrors(string json) =>
        Assert.Throws<RuleSetValidationException>(() => RuleSetJson.Parse(json)).Errors;
}
