using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class ReportOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly TimeSpan ResetAfter = TimeSpan.FromMinutes(2);

    [Fact]
    public void Check_FirstReport_IsNew()
    {
        var (isNew, clock) = ReportOrder.Check(ReportClock.Unknown, T0, T0, ResetAfter);

        Assert.True(isNew);
        Assert.Equal(T0, clock.NewestAt);
    }

    [Fact]
    public void Check_SameTimeAgain_IsADuplicate()
    {
        var clock = new ReportClock(T0);

        var (isNew, next) = ReportOrder.Check(clock, T0, T0.AddSeconds(5), ResetAfter);

        Assert.False(isNew);
        Assert.Equal(T0, next.NewestAt);
    }

    [Fact]
    public void Check_OlderReportDeliveredLate_IgnoredAndTheNextNewOneIsNews()
    {
        var (isOld, clock) = ReportOrder.Check(new ReportClock(T0), T0.AddMinutes(-5), T0.AddSeconds(10), ResetAfter);
        var (isNew, next) = ReportOrder.Check(clock, T0.AddMinutes(1), T0.AddMinutes(1), ResetAfter);

        Assert.False(isOld);
        Assert.True(isNew);
        Assert.Equal(new ReportClock(T0.AddMinutes(1)), next);
    }

    [Fact]
    public void Check_DeviceClockHoursBehind_StillOrdersItsOwnReports()
    {
        var deviceTime = T0.AddHours(-9);
        var clock = ReportClock.Unknown;
        var verdicts = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            (var isNew, clock) = ReportOrder.Check(clock, deviceTime.AddMinutes(i), T0.AddMinutes(i), ResetAfter);
            verdicts.Add(isNew);
        }

        Assert.All(verdicts, Assert.True);
    }

    [Fact]
    public void Check_ClockSetBackKeepingTheServersPace_BelievedAtItsSecondReport()
    {
        var clock = new ReportClock(T0);
        var rebooted = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var verdicts = new List<bool>();
        for (var i = 1; i <= 4; i++)
        {
            (var isNew, clock) = ReportOrder.Check(clock, rebooted.AddMinutes(i), T0.AddMinutes(i), ResetAfter);
            verdicts.Add(isNew);
        }

        Assert.Equal([false, true, true, true], verdicts);
        Assert.Equal(rebooted.AddMinutes(4), clock.NewestAt);
    }

    [Fact]
    public void Check_ClockSetBackWithJitteryDelivery_StillBelievedAtItsSecondReport()
    {
        var clock = new ReportClock(T0);

        (_, clock) = ReportOrder.Check(clock, T0.AddHours(-9), T0.AddSeconds(3), ResetAfter);
        var (isNew, _) = ReportOrder.Check(clock, T0.AddHours(-9).AddSeconds(60), T0.AddSeconds(55), ResetAfter);

        Assert.True(isNew);
    }

    [Fact]
    public void Check_ClockSetBackButOffThePace_BelievedOnceTheRunHasLastedResetAfter()
    {
        var clock = new ReportClock(T0);
        var rebooted = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var verdicts = new List<bool>();
        for (var i = 1; i <= 4; i++)
        {
            (var isNew, clock) = ReportOrder.Check(clock, rebooted.AddSeconds(5 * i), T0.AddMinutes(i), ResetAfter);
            verdicts.Add(isNew);
        }

        Assert.Equal([false, false, true, true], verdicts);
    }

    [Fact]
    public void Check_ReplayTrickledOverSecondsSpanningMinutes_NeverBelieved()
    {
        var clock = new ReportClock(T0);
        for (var i = 1; i <= 30; i++)
        {
            (var replayed, clock) = ReportOrder.Check(clock, T0.AddMinutes(-45 + i), T0.AddSeconds(2 * i), ResetAfter);
            Assert.False(replayed);
        }
    }

    [Fact]
    public void Check_SameOldBatchResentForLong_NeverBelieved()
    {
        var clock = new ReportClock(T0);
        for (var i = 1; i <= 10; i++)
        {
            (var isNew, clock) = ReportOrder.Check(clock, T0.AddMinutes(-30), T0.AddMinutes(i), ResetAfter);
            Assert.False(isNew);
        }
    }

    [Fact]
    public void Check_ReplayBurstThenFreshReports_ReplayIgnoredFreshTaken()
    {
        var clock = new ReportClock(T0);
        for (var i = 1; i <= 50; i++)
        {
            (var replayed, clock) = ReportOrder.Check(clock, T0.AddHours(-3).AddMinutes(i), T0.AddMinutes(1).AddMilliseconds(i), ResetAfter);
            Assert.False(replayed);
        }

        var (isNew, next) = ReportOrder.Check(clock, T0.AddMinutes(2), T0.AddMinutes(2), ResetAfter);

        Assert.True(isNew);
        Assert.Null(next.StaleSince);
    }
}
