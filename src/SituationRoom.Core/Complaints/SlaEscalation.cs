namespace SituationRoom.Core.Complaints;

/// <summary>
/// The instant an open complaint enters the leadership queue, so that it can be stored and compared with "now"
/// without replaying its history: the earliest due of a clock that was missed or is running. A running clock that
/// is paused sets no instant (its due moves with the pause) unless it was already overdue when the pause began.
/// Null once the complaint is closed (the queue is open work) or while nothing can fall due.
/// </summary>
/// <remarks>For an open complaint, <c>EscalatesAt(e) &lt; t</c> agrees with <see cref="SlaEvaluation.Escalated"/>
/// evaluated at any later <c>t</c> with the same history.</remarks>
public static class SlaEscalation
{
    public static DateTimeOffset? EscalatesAt(SlaEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var closure = evaluation.Stages.Last(s => s.Stage == SlaStage.Closure);
        if (closure.CompletedAt is not null)
        {
            return null;
        }

        DateTimeOffset? earliest = null;
        foreach (var stage in evaluation.Stages)
        {
            var counts = stage.CompletedAt is null
                ? stage.State == SlaState.Overdue || !evaluation.IsPaused
                : stage.State == SlaState.Missed;
            if (counts && (earliest is null || stage.Due < earliest))
            {
                earliest = stage.Due;
            }
        }

        return earliest;
    }

    /// <summary>The earliest due among the clocks still running and not paused: what an officer races against next.</summary>
    public static DateTimeOffset? NextDeadline(SlaEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Stages
            .Where(s => s.CompletedAt is null && (s.State == SlaState.Overdue || !evaluation.IsPaused))
            .Select(s => (DateTimeOffset?)s.Due)
            .Min();
    }
}
