namespace SituationRoom.Core.Scorecards;

/// <summary>How one indicator scored. Weights are percent; all values unrounded (see <see cref="ScoreRounding"/>).</summary>
public sealed record IndicatorScore
{
    public required string Code { get; init; }

    public required SmartDimension Dimension { get; init; }

    /// <summary>The value as given, before clamping; null when not applicable.</summary>
    public required double? Raw { get; init; }

    public required double? Score { get; init; }

    public required double Weight { get; init; }

    /// <summary>Share of the dimension after not-applicable siblings' weight is shared out; 0 when not applicable.</summary>
    public required double EffectiveWeight { get; init; }

    public required double CompositeShare { get; init; }

    /// <summary>Points this indicator adds to the composite (score × composite share); the contributions sum to the composite.</summary>
    public required double? Contribution { get; init; }

    /// <summary>False when no value was given: the indicator is left out, never counted as 0 or 100.</summary>
    public required bool Applicable { get; init; }

    public required bool Clamped { get; init; }

    public required int? Level { get; init; }

    public required string RuleText { get; init; }

    public required string RuleTextEn { get; init; }

    /// <summary>What stands behind an automatic reading (complaints, device-hours); null when not given to the scorer.</summary>
    public double? Evidence { get; init; }

    /// <summary>An applicable automatic indicator with at least its rule's minimum evidence (or none given): its configured
    /// weight counts toward the card's automatic coverage.</summary>
    public bool CountsTowardCoverage { get; init; }
}
