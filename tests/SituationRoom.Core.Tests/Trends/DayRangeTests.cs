using SituationRoom.Core.Trends;

namespace SituationRoom.Core.Tests.Trends;

public class DayRangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void Last_SevenDays_EndsTodayAndHasSevenDays()
    {
        var range = DayRange.Last(7, Today);

        Assert.Equal(new DateOnly(2026, 11, 14), range.From);
        Assert.Equal(Today, range.To);
        Assert.Equal(7, range.Days);
    }

    [Fact]
    public void StartUtc_IsWibMidnight()
    {
        var range = new DayRange(Today, Today);

        Assert.Equal(new DateTime(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc), range.StartUtc);
        Assert.Equal(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc), range.EndUtc);
    }

    [Fact]
    public void ComparedWith_PreviousPeriod_IsTheSameLengthJustBefore()
    {
        var range = new DayRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        var previous = range.ComparedWith(Comparison.PreviousPeriod)!;

        Assert.Equal(new DateOnly(2026, 10, 2), previous.From);
        Assert.Equal(new DateOnly(2026, 10, 31), previous.To);
        Assert.Equal(range.Days, previous.Days);
    }

    [Fact]
    public void ComparedWith_YearEarlier_KeepsCalendarDates()
    {
        var range = new DayRange(new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29));

        var earlier = range.ComparedWith(Comparison.YearEarlier)!;

        Assert.Equal(new DateOnly(2027, 2, 1), earlier.From);
        Assert.Equal(new DateOnly(2027, 2, 28), earlier.To);
    }

    [Fact]
    public void ComparedWith_None_IsNull() => Assert.Null(DayRange.Last(30, Today).ComparedWith(Comparison.None));

    [Fact]
    public void Buckets_Weeks_CutAtMondaysWithPartialEnds()
    {
        // Wednesday 4 November to Friday 20 November 2026.
        var buckets = new DayRange(new DateOnly(2026, 11, 4), Today).Buckets(Grain.Week);

        Assert.Equal(
            [
                new DayRange(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 8)),
                new DayRange(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)),
                new DayRange(new DateOnly(2026, 11, 16), Today),
            ],
            buckets);
    }

    [Fact]
    public void Buckets_AnyGrain_CoverTheRangeExactlyOnce()
    {
        var range = new DayRange(new DateOnly(2025, 11, 21), Today);
        foreach (var grain in Enum.GetValues<Grain>())
        {
            var buckets = range.Buckets(grain);

            Assert.Equal(range.From, buckets[0].From);
            Assert.Equal(range.To, buckets[^1].To);
            Assert.Equal(range.Days, buckets.Sum(b => b.Days));
            Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.Equal(pair.First.To.AddDays(1), pair.Second.From));
        }
    }

    [Fact]
    public void Buckets_Months_AreCalendarMonths()
    {
        var buckets = new DayRange(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 31)).Buckets(Grain.Month);

        Assert.Equal(3, buckets.Count);
        Assert.Equal(new DateOnly(2026, 2, 1), buckets[1].From);
        Assert.Equal(new DateOnly(2026, 2, 28), buckets[1].To);
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new DayRange(Today, Today.AddDays(-1)));

    [Fact]
    public void Intersect_Disjoint_IsNull()
    {
        var a = new DayRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 10));

        Assert.Null(a.Intersect(new DayRange(new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12))));
        Assert.Equal(new DayRange(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 10)), a.Intersect(new DayRange(new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1))));
    }

    [Fact]
    public void ShiftedAs_BucketsOfThePreviousPeriod_LineUpWithTheComparedRange()
    {
        var range = new DayRange(new DateOnly(2026, 8, 23), Today);
        var compared = range.ComparedWith(Comparison.PreviousPeriod)!;

        var shifted = range.Buckets(Grain.Week).Select(b => b.ShiftedAs(range, Comparison.PreviousPeriod)).ToList();

        Assert.Equal(compared.From, shifted[0].From);
        Assert.Equal(compared.To, shifted[^1].To);
        Assert.Equal(compared.Days, shifted.Sum(b => b.Days));
    }

    [Fact]
    public void ComparedWith_PreviousPeriodOfWholeMonthsByMonth_IsTheSameMonthsBefore()
    {
        var range = new DayRange(new DateOnly(2025, 12, 1), Today);

        var previous = range.ComparedWith(Comparison.PreviousPeriod, Grain.Month)!;
        var buckets = range.Buckets(Grain.Month).Select(b => b.ShiftedAs(range, Comparison.PreviousPeriod, Grain.Month)).ToList();

        Assert.Equal(new DayRange(new DateOnly(2024, 12, 1), new DateOnly(2025, 11, 20)), previous);
        Assert.Equal(new DayRange(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), buckets[2]);
        Assert.Equal(new DayRange(new DateOnly(2025, 11, 1), new DateOnly(2025, 11, 20)), buckets[^1]);
        Assert.Equal(12, buckets.Count);
    }

    [Fact]
    public void ComparedWith_YearEarlierOfAMonth_KeepsTheMonthsLastDay()
    {
        var february = new DayRange(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28));

        Assert.Equal(new DayRange(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), february.ComparedWith(Comparison.YearEarlier, Grain.Month));
        Assert.Equal(
            new DayRange(new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)),
            new DayRange(new DateOnly(2029, 2, 1), new DateOnly(2029, 2, 28)).ComparedWith(Comparison.YearEarlier));
    }

    [Fact]
    public void ComparedWith_PreviousPeriodOfDaysInAMonth_ShiftsByDays()
    {
        var october = new DayRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        Assert.Equal(new DayRange(new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30)), october.ComparedWith(Comparison.PreviousPeriod, Grain.Day));
        Assert.Equal(new DayRange(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30)), october.ComparedWith(Comparison.PreviousPeriod, Grain.Month));
    }
}
