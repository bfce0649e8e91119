using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

/// <summary>Small rule sets whose scores can be worked out by hand.</summary>
internal static class SampleRuleSets
{
    public static readonly IReadOnlyList<GradeBand> Bands =
    [
        new("Sangat Baik", "Very Good", 85),
        new("Baik", "Good", 70),
        new("Cukup", "Fair", 55),
        new("Kurang", "Poor", 40),
        new("Buruk", "Bad", 0),
    ];

    /// <summary>S 50% (S.a 60, S.b 40) and T 50% (T.a 100), all plain linear percentages.</summary>
    public static RuleSet TwoDimensions(string version = "test-1", DateOnly? effectiveFrom = null) => new(
        version,
        effectiveFrom ?? new DateOnly(2026, 1, 1),
        "Test two dimensions",
        new Dictionary<SmartDimension, double> { [SmartDimension.Systemic] = 50, [SmartDimension.Timebound] = 50 },
        [
            Linear("S.a", SmartDimension.Systemic, 60),
            Linear("S.b", SmartDimension.Systemic, 40),
            Linear("T.a", SmartDimension.Timebound, 100),
        ],
        Bands);

    /// <summary>One linear indicator carrying the whole composite, so the composite equals the raw value.</summary>
    public static RuleSet SingleIndicator(string version = "single-1", DateOnly? effectiveFrom = null) => new(
        version,
        effectiveFrom ?? new DateOnly(2026, 1, 1),
        "Test single indicator",
        new Dictionary<SmartDimension, double> { [SmartDimension.Systemic] = 100 },
        [Linear("S.only", SmartDimension.Systemic, 100)],
        Bands);

    public static IndicatorRule Linear(string code, SmartDimension dimension, double weight, double floor = 0, double ceiling = 100) =>
        new(code, dimension, "Indikator " + code, "Indicator " + code, weight, IndicatorSource.Automatic, IndicatorUnit.Percent,
            new LinearRubric(floor, ceiling));

    /// <summary>Satisfaction on 1-5, rounded to the nearest level: 1.5 reaches level 2, 4.5 level 5.</summary>
    public static MaturityRubric Satisfaction() => new(
        [
            new MaturityLevel(1, 1, 20, "Sangat tidak puas", "Very dissatisfied"),
            new MaturityLevel(2, 1.5, 40, "Tidak puas", "Dissatisfied"),
            new MaturityLevel(3, 2.5, 60, "Cukup puas", "Fairly satisfied"),
            new MaturityLevel(4, 3.5, 80, "Puas", "Satisfied"),
            new MaturityLevel(5, 4.5, 100, "Sangat puas", "Very satisfied"),
        ],
        5);
}
