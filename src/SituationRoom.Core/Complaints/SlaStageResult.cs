namespace SituationRoom.Core.Complaints;

/// <summary>Due includes PausedFor. A response clock ended by a handover is Met: the receiving OPD gets its own clock.</summary>
public sealed record SlaStageResult(
    SlaStage Stage,
    string? OpdCode,
    DateTimeOffset Start,
    DateTimeOffset Due,
    DateTimeOffset? CompletedAt,
    SlaState State,
    TimeSpan PausedFor,
    bool HandedOver);
