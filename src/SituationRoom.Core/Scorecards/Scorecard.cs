namespace SituationRoom.Core.Scorecards;

public sealed record Scorecard
{
    public required string RuleSetVersion { get; init; }

    /// <summary>0-100, unrounded; null when no indicator had a value.</summary>
    public required double? Composite { get; init; }

    /// <summary>Judged on <see cref="PublishedComposite"/>.</summary>
    public required GradeBand? Band { get; init; }

    /// <summary>The band above, or null in the top band or with no composite.</summary>
    public required GradeBand? NextBand { get; init; }

    /// <summary>Published points still needed to reach <see cref="NextBand"/>.</summary>
    public required double? PointsToNextBand { get; init; }

    public required IReadOnlyList<DimensionScore> Dimensions { get; init; }

    /// <summary>Codes given a value that the rule set does not know, in ordinal order: usually a misspelt code.</summary>
    public required IReadOnlyList<string> UnknownCodes { get; init; }

    /// <summary>Percent of the rule set's full weight carried by automatic indicators that had data (configured weights,
    /// before renormalisation): how much of the score the room measured itself rather than was told.</summary>
    public double AutomaticCoverage { get; init; }

    /// <summary>The rule set's <see cref="RuleSet.MinimumAutomaticCoverage"/>, kept with the card it judged.</summary>
    public double MinimumAutomaticCoverage { get; init; }

    /// <summary>Has a composite resting on enough measured data to be ranked; otherwise shown unranked as "belum cukup data".</summary>
    public bool Rankable => Composite is not null && CoverageSuffices(AutomaticCoverage, MinimumAutomaticCoverage);

    public double? PublishedComposite => ScoreRounding.Published(Composite);

    /// <summary>Judged on the published (2-decimal) coverage, as shown on the page.</summary>
    public static bool CoverageSuffices(double coverage, double minimum) => ScoreRounding.Published(coverage) >= minimum;

    public string? NextBandName => NextBand?.Name;

    public DimensionScore? Dimension(SmartDimension dimension) => Dimensions.FirstOrDefault(d => d.Dimension == dimension);

    public IndicatorScore? Indicator(string code) =>
        Dimensions.SelectMany(d => d.Indicators).FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    public IEnumerable<IndicatorScore> Indicators => Dimensions.SelectMany(d => d.Indicators);
}
