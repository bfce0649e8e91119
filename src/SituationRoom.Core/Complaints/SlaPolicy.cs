namespace SituationRoom.Core.Complaints;

/// <summary>Defaults: SP4N-LAPOR! verification and OPD response deadlines, and the city's 10-day promise to close.</summary>
public sealed record SlaPolicy(SlaStageRule Verification, SlaStageRule Response, SlaStageRule Closure, double AtRiskFraction)
{
    public static SlaPolicy Default { get; } = new(
        new SlaStageRule(3, SlaDayKind.Working),
        new SlaStageRule(5, SlaDayKind.Working),
        new SlaStageRule(10, SlaDayKind.Calendar),
        0.2);
}
