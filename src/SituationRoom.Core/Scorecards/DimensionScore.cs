namespace SituationRoom.Core.Scorecards;

public sealed record DimensionScore
{
    public required SmartDimension Dimension { get; init; }

    /// <summary>0-100; null when none of its indicators had a value.</summary>
    public required double? Score { get; init; }

    public required double Weight { get; init; }

    /// <summary>Share of the composite after not-applicable dimensions' weight is shared out; 0 when not applicable.</summary>
    public required double EffectiveWeight { get; init; }

    public required IReadOnlyList<IndicatorScore> Indicators { get; init; }

    public bool Applicable => Score is not null;
}
