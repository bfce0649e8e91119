namespace SituationRoom.Core.Scorecards;

/// <param name="Code">"&lt;dimension letter&gt;.&lt;name&gt;", e.g. "T.sla_met"; the web layer computes automatic indicators by this code.</param>
/// <param name="Weight">Share of its dimension in percent; a dimension's indicator weights sum to 100.</param>
public sealed record IndicatorRule(
    string Code,
    SmartDimension Dimension,
    string NameId,
    string NameEn,
    double Weight,
    IndicatorSource Source,
    IndicatorUnit Unit,
    Rubric Rubric)
{
    public string DescriptionId { get; init; } = "";

    public string DescriptionEn { get; init; } = "";

    /// <summary>Evidence a reading needs (complaints judged, device-hours monitored: the weight of an
    /// <see cref="IndicatorReading"/>) before it counts toward <see cref="Scorecard.AutomaticCoverage"/>: one complaint
    /// closed on time is a score of 100, but not a measurement the league can rank on. 0: any reading counts.</summary>
    public double MinimumEvidence { get; init; }

    public string RuleTextId => Rubric.DescribeId(Unit);

    public string RuleTextEn => Rubric.DescribeEn(Unit);
}
