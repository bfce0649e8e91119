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

    public double? PublishedComposite => ScoreRounding.Published(Composite);

    public string? NextBandName => NextBand?.Name;

    public DimensionScore? Dimension(SmartDimension dimension) => Dimensions.FirstOrDefault(d => d.Dimension == dimension);

    public IndicatorScore? Indicator(string code) =>
        Dimensions.SelectMany(d => d.Indicators).FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    public IEnumerable<IndicatorScore> Indicators => Dimensions.SelectMany(d => d.Indicators);
}
