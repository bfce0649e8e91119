using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;

namespace SituationRoom.Core.Tests.Trends;

public class DailyUptimeTests
{
    private static readonly DayRange Days = new(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 20));

    private static DateTimeOffset Wib(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(7));

    /// <summary>Up and down in turn, from the evening before the range until <paramref name="now"/>, the last one open.</summary>
    private static List<StatusInterval> Flapping(Random random, DateTimeOffset now)
    {
        var intervals = new List<StatusInterval>();
        var at = Wib(9, 22);
        var status = DeviceStatus.Online;
        while (at < now)
        {
            var next = at.AddMinutes(random.Next(5, 3000));
            intervals.Add(new StatusInterval(status, at, next < now ? next : null));
            at = next;
            status = status == DeviceStatus.Online ? DeviceStatus.Offline : DeviceStatus.Online;
        }

        return intervals;
    }

    [Fact]
    public void AddTo_EveryDay_EqualsUptimeOverThatDay()
    {
        var now = Wib(20, 10, 30);
        var intervals = Flapping(new Random(7), now);

        var perDay = new UptimeResult[Days.Days];
        DailyUptime.AddTo(perDay, intervals, Days, now);

        for (var i = 0; i < Days.Days; i++)
        {
            var day = Days.From.AddDays(i);
            var window = new TimeWindow(new DateTimeOffset(SituationRoom.Core.Wib.StartOfDayUtc(day), TimeSpan.Zero), new DateTimeOffset(SituationRoom.Core.Wib.StartOfDayUtc(day.AddDays(1)), TimeSpan.Zero));
            Assert.Equal(Uptime.Over(intervals, window, now), perDay[i]);
        }
    }

    [Fact]
    public void AddTo_WithExcludedTime_EveryDayEqualsUptimeOverThatDayWithTheSameExclusions()
    {
        var now = Wib(20, 10, 30);
        var intervals = Flapping(new Random(11), now);

        // Maintenance across a midnight, an overlapping second window, and a switched-off period still open.
        TimeWindow[] excluded = [new(Wib(12, 20), Wib(13, 4)), new(Wib(13, 2), Wib(13, 9)), new(Wib(17, 15), DateTimeOffset.MaxValue)];
        var perDay = new UptimeResult[Days.Days];
        DailyUptime.AddTo(perDay, intervals, Days, now, excluded);

        for (var i = 0; i < Days.Days; i++)
        {
            var day = Days.From.AddDays(i);
            var window = new TimeWindow(new DateTimeOffset(SituationRoom.Core.Wib.StartOfDayUtc(day), TimeSpan.Zero), new DateTimeOffset(SituationRoom.Core.Wib.StartOfDayUtc(day.AddDays(1)), TimeSpan.Zero));
            Assert.Equal(Uptime.Over(intervals, window, now, excluded), perDay[i]);
        }

        Assert.Equal(TimeSpan.FromHours(20), perDay[2].Monitored);
        Assert.Null(perDay[9].Ratio);
    }

    [Fact]
    public void AddTo_DeviceAddedMidRange_EarlierDaysNotMonitored()
    {
        var now = Wib(20, 12);
        var perDay = new UptimeResult[Days.Days];

        DailyUptime.AddTo(perDay, [new StatusInterval(DeviceStatus.Online, Wib(18, 6), null)], Days, now);

        Assert.All(perDay.Take(8), d => Assert.Null(d.Ratio));
        Assert.Equal(TimeSpan.FromHours(18), perDay[8].Monitored);
        Assert.Equal(TimeSpan.FromHours(12), perDay[10].Monitored);
    }

    [Fact]
    public void AddTo_WrongSlotCount_Throws() =>
        Assert.Throws<ArgumentException>(() => DailyUptime.AddTo(new UptimeResult[3], [], Days, Wib(20, 1)));
}
