using SituationRoom.Core.Complaints;
using static SituationRoom.Core.Complaints.ComplaintStatus;

namespace SituationRoom.Core.Tests.Complaints;

public class SlaClockTests
{
    // Monday. Verification is due at the end of Thursday 5 Feb, closure at 12 Feb 09:00.
    private static readonly DateTimeOffset Received = AtWib(2, 2, 9);

    private static DateTimeOffset AtWib(int month, int day, int hour = 0, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, Wib.Offset);

    private static SlaEvaluation Evaluate(DateTimeOffset now, params StatusChange[] history) =>
        SlaClock.Evaluate(history, SlaPolicy.Default, WorkingCalendar.WeekendsOnly, now);

    private static StatusChange Change(ComplaintStatus to, DateTimeOffset at, string? opd = null) => new(to, at, opd);

    private static StatusChange[] DispatchedToDpu() =>
    [
        Change(ComplaintStatus.Received, Received),
        Change(Verified, AtWib(2, 3, 10)),
        Change(Dispatched, AtWib(2, 3, 11), "DPU"),
    ];

    [Fact]
    public void Evaluate_JustReceived_IsOnTrackAndDueTenDaysLater()
    {
        var evaluation = Evaluate(Received.AddHours(1), Change(ComplaintStatus.Received, Received));

        Assert.Equal(SlaState.OnTrack, evaluation.State);
        Assert.Equal(AtWib(2, 12, 9), evaluation.DueAt);
        Assert.False(evaluation.Escalated);
        Assert.False(evaluation.IsPaused);
        Assert.Equal(TimeSpan.Zero, evaluation.PausedFor);
        Assert.Collection(
            evaluation.Stages,
            s => Assert.Equal((SlaStage.Verification, AtWib(2, 6), SlaState.OnTrack), (s.Stage, s.Due, s.State)),
            s => Assert.Equal((SlaStage.Closure, AtWib(2, 12, 9), SlaState.OnTrack), (s.Stage, s.Due, s.State)));
    }

    [Fact]
    public void Evaluate_VerificationWithLittleTimeLeft_IsAtRisk()
    {
        var evaluation = Evaluate(AtWib(2, 5, 8), Change(ComplaintStatus.Received, Received));

        Assert.Equal(SlaState.AtRisk, evaluation.State);
        Assert.False(evaluation.Escalated);
    }

    [Fact]
    public void Evaluate_VerificationPastDue_IsOverdueAndEscalated()
    {
        var evaluation = Evaluate(AtWib(2, 6, 8), Change(ComplaintStatus.Received, Received));

        Assert.Equal(SlaState.Overdue, evaluation.State);
        Assert.True(evaluation.Escalated);
    }

    [Fact]
    public void Evaluate_ResponsePastFiveWorkingDays_IsOverdue()
    {
        var evaluation = Evaluate(AtWib(2, 11, 1), DispatchedToDpu());

        Assert.Equal(SlaState.Overdue, evaluation.State);
        var response = Assert.Single(evaluation.Stages, s => s.Stage == SlaStage.Response);
        Assert.Equal(("DPU", AtWib(2, 11), SlaState.Overdue), (response.OpdCode, response.Due, response.State));
    }

    [Fact]
    public void Evaluate_ResolvedWithinEveryDeadline_IsMet()
    {
        StatusChange[] history = [.. DispatchedToDpu(), Change(InProgress, AtWib(2, 4, 9)), Change(Resolved, AtWib(2, 6, 15))];

        var evaluation = Evaluate(AtWib(3, 1), history);

        Assert.Equal(SlaState.Met, evaluation.State);
        Assert.False(evaluation.Escalated);
        Assert.All(evaluation.Stages, s => Assert.Equal(SlaState.Met, s.State));
        Assert.Equal("DPU", evaluation.Stages.Single(s => s.Stage == SlaStage.Closure).OpdCode);
    }

    [Fact]
    public void Evaluate_ResolvedAfterTenDays_IsMissed()
    {
        StatusChange[] history = [.. DispatchedToDpu(), Change(InProgress, AtWib(2, 4, 9)), Change(Resolved, AtWib(2, 13, 10))];

        var evaluation = Evaluate(AtWib(3, 1), history);

        Assert.Equal(SlaState.Missed, evaluation.State);
        Assert.True(evaluation.Escalated);
    }

    [Fact]
    public void Evaluate_InProgressNearClosureDeadline_IsOnTrackButUndispatchedIsAtRisk()
    {
        var now = AtWib(2, 11, 10);
        StatusChange[] working = [.. DispatchedToDpu(), Change(InProgress, AtWib(2, 4, 9))];
        StatusChange[] waiting = [Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 3, 10))];

        Assert.Equal(SlaState.OnTrack, Evaluate(now, working).State);
        Assert.Equal(SlaState.AtRisk, Evaluate(now, waiting).State);
    }

    [Fact]
    public void Evaluate_TimeWaitingOnCitizen_MovesEveryDueLater()
    {
        StatusChange[] history =
        [
            .. DispatchedToDpu(),
            Change(WaitingOnCitizen, AtWib(2, 4, 9)),
            Change(InProgress, AtWib(2, 7, 9)),
            Change(Resolved, AtWib(2, 14, 9)),
        ];

        var evaluation = Evaluate(AtWib(3, 1), history);

        Assert.Equal(SlaState.Met, evaluation.State);
        Assert.Equal(AtWib(2, 15, 9), evaluation.DueAt);
        Assert.Equal(TimeSpan.FromDays(3), evaluation.PausedFor);
        var response = evaluation.Stages.Single(s => s.Stage == SlaStage.Response);
        Assert.Equal((AtWib(2, 14), TimeSpan.FromDays(3), SlaState.Met), (response.Due, response.PausedFor, response.State));
    }

    [Fact]
    public void Evaluate_StillWaitingOnCitizen_IsPausedAndDueKeepsMoving()
    {
        StatusChange[] history = [.. DispatchedToDpu(), Change(WaitingOnCitizen, AtWib(2, 4, 9))];
        var now = AtWib(2, 20);

        var evaluation = Evaluate(now, history);

        Assert.True(evaluation.IsPaused);
        Assert.Equal(SlaState.OnTrack, evaluation.State);
        Assert.Equal(now - AtWib(2, 4, 9), evaluation.PausedFor);
        Assert.Equal(AtWib(2, 12, 9) + (now - AtWib(2, 4, 9)), evaluation.DueAt);
    }

    [Fact]
    public void Evaluate_PauseStartedAfterDeadline_DoesNotRescueIt()
    {
        StatusChange[] history =
        [
            .. DispatchedToDpu(),
            Change(InProgress, AtWib(2, 4, 9)),
            Change(WaitingOnCitizen, AtWib(2, 13, 9)),
        ];

        var evaluation = Evaluate(AtWib(2, 14), history);

        Assert.Equal(SlaState.Overdue, evaluation.State);
        Assert.Equal(AtWib(2, 12, 9), evaluation.DueAt);
        Assert.Equal(TimeSpan.Zero, evaluation.PausedFor);
        Assert.True(evaluation.Escalated);
    }

    [Fact]
    public void Evaluate_HandoverAfterResponseDue_IsNoMissAndReceivingOpdGetsItsOwnClock()
    {
        StatusChange[] history =
        [
            .. DispatchedToDpu(),
            Change(HandedOver, AtWib(2, 11, 10), "DISPERKIM"),
            Change(Dispatched, AtWib(2, 11, 11), "DISPERKIM"),
            Change(InProgress, AtWib(2, 11, 15)),
        ];

        var evaluation = Evaluate(AtWib(2, 11, 16), history);

        Assert.Equal(SlaState.OnTrack, evaluation.State);
        Assert.False(evaluation.Escalated);
        Assert.Collection(
            evaluation.Stages.Where(s => s.Stage == SlaStage.Response),
            first => Assert.Equal(("DPU", SlaState.Met, true, AtWib(2, 11, 10)), (first.OpdCode, first.State, first.HandedOver, first.CompletedAt)),
            second => Assert.Equal(("DISPERKIM", AtWib(2, 11, 11), AtWib(2, 19), SlaState.Met, false), (second.OpdCode, second.Start, second.Due, second.State, second.HandedOver)));
        Assert.Equal("DISPERKIM", evaluation.Stages.Single(s => s.Stage == SlaStage.Closure).OpdCode);
    }

    [Fact]
    public void Evaluate_HandedOverAndNotYetRedispatched_HasNoRunningResponseClock()
    {
        StatusChange[] history = [.. DispatchedToDpu(), Change(HandedOver, AtWib(2, 5, 10), "DISHUB")];

        var evaluation = Evaluate(AtWib(2, 6), history);

        var response = Assert.Single(evaluation.Stages, s => s.Stage == SlaStage.Response);
        Assert.True(response.HandedOver);
        Assert.Equal(SlaState.OnTrack, evaluation.State);
    }

    [Fact]
    public void Evaluate_ReopenedAfterResolution_RestartsClosureFromTheReopen()
    {
        StatusChange[] history =
        [
            .. DispatchedToDpu(),
            Change(InProgress, AtWib(2, 4, 9)),
            Change(Resolved, AtWib(2, 6, 15)),
            Change(InProgress, AtWib(2, 20, 10)),
        ];

        var evaluation = Evaluate(AtWib(2, 21), history);

        Assert.Equal(SlaState.OnTrack, evaluation.State);
        Assert.Equal(AtWib(3, 2, 10), evaluation.DueAt);
        Assert.Collection(
            evaluation.Stages.Where(s => s.Stage == SlaStage.Closure),
            first => Assert.Equal((SlaState.Met, AtWib(2, 6, 15)), (first.State, first.CompletedAt)),
            reopened => Assert.Equal((AtWib(2, 20, 10), SlaState.OnTrack, "DPU"), (reopened.Start, reopened.State, reopened.OpdCode)));
    }

    [Fact]
    public void Evaluate_Rejected_StopsEveryClock()
    {
        var evaluation = Evaluate(
            AtWib(6, 1),
            Change(ComplaintStatus.Received, Received),
            Change(Rejected, AtWib(2, 3, 10)));

        Assert.Equal(SlaState.Met, evaluation.State);
        Assert.Equal(AtWib(2, 12, 9), evaluation.DueAt);
        Assert.All(evaluation.Stages, s => Assert.Equal(AtWib(2, 3, 10), s.CompletedAt));
        Assert.DoesNotContain(evaluation.Stages, s => s.Stage == SlaStage.Response);
    }

    [Fact]
    public void Evaluate_HistoryOutOfOrder_IsReplayedInTimeOrder()
    {
        StatusChange[] history = [.. DispatchedToDpu(), Change(InProgress, AtWib(2, 4, 9)), Change(Resolved, AtWib(2, 6, 15))];

        Assert.Equivalent(Evaluate(AtWib(3, 1), history), Evaluate(AtWib(3, 1), [.. Enumerable.Reverse(history)]), strict: true);
    }

    [Fact]
    public void Evaluate_ChangesAfterNow_AreIgnored()
    {
        StatusChange[] history = [.. DispatchedToDpu(), Change(Resolved, AtWib(2, 6, 15))];

        var evaluation = Evaluate(AtWib(2, 5), history);

        Assert.Equal(SlaState.OnTrack, evaluation.State);
        Assert.All(evaluation.Stages.Where(s => s.Stage != SlaStage.Verification), s => Assert.Null(s.CompletedAt));
    }

    [Fact]
    public void Evaluate_EmptyHistory_Throws()
    {
        Assert.Throws<ArgumentException>(() => Evaluate(Received));
    }
}
