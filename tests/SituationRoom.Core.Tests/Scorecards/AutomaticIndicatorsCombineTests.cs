using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

/// <summary>Daily readings rolled up to a period must say what the period read directly says: that is what lets the
/// room store days and derive weeks, months and quarters from them.</summary>
public class AutomaticIndicatorsCombineTests
{
    private static readonly Period November = Period.Containing(new DateOnly(2026, 11, 1), PeriodKind.Month);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1708)]
    public void Combine_DailyReadingsOfAPastMonth_EqualTheMonthReadDirectly(int seed)
    {
        var now = Instant(November.End).AddDays(3);
        var (complaints, devices) = Generate(new Random(seed), now);

        AssertSame(Direct(complaints, devices, November, now), FromDays(complaints, devices, November, now));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(99)]
    public void Combine_DailyReadingsOfTheCurrentMonth_EqualTheMonthReadDirectly(int seed)
    {
        var now = Instant(new DateOnly(2026, 11, 20)).AddHours(9.5);
        var (complaints, devices) = Generate(new Random(seed), now);

        var direct = Direct(complaints, devices, November, now);
        AssertSame(direct, FromDays(complaints, devices, November, now));
        Assert.True(direct[AutomaticIndicators.ComplaintsUpdated].Value is not null);
    }

    [Fact]
    public void Combine_WeeksIntoAQuarter_EqualsDaysIntoTheQuarter()
    {
        var quarter = Period.Containing(new DateOnly(2026, 10, 1), PeriodKind.Quarter);
        var now = Instant(quarter.End);
        var (complaints, devices) = Generate(new Random(4), now, quarter);
        var days = quarter.Days().Select(d => Read(complaints, devices, Period.Containing(d, PeriodKind.Day), now)).ToList();

        var months = Enumerable.Range(0, 3)
            .Select(m => AutomaticIndicators.Combine(days.Skip(m == 0 ? 0 : m == 1 ? 31 : 61).Take(m == 1 ? 30 : 31)))
            .ToList();

        AssertSame(AutomaticIndicators.Combine(days), AutomaticIndicators.Combine(months));
        AssertSame(Direct(complaints, devices, quarter, now), AutomaticIndicators.Combine(months));
    }

    [Fact]
    public void Combine_EveryJudgedComplaintOnTime_KeepsMeanLatenessZero()
    {
        var onTime = new IndicatorReading(0, 0);
        var none = new IndicatorReading(null, 0);

        var combined = AutomaticIndicators.Combine(
        [
            new Dictionary<string, IndicatorReading> { [AutomaticIndicators.MeanDaysLate] = onTime },
            new Dictionary<string, IndicatorReading> { [AutomaticIndicators.MeanDaysLate] = none },
        ]);

        Assert.Equal(0, combined[AutomaticIndicators.MeanDaysLate].Value);
    }

    [Fact]
    public void Combine_OnTimeDaysBesideALateOne_AreNotAveragedIn()
    {
        // Ten on time on Monday, one five days late on Tuesday: the late one was five days late, not 5/11 of a day.
        var combined = AutomaticIndicators.Combine(
        [
            new Dictionary<string, IndicatorReading> { [AutomaticIndicators.MeanDaysLate] = new(0, 0), [AutomaticIndicators.SlaMet] = new(100, 10) },
            new Dictionary<string, IndicatorReading> { [AutomaticIndicators.MeanDaysLate] = new(5, 1), [AutomaticIndicators.SlaMet] = new(0, 1) },
        ]);

        Assert.Equal(5, combined[AutomaticIndicators.MeanDaysLate].Value);
        Assert.Equal(1000.0 / 11, combined[AutomaticIndicators.SlaMet].Value!.Value, 9);
        Assert.Equal(11, combined[AutomaticIndicators.SlaMet].Weight);
    }

    [Fact]
    public void Combine_NoWindowHasAValue_StaysNotApplicable()
    {
        var combined = AutomaticIndicators.Combine(
            [new Dictionary<string, IndicatorReading> { [AutomaticIndicators.HotspotUptime] = new(null, 0) }]);

        Assert.Null(combined[AutomaticIndicators.HotspotUptime].Value);
    }

    private static IReadOnlyDictionary<string, IndicatorReading> Direct(
        List<ComplaintOutcome> complaints, List<DeviceStanding> devices, Period period, DateTimeOffset now) =>
        Read(complaints, devices, period, now);

    private static IReadOnlyDictionary<string, IndicatorReading> FromDays(
        List<ComplaintOutcome> complaints, List<DeviceStanding> devices, Period period, DateTimeOffset now) =>
        AutomaticIndicators.Combine(period.Days().Select(d => Read(complaints, devices, Period.Containing(d, PeriodKind.Day), now)));

    private static IReadOnlyDictionary<string, IndicatorReading> Read(
        List<ComplaintOutcome> complaints, List<DeviceStanding> devices, Period period, DateTimeOffset now) =>
        AutomaticIndicators.Compute(complaints, devices, new TimeWindow(Instant(period.Start), Instant(period.End)), now);

    private static void AssertSame(IReadOnlyDictionary<string, IndicatorReading> expected, IReadOnlyDictionary<string, IndicatorReading> actual)
    {
        foreach (var (code, reading) in expected)
        {
            var other = actual.TryGetValue(code, out var r) ? r : new IndicatorReading(null, 0);
            Assert.True(reading.Value is null == other.Value is null, $"{code}: {reading.Value} vs {other.Value}");
            if (reading.Value is { } value)
            {
                Assert.True(Math.Abs(value - other.Value!.Value) < 1e-9, $"{code}: {value} vs {other.Value}");
            }
        }

        Assert.All(actual.Where(a => a.Value.Value is not null), a => Assert.True(expected.ContainsKey(a.Key), a.Key));
    }

    private static DateTimeOffset Instant(DateOnly wibDate) => new(Wib.StartOfDayUtc(wibDate), TimeSpan.Zero);

    /// <summary>Complaints due and closed all over the period and around it, some reopened, some still open; hotspots and
    /// cameras with outages, one added mid-period.</summary>
    private static (List<ComplaintOutcome> Complaints, List<DeviceStanding> Devices) Generate(Random random, DateTimeOffset now, Period? around = null)
    {
        var period = around ?? November;
        var from = Instant(period.Start).AddDays(-15);
        var span = (Instant(period.End).AddDays(5) - from).TotalMinutes;
        var complaints = new List<ComplaintOutcome>();
        for (var i = 0; i < 400; i++)
        {
            var due = from.AddMinutes(random.NextDouble() * span);
            var open = random.NextDouble() < 0.15;
            var closed = open ? (DateTimeOffset?)null : due.AddDays((random.NextDouble() * 14) - 9);
            if (closed > now)
            {
                closed = null;
            }

            var status = closed is null ? ComplaintStatus.InProgress : random.NextDouble() < 0.9 ? ComplaintStatus.Resolved : ComplaintStatus.Rejected;
            var updated = (closed ?? now).AddDays(-random.NextDouble() * 6);
            complaints.Add(new ComplaintOutcome(status, due, closed, updated < now ? updated : now, random.NextDouble() < 0.1 ? 1 : 0));
        }

        var devices = new List<DeviceStanding>();
        for (var i = 0; i < 12; i++)
        {
            var at = from.AddDays(random.NextDouble() * (i == 0 ? 40 : 2));
            var history = new List<StatusInterval>();
            var up = true;
            while (at < now)
            {
                var until = at.AddHours(up ? random.NextDouble() * 90 : random.NextDouble() * 9);
                history.Add(new StatusInterval(up ? DeviceStatus.Online : DeviceStatus.Offline, at, until >= now ? null : until));
                at = until;
                up = !up;
            }

            var kind = i % 3 == 0 ? DeviceKind.Camera : DeviceKind.Hotspot;
            var lifecycle = i == 11 ? DeviceLifecycle.SwitchedOff : DeviceLifecycle.Active;
            devices.Add(new DeviceStanding(kind, lifecycle, now.AddMinutes(-random.Next(0, 10)), TimeSpan.FromMinutes(1), history));
        }

        return (complaints, devices);
    }
}
