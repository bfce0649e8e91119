using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class UptimeTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 14, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Over_WindowCutsIntervals_CountsOnlyTheInsideParts()
    {
        var history = new[]
        {
            Interval(DeviceStatus.Online, -60, 30),
            Interval(DeviceStatus.Offline, 30, 90),
            Interval(DeviceStatus.Online, 90, 200),
        };

        var result = Uptime.Over(history, Window(0, 120), At(1000));

        Assert.Equal(Minutes(60), result.Up);
        Assert.Equal(Minutes(120), result.Monitored);
        Assert.Equal(0.5, result.Ratio);
    }

    [Fact]
    public void Over_OpenInterval_RunsUntilNow()
    {
        var result = Uptime.Over([Interval(DeviceStatus.Online, 0, null)], Window(0, 120), At(45));

        Assert.Equal(new UptimeResult(Minutes(45), Minutes(45)), result);
    }

    [Fact]
    public void Over_NowBeforeWindowEnd_StopsAtNow()
    {
        var history = new[] { Interval(DeviceStatus.Online, 0, 300), Interval(DeviceStatus.Offline, 300, null) };

        var result = Uptime.Over(history, Window(0, 1440), At(600));

        Assert.Equal(new UptimeResult(Minutes(300), Minutes(600)), result);
    }

    [Fact]
    public void Over_ClosedIntervalEndingAfterNow_StopsAtNow()
    {
        var result = Uptime.Over([Interval(DeviceStatus.Online, 0, 500)], Window(0, 1440), At(100));

        Assert.Equal(Minutes(100), result.Monitored);
    }

    [Fact]
    public void Over_NowBeforeWindowStart_NothingMonitored()
    {
        var result = Uptime.Over([Interval(DeviceStatus.Online, -100, null)], Window(0, 60), At(-10));

        Assert.Equal(UptimeResult.None, result);
        Assert.Null(result.Ratio);
    }

    [Fact]
    public void Over_InvertedWindow_NothingMonitored()
    {
        var result = Uptime.Over([Interval(DeviceStatus.Online, 0, null)], Window(60, 0), At(100));

        Assert.Null(result.Ratio);
    }

    [Fact]
    public void Over_EmptyHistory_RatioIsNull()
    {
        var result = Uptime.Over([], Window(0, 60), At(60));

        Assert.Equal(TimeSpan.Zero, result.Monitored);
        Assert.Null(result.Ratio);
    }

    [Fact]
    public void Over_DeviceAddedMidWindow_NotPenalisedBeforeItsFirstInterval()
    {
        var result = Uptime.Over([Interval(DeviceStatus.Online, 600, null)], Window(0, 1440), At(1440));

        Assert.Equal(Minutes(840), result.Monitored);
        Assert.Equal(1.0, result.Ratio);
    }

    [Fact]
    public void Over_GapBetweenIntervals_NotMonitored()
    {
        var history = new[] { Interval(DeviceStatus.Online, 0, 10), Interval(DeviceStatus.Offline, 50, 60) };

        var result = Uptime.Over(history, Window(0, 60), At(60));

        Assert.Equal(new UptimeResult(Minutes(10), Minutes(20)), result);
    }

    [Fact]
    public void Over_IntervalsInAnyOrder_SameResult()
    {
        var history = new[]
        {
            Interval(DeviceStatus.Online, 0, 20),
            Interval(DeviceStatus.Frozen, 20, 35),
            Interval(DeviceStatus.Degraded, 35, null),
        };

        var inOrder = Uptime.Over(history, Window(5, 60), At(50));
        var reversed = Uptime.Over(history.AsEnumerable().Reverse().ToList(), Window(5, 60), At(50));

        Assert.Equal(inOrder, reversed);
    }

    [Theory]
    [InlineData(DeviceStatus.Online, 1.0)]
    [InlineData(DeviceStatus.Degraded, 1.0)]
    [InlineData(DeviceStatus.NoFrames, 0.0)]
    [InlineData(DeviceStatus.Frozen, 0.0)]
    [InlineData(DeviceStatus.Offline, 0.0)]
    public void Over_Status_OnlyOnlineAndDegradedCountAsUp(DeviceStatus status, double expected)
    {
        var result = Uptime.Over([Interval(status, 0, null)], Window(0, 60), At(60));

        Assert.Equal(expected, result.Ratio);
    }

    [Fact]
    public void Over_MaintenanceOverlappingOutage_ExcludedFromUpAndMonitored()
    {
        var history = new[] { Interval(DeviceStatus.Online, 0, 60), Interval(DeviceStatus.Offline, 60, 120) };

        var result = Uptime.Over(history, Window(0, 120), At(120), [Window(90, 150)]);

        Assert.Equal(new UptimeResult(Minutes(60), Minutes(90)), result);
    }

    [Fact]
    public void Over_MaintenanceSpanningUpAndDown_EachSideLosesItsPart()
    {
        var history = new[] { Interval(DeviceStatus.Online, 0, 60), Interval(DeviceStatus.Offline, 60, 120) };

        var result = Uptime.Over(history, Window(0, 120), At(120), [Window(50, 70)]);

        Assert.Equal(new UptimeResult(Minutes(50), Minutes(100)), result);
    }

    [Fact]
    public void Over_OverlappingMaintenanceWindows_EachMinuteExcludedOnce()
    {
        var maintenance = new[] { Window(10, 40), Window(20, 50), Window(50, 60), Window(15, 25) };

        var result = Uptime.Over([Interval(DeviceStatus.Online, 0, null)], Window(0, 100), At(100), maintenance);

        Assert.Equal(Minutes(50), result.Monitored);
    }

    [Fact]
    public void Over_MaintenanceOutsideWindowOrInverted_Ignored()
    {
        var maintenance = new[] { Window(-100, -10), Window(200, 300), Window(40, 20) };

        var result = Uptime.Over([Interval(DeviceStatus.Online, 0, null)], Window(0, 100), At(100), maintenance);

        Assert.Equal(Minutes(100), result.Monitored);
    }

    [Fact]
    public void Over_MaintenanceCoveringWholeWindow_RatioIsNull()
    {
        var result = Uptime.Over([Interval(DeviceStatus.Offline, 0, null)], Window(0, 60), At(60), [Window(-5, 65)]);

        Assert.Null(result.Ratio);
    }

    [Fact]
    public void Over_InstantsInDifferentOffsets_SameResult()
    {
        var history = new[] { Interval(DeviceStatus.Online, 0, 30), Interval(DeviceStatus.Offline, 30, null) };
        var utc = history.Select(i => i with { From = i.From.ToUniversalTime(), To = i.To?.ToUniversalTime() }).ToList();

        var wib = Uptime.Over(history, Window(0, 60), At(60));
        var inUtc = Uptime.Over(utc, new TimeWindow(At(0).ToUniversalTime(), At(60).ToUniversalTime()), At(60).ToUniversalTime());

        Assert.Equal(wib, inUtc);
    }

    [Fact]
    public void Over_AnyHistory_EqualsMinuteByMinuteCount()
    {
        Prop.ForAll(DeviceHistories.OnGrid(TimeSpan.FromMinutes(1), 240), history =>
        {
            var expected = CountMinuteByMinute(history);
            var actual = Uptime.Over(history.Intervals, history.Window, history.Now, history.Maintenance);
            return actual == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Sum_DevicesMonitoredForDifferentSpans_PoolsTimeRatherThanAveragingRatios()
    {
        var allDay = Uptime.Over([Interval(DeviceStatus.Online, 0, null)], Window(0, 1440), At(1440));
        var addedLastHour = Uptime.Over([Interval(DeviceStatus.Offline, 1380, null)], Window(0, 1440), At(1440));

        var city = Uptime.Sum([allDay, addedLastHour]);

        Assert.Equal(1440.0 / 1500, city.Ratio!.Value, 12);
        Assert.Equal(allDay + addedLastHour, city);
    }

    [Fact]
    public void Sum_NoDevices_RatioIsNull()
    {
        Assert.Null(Uptime.Sum([]).Ratio);
    }

    private static UptimeResult CountMinuteByMinute(DeviceHistory history)
    {
        long up = 0, monitored = 0;
        for (var minute = history.Window.Start; minute < history.Window.End && minute < history.Now; minute = minute.AddMinutes(1))
        {
            if (history.Maintenance.Any(m => m.Start <= minute && minute < m.End))
            {
                continue;
            }

            var holding = history.Intervals.FirstOrDefault(i => i.From <= minute && minute < (i.To ?? history.Now));
            if (holding is null)
            {
                continue;
            }

            monitored++;
            up += holding.Status.IsUp() ? 1 : 0;
        }

        return new UptimeResult(TimeSpan.FromMinutes(up), TimeSpan.FromMinutes(monitored));
    }

    private static StatusInterval Interval(DeviceStatus status, int from, int? to) =>
        new(status, At(from), to is null ? null : At(to.Value));

    private static TimeWindow Window(int from, int to) => new(At(from), At(to));

    private static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);
}
