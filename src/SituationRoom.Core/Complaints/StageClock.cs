namespace SituationRoom.Core.Complaints;

internal sealed class StageClock(SlaStage stage, string? opdCode, DateTimeOffset start, SlaStageRule rule)
{
    public SlaStage Stage { get; } = stage;

    public string? OpdCode { get; set; } = opdCode;

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool HandedOver { get; private set; }

    public bool IsRunning => CompletedAt is null;

    public void Complete(DateTimeOffset at, bool handedOver = false)
    {
        if (IsRunning)
        {
            CompletedAt = at;
            HandedOver = handedOver;
        }
    }

    public SlaStageResult Result(
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> pauses,
        SlaPolicy policy,
        WorkingCalendar calendar,
        DateTimeOffset now,
        bool isPaused,
        bool hasProgress)
    {
        var baseDue = Sla.Deadline(start, rule, calendar);
        var end = CompletedAt ?? now;
        var due = baseDue;
        var pausedFor = TimeSpan.Zero;
        foreach (var pause in pauses)
        {
            var from = pause.Start > start ? pause.Start : start;
            var to = pause.End < end ? pause.End : end;

            // A pause that begins after the deadline has passed must not turn an overdue complaint back on track.
            if (to <= from || from > due)
            {
                continue;
            }

            due += to - from;
            pausedFor += to - from;
        }

        var state = CompletedAt switch
        {
            { } done when HandedOver || done <= due => SlaState.Met,
            not null => SlaState.Missed,
            null when now > due => SlaState.Overdue,
            null when !isPaused && !hasProgress && due - now <= (baseDue - start) * policy.AtRiskFraction => SlaState.AtRisk,
            null => SlaState.OnTrack,
        };
        return new SlaStageResult(Stage, OpdCode, Wib.ToWib(start), due, CompletedAt, state, pausedFor, HandedOver);
    }
}
