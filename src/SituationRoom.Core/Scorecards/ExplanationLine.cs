namespace SituationRoom.Core.Scorecards;

/// <param name="Depth">0 for the composite, 1 for a dimension, 2 for an indicator: lets the page indent a tree.</param>
/// <param name="Code">The dimension ("Systemic") or indicator code ("T.sla_met") the line is about; null for the composite.</param>
public sealed record ExplanationLine(int Depth, string? Code, string TextId, string TextEn);
