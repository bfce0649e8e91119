namespace SituationRoom.Core.Complaints;

/// <summary>
/// Replays a complaint's history into its SLA clocks: verification from receipt, a response clock from each
/// dispatch, closure from receipt. Time in WaitingOnCitizen pauses every running clock (its due moves later by
/// the pause), Resolved and Rejected stop them. A handover ends the current response clock without a miss and the
/// next dispatch starts a fresh one for the receiving OPD. A reopen or appeal (Resolved or Rejected, then
/// InProgress) starts a new closure clock from the reopen, with the full closure allowance; the earlier one keeps
/// its result. Progress that spares a closure clock from AtRisk is the complaint being InProgress; verification
/// and response have no progress short of completion. Changes after <c>now</c> are ignored.
/// </summary>
public static class SlaClock
{
    public static SlaEvaluation Evaluate(
        IReadOnlyList<StatusChange> history,
        SlaPolicy policy,
        WorkingCalendar calendar,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(policy);
        var changes = history.Where(c => c.At <= now).OrderBy(c => c.At).ToList();
        if (changes.Count == 0)
        {
            throw new ArgumentException("A complaint's history must start with its receipt, no later than now.", nameof(history));
        }

        var receivedAt = changes[0].At;
        var verification = new StageClock(SlaStage.Verification, null, receivedAt, policy.Verification);
        var closure = new StageClock(SlaStage.Closure, changes[0].OpdCode, receivedAt, policy.Closure);
        StageClock? response = null;
        var clocks = new List<StageClock> { verification, closure };
        var previous = changes[0].To;
        var currentOpd = changes[0].OpdCode;

        foreach (var change in changes.Skip(1))
        {
            currentOpd = change.OpdCode ?? currentOpd;
            if (change.To is not (ComplaintStatus.Received or ComplaintStatus.WaitingOnCitizen))
            {
                verification.Complete(change.At);
            }

            switch (change.To)
            {
                case ComplaintStatus.Dispatched:
                    response?.Complete(change.At, handedOver: true);
                    response = new StageClock(SlaStage.Response, change.OpdCode, change.At, policy.Response);
                    clocks.Add(response);
                    break;
                case ComplaintStatus.HandedOver:
                    response?.Complete(change.At, handedOver: true);
                    break;
                case ComplaintStatus.InProgress when previous is ComplaintStatus.Resolved or ComplaintStatus.Rejected:
                    closure = new StageClock(SlaStage.Closure, currentOpd, change.At, policy.Closure);
                    clocks.Add(closure);
                    break;
                case ComplaintStatus.InProgress:
                    response?.Complete(change.At);
                    break;
                case ComplaintStatus.Resolved or ComplaintStatus.Rejected:
                    response?.Complete(change.At);
                    closure.OpdCode = currentOpd;
                    closure.Complete(change.At);
                    break;
            }

            previous = change.To;
        }

        if (closure.IsRunning)
        {
            closure.OpdCode = currentOpd;
        }

        var pauses = Pauses(changes, now);
        var isPaused = previous == ComplaintStatus.WaitingOnCitizen;
        var results = clocks
            .Select(clock => clock.Result(
                pauses, policy, calendar, now, isPaused,
                hasProgress: clock.Stage == SlaStage.Closure && previous == ComplaintStatus.InProgress))
            .OrderBy(r => r.Start)
            .ThenBy(r => r.Stage)
            .ToList();

        var current = results.Last(r => r.Stage == SlaStage.Closure);
        var state = current.CompletedAt is not null
            ? current.State
            : results.Where(r => r.CompletedAt is null).Select(r => r.State).OrderByDescending(Severity).First();
        var escalated = results.Any(r => r.State is SlaState.Missed or SlaState.Overdue);
        return new SlaEvaluation(state, current.Due, current.PausedFor, isPaused, escalated, results);
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End)> Pauses(List<StatusChange> changes, DateTimeOffset now)
    {
        var pauses = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].To == ComplaintStatus.WaitingOnCitizen)
            {
                pauses.Add((changes[i].At, i + 1 < changes.Count ? changes[i + 1].At : now));
            }
        }

        return pauses;
    }

    private static int Severity(SlaState state) => state switch
    {
        SlaState.Overdue => 2,
        SlaState.AtRisk => 1,
        _ => 0,
    };
}
