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
}
