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

    /// <summary>Percent of the rule set's full weight carried by automatic indicators with data.</summary>
    public double AutomaticCoverage { get; set; }

    /// <summary>The coverage rule's verdict when scored: false lists the OPD as "belum cukup data", unranked.</summary>
    public bool Rankable { get; set; }

    public DateTime ComputedAt { get; set; }
}

/// <summary>One entry or correction of a manual indicator, kept for ever: the trail an OPD head or an auditor reads to
/// see who changed a self-reported number, from what, why, and on what evidence. Rows are only ever added.</summary>
public sealed class SmartIndicatorChange
{
    public long Id { get; set; }

    public required string OpdCode { get; set; }

    public required string PeriodKind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public required string IndicatorCode { get; set; }

    /// <summary>The value before this change; null when there was none.</summary>
    public double? PreviousValue { get; set; }

    public double Value { get; set; }

    public required string Reason { get; set; }

    public string? EvidenceUrl { get; set; }

    /// <summary>Where the uploaded evidence file is kept, relative to the evidence folder.</summary>
    public string? EvidenceFile { get; set; }

    /// <summary>The uploaded file's own name, as the administrator chose it.</summary>
    public string? EvidenceFileName { get; set; }

    public required string ChangedBy { get; set; }

    public DateTime ChangedAt { get; set; }
}
