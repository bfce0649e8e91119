namespace SituationRoom.Core.Complaints;

/// <summary>
/// DueAt, PausedFor and, unless a running verification or response clock is worse, State are the current closure
/// clock's. Escalated: some clock was missed or is overdue, which puts the complaint in the leadership queue.
/// </summary>
public sealed record SlaEvaluation(
    SlaState State,
    DateTimeOffset DueAt,
    TimeSpan PausedFor,
    bool IsPaused,
    bool Escalated,
    IReadOnlyList<SlaStageResult> Stages);
