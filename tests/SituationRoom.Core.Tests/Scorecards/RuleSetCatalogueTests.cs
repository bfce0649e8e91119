using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class RuleSetCatalogueTests
{
    private static readonly RuleSet Old = SampleRuleSets.TwoDimensions("test-2026.1", new DateOnly(2026, 1, 1));

    // The new set reweights S.a / S.b from 60/40 to 20/80, so the same values score differently under it.
    private static readonly RuleSet New = Old with
    {
        Version = "test-2027.1",
        EffectiveFrom = new DateOnly(2027, 1, 1),
        Indicators =
        [
            SampleRuleSets.Linear("S.a", SmartDimension.Systemic, 20),
            SampleRuleSets.Linear("S.b", SmartDimension.Systemic, 80),
            SampleRuleSets.Linear("T.a", SmartDimension.Timebound, 100),
        ],
    };

    private readonly RuleSetCatalogue catalogue = new([New, Old]);

    [Fact]
    public void For_DateBeforeTheNewSet_ReturnsTheOldOne()
    {
        Assert.Same(Old, catalogue.For(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void For_TheNewSetsFirstDay_ReturnsTheNewOne()
    {
        Assert.Same(New, catalogue.For(new DateOnly(2027, 1, 1)));
        Assert.Same(New, catalogue.For(new DateOnly(2030, 6, 1)));
    }

    [Fact]
    public void For_BeforeAnySet_ReturnsNull()
    {
        Assert.Null(catalogue.For(new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void For_WeekStraddlingTheChange_UsesTheSetInForceAtItsStart()
    {
        var week = Period.Containing(new DateOnly(2027, 1, 2), PeriodKind.Week);

        Assert.Equal(new DateOnly(2026, 12, 28), week.Start);
        Assert.Same(Old, catalogue.For(week));
    }

    [Fact]
    public void For_PastPeriodRescoredAfterTheRulesChange_KeepsItsOldScore()
    {
        var values = new Dictionary<string, double?> { ["S.a"] = 100, ["S.b"] = 0, ["T.a"] = 50 };
        var november2026 = Period.Containing(new DateOnly(2026, 11, 15), PeriodKind.Month);
        var scoredThen = SmartScoring.Score(values, new RuleSetCatalogue([Old]).For(november2026)!);

        var rescored = SmartScoring.Score(values, catalogue.For(november2026)!);
        var underNewRules = SmartScoring.Score(values, catalogue.For(november2026.Next().Next())!);

        Assert.Equal(scoredThen.Composite, rescored.Composite);
        Assert.Equal("test-2026.1", rescored.RuleSetVersion);
        Assert.Equal(55, rescored.Composite!.Value, 9);
        Assert.Equal(35, underNewRules.Composite!.Value, 9);
    }

    [Fact]
    public void ByVersion_KnownAndUnknown_FindsOrReturnsNull()
    {
        Assert.Same(Old, catalogue.ByVersion("test-2026.1"));
        Assert.Null(catalogue.ByVersion("test-2025.1"));
    }

    [Fact]
    public void RuleSets_AreListedOldestFirst()
    {
        Assert.Equal(["test-2026.1", "test-2027.1"], catalogue.RuleSets.Select(r => r.Version));
    }

    [Fact]
    public void Constructor_SameVersionTwice_Throws()
    {
        var exception = Assert.Throws<RuleSetValidationException>(() =>
            new RuleSetCatalogue([Old, New with { Version = Old.Version }]));

        Assert.Contains("test-2026.1: version appears more than once", exception.Errors);
    }

    [Fact]
    public void Constructor_TwoSetsFromTheSameDay_Throws()
    {
        var exception = Assert.Throws<RuleSetValidationException>(() =>
            new RuleSetCatalogue([Old, New with { EffectiveFrom = Old.EffectiveFrom }]));

        Assert.Contains(exception.Errors, e => e.Contains("would be ambiguous", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_InvalidSet_ThrowsNamingItsVersion()
    {
        var exception = Assert.Throws<RuleSetValidationException>(() =>
            new RuleSetCatalogue([Old, New with { Name = "" }]));

        Assert.Equal(["test-2027.1: name: must not be empty"], exception.Errors);
    }
}
