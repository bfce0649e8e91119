using SituationRoom.Core.Complaints;
using SituationRoom.Core.Situation;
using static SituationRoom.Core.Complaints.ComplaintStatus;

namespace SituationRoom.Core.Tests.Complaints;

public class SlaEscalationTests
{
    // Monday 2 Feb 2026, 09:00 WIB: verification due at the end of Thursday 5 Feb, closure at 12 Feb 09:00.
    private static readonly DateTimeOffset Received = AtWib(2, 2, 9);

    private static DateTimeOffset AtWib(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, Wib.Offset);

    private static SlaEvaluation Evaluate(DateTimeOffset now, params StatusChange[] history) =>
        SlaClock.Evaluate(history, SlaPolicy.Default, WorkingCalendar.WeekendsOnly, now);

    private static StatusChange Change(ComplaintStatus to, DateTimeOffset at, string? opd = null) => new(to, at, opd);

    public static TheoryData<string, StatusChange[]> Histories => new()
    {
        { "just received", [Change(ComplaintStatus.Received, Received)] },
        { "verified late", [Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 9, 10))] },
        {
            "dispatched, working",
            [Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 3, 10)), Change(Dispatched, AtWib(2, 3, 11), "DPU"), Change(InProgress, AtWib(2, 4, 9))]
        },
        {
            "waiting on the citizen",
            [Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 3, 10)), Change(Dispatched, AtWib(2, 3, 11), "DPU"), Change(WaitingOnCitizen, AtWib(2, 4, 9))]
        },
        {
            "paused after the deadline",
            [Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 3, 10)), Change(Dispatched, AtWib(2, 3, 11), "DPU"), Change(InProgress, AtWib(2, 4, 9)), Change(WaitingOnCitizen, AtWib(2, 13, 9))]
        },
        {
            "handed over",
            [Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 3, 10)), Change(Dispatched, AtWib(2, 3, 11), "DPU"), Change(HandedOver, AtWib(2, 5, 10), "DISHUB")]
        },
        {
            "reopened after a late resolution",
            [Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 3, 10)), Change(Dispatched, AtWib(2, 3, 11), "DPU"), Change(InProgress, AtWib(2, 4, 9)), Change(Resolved, AtWib(2, 14, 9)), Change(InProgress, AtWib(2, 20, 9))]
        },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void EscalatesAt_StoredOnceAtTheLastChange_AgreesWithTheClockAtEveryLaterHour(string scenario, StatusChange[] history)
    {
        var last = history.Max(c => c.At);
        var escalatesAt = SlaEscalation.EscalatesAt(Evaluate(last, history));

        for (var now = last; now <= last.AddDays(30); now = now.AddHours(1))
        {
            Assert.True(Evaluate(now, history).Escalated == (escalatesAt < now), $"{scenario} at {now:u}");
        }
    }

    [Fact]
    public void EscalatesAt_JustReceived_IsTheVerificationDeadline()
    {
        var evaluation = Evaluate(Received, Change(ComplaintStatus.Received, Received));

        Assert.Equal(AtWib(2, 6), SlaEscalation.EscalatesAt(evaluation));
        Assert.Equal(AtWib(2, 6), SlaEscalation.NextDeadline(evaluation));
    }

    [Fact]
    public void EscalatesAt_WaitingOnCitizenBeforeAnyDeadline_IsNone()
    {
        var evaluation = Evaluate(
            AtWib(2, 4, 9),
            Change(ComplaintStatus.Received, Received),
            Change(Verified, AtWib(2, 3, 10)),
            Change(Dispatched, AtWib(2, 3, 11), "DPU"),
            Change(WaitingOnCitizen, AtWib(2, 4, 9)));

        Assert.Null(SlaEscalation.EscalatesAt(evaluation));
        Assert.Null(SlaEscalation.NextDeadline(evaluation));
    }

    [Fact]
    public void EscalatesAt_Closed_IsNoneEvenWhenLate()
    {
        var evaluation = Evaluate(
            AtWib(2, 14, 9),
            Change(ComplaintStatus.Received, Received),
            Change(Verified, AtWib(2, 9, 10)),
            Change(Rejected, AtWib(2, 14, 9)));

        Assert.True(evaluation.Escalated);
        Assert.Null(SlaEscalation.EscalatesAt(evaluation));
    }

    [Fact]
    public void EscalatesAt_VerifiedLate_StaysEscalatedWhileOpen()
    {
        var evaluation = Evaluate(AtWib(2, 9, 10), Change(ComplaintStatus.Received, Received), Change(Verified, AtWib(2, 9, 10)));

        Assert.Equal(AtWib(2, 6), SlaEscalation.EscalatesAt(evaluation));
        Assert.Equal(AtWib(2, 12, 9), SlaEscalation.NextDeadline(evaluation));
    }

    [Fact]
    public void ComposeComplaints_OpenFactsPastTheirEscalation_AreCountedForTheWall()
    {
        var now = AtWib(2, 10, 12);
        var names = new SituationNames(new Dictionary<string, string>(), new Dictionary<string, string>());
        ComplaintFact Fact(long id, ComplaintStatus status, DateTimeOffset? escalatesAt, DateTimeOffset? closed = null) =>
            new(id, $"LH-2026-{id:D6}", status, ComplaintChannel.Sms, "DPU", null, "jalan", Received, Received.AddDays(10), closed, null, "x", escalatesAt);

        var panel = SituationComposer.Complaints(
            [
                Fact(1, InProgress, now.AddDays(-1)),
                Fact(2, InProgress, now.AddDays(1)),
                Fact(3, WaitingOnCitizen, null),
                Fact(4, Resolved, now.AddDays(-3), closed: now.AddDays(-1)),
                Fact(5, HandedOver, now.AddMinutes(-1)),
            ],
            now,
            names,
            now);

        Assert.Equal(2, panel.Escalated);
    }
}
