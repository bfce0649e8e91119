using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class RollupsTests
{
    private static readonly DateTimeOffset Midnight = new(2025, 10, 14, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Hourly_IntervalsAcrossHours_SplitAtHourBoundaries()
    {
        var history = new[]
        {
            new StatusInterval(DeviceStatus.Online, At(0, 30), At(1, 15)),
            new StatusInterval(DeviceStatus.Offline, At(1, 15), At(2, 10)),
        };

        var rollups = Rollups.Hourly(history, new TimeWindow(At(0, 0), At(3, 0)), At(5, 0));

        Assert.Equal(
            [
                new HourlyRollup(At(0, 0).ToUniversalTime(), Minutes(30), Minutes(30)),
                new HourlyRollup(At(1, 0).ToUniversalTime(), Minutes(15), Minutes(60)),
                new HourlyRollup(At(2, 0).ToUniversalTime(), Minutes(0), Minutes(10)),
            ],
            rollups);
    }

    [Fact]
    public void Hourly_WibInstants_HourStartIsAUtcHourBoundary()
    {
        var rollups = Rollups.Hourly([new StatusInterval(DeviceStatus.Online, At(0, 20), null)], new TimeWindow(At(0, 0), At(1, 0)), At(1, 0));

        var hour = Assert.Single(rollups).HourStart;
        Assert.Equal(TimeSpan.Zero, hour.Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 13, 17, 0, 0, TimeSpan.Zero), hour);
    }

    [Fact]
    public void Hourly_OpenInterval_StopsAtNowMidHour()
    {
        var rollups = Rollups.Hourly([new StatusInterval(DeviceStatus.Online, At(0, 0), null)], new TimeWindow(At(0, 0), At(6, 0)), At(1, 20));

        Assert.Equal([Minutes(60), Minutes(20)], rollups.Select(r => r.Monitored));
    }

    [Fact]
    public void Hourly_HourWhollyInMaintenance_LeftOut()
    {
        var rollups = Rollups.Hourly(
            [new StatusInterval(DeviceStatus.Offline, At(0, 0), null)],
            new TimeWindow(At(0, 0), At(3, 0)),
            At(3, 0),
            [new TimeWindow(At(0, 50), At(2, 0))]);

        Assert.Equal([At(0, 0), At(2, 0)], rollups.Select(r => r.HourStart));
        Assert.Equal(Minutes(50), rollups[0].Monitored);
    }

    [Fact]
    public void Hourly_NoHistory_NoRollups()
    {
        Assert.Empty(Rollups.Hourly([], new TimeWindow(At(0, 0), At(3, 0)), At(3, 0)));
    }

    [Fact]
    public void Hourly_AnyHistory_SumEqualsUptimeOverTheSameWindow()
    {
        Prop.ForAll(DeviceHistories.OnGrid(TimeSpan.FromSeconds(97), 600), history =>
        {
            var rollups = Rollups.Hourly(history.Intervals, history.Window, history.Now, history.Maintenance);
            var expected = Uptime.Over(history.Intervals, history.Window, history.Now, history.Maintenance);
            return Uptime.Sum(rollups.Select(r => r.ToUptime())) == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hourly_AnyHistory_EachRollupIsOneHourRecomputedFromTheIntervals()
    {
        Prop.ForAll(DeviceHistories.OnGrid(TimeSpan.FromSeconds(97), 600), history =>
        {
            var rollups = Rollups.Hourly(history.Intervals, history.Window, history.Now, history.Maintenance);
            return rollups.All(r =>
                r.HourStart == Rollups.HourOf(r.HourStart)
                && r.Up <= r.Monitored
                && r.Monitored > TimeSpan.Zero
                && r.ToUptime() == Uptime.Over(history.Intervals, Clip(history.Window, r.HourStart), history.Now, history.Maintenance))
                && rollups.Select(r => r.HourStart).Distinct().Count() == rollups.Count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hourly_WindowSplitAnywhereByARestart_CombinedEqualsOnePass()
    {
        var cases =
            from history in DeviceHistories.OnGrid(TimeSpan.FromSeconds(61), 600).Generator
            from split in Gen.Choose(0, 1000)
            select (history, split);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (history, split) = c;
            var window = history.Window;
            var restart = window.Start + ((window.End - window.Start) * (split / 1000.0));
            var before = Rollups.Hourly(history.Intervals, window with { End = restart }, history.Now, history.Maintenance);
            var after = Rollups.Hourly(history.Intervals, window with { Start = restart }, history.Now, history.Maintenance);

            var whole = Rollups.Hourly(history.Intervals, window, history.Now, history.Maintenance);
            return Rollups.Combine(before.Concat(after)).SequenceEqual(whole);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hourly_HourRecomputedAfterARestart_ReplacingTheRowCountsNothingTwice()
    {
        var history = new List<StatusInterval> { new(DeviceStatus.Online, At(9, 0), null) };
        var stored = new Dictionary<DateTimeOffset, HourlyRollup>();
        void WriteRecentHours(DateTimeOffset now)
        {
            foreach (var rollup in Rollups.Hourly(history, new TimeWindow(Rollups.HourOf(now).AddHours(-1), now), now))
            {
                stored[rollup.HourStart] = rollup;
            }
        }

        WriteRecentHours(At(9, 20));
        WriteRecentHours(At(9, 20));
        history[0] = history[0] with { To = At(9, 40) };
        history.Add(new StatusInterval(DeviceStatus.Offline, At(9, 40), null));
        WriteRecentHours(At(9, 35));
        WriteRecentHours(At(10, 5));

        Assert.Equal(new UptimeResult(Minutes(40), Minutes(60)), stored[At(9, 0)].ToUptime());
        Assert.Equal(
            Uptime.Over(history, new TimeWindow(At(9, 0), At(10, 5)), At(10, 5)),
            Uptime.Sum(stored.Values.Select(r => r.ToUptime())));
    }

    [Fact]
    public void Combine_PartialsOfTheSameHourInDifferentOffsets_OneRowPerHour()
    {
        var utcHour = At(1, 0).ToUniversalTime();
        var combined = Rollups.Combine(
        [
            new HourlyRollup(At(2, 0), Minutes(10), Minutes(20)),
            new HourlyRollup(utcHour, Minutes(5), Minutes(10)),
            new HourlyRollup(At(1, 0), Minutes(30), Minutes(40)),
        ]);

        Assert.Equal(
            [
                new HourlyRollup(utcHour, Minutes(35), Minutes(50)),
                new HourlyRollup(At(2, 0).ToUniversalTime(), Minutes(10), Minutes(20)),
            ],
            combined);
    }

    [Fact]
    public void HourOf_InstantInWib_StartOfItsUtcHour()
    {
        Assert.Equal(new DateTimeOffset(2025, 10, 13, 18, 0, 0, TimeSpan.Zero), Rollups.HourOf(At(1, 59).AddSeconds(59)));
    }

    private static TimeWindow Clip(TimeWindow window, DateTimeOffset hour) =>
        new(window.Start > hour ? window.Start : hour, window.End < hour.AddHours(1) ? window.End : hour.AddHours(1));

    private static DateTimeOffset At(int hours, int minutes) => Midnight.AddHours(hours).AddMinutes(minutes);

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);
}
