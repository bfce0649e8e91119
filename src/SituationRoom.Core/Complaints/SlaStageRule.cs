namespace SituationRoom.Core.Complaints;

public sealed record SlaStageRule(int Days, SlaDayKind Kind);
