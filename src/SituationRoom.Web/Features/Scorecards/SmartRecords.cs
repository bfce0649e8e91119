namespace SituationRoom.Web.Features.Scorecards;

/// <summary>The raw value of one SMART indicator for one OPD and period, automatic or entered by an administrator.</summary>
public sealed class SmartIndicatorValue
{
    public long Id { get; set; }

    public required string OpdCode { get; set; }

    /// <summary>Day, Week, Month or Quarter.</summary>
    public required string PeriodKind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public required string IndicatorCode { get; set; }

    /// <summary>Null: not applicable (no data), which renormalises the weights instead of scoring 0.</summary>
    public double? Value { get; set; }

    /// <summary>How much data stands behind the value (complaints, device-hours), used to weight aggregation.</summary>
    public double Weight { get; set; }

    public bool IsManual { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public string? Reason { get; set; }
}

/// <summary>An OPD's SMART scores for one period, with the rule set version that produced them.</summary>
public sealed class SmartScore
{
    public long Id { get; set; }

    public required string OpdCode { get; set; }

    public required string PeriodKind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public required string RuleSetVersion { get; set; }

    public double? Composite { get; set; }

    public double? Systemic { get; set; }

    public double? Monitorable { get; set; }

    public double? Accessible { get; set; }

    public double? Reliable { get; set; }

    public double? Timebound { get; set; }

    public DateTime ComputedAt { get; set; }
}
