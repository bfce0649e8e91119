using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class WorkingCalendarTests
{
    private static readonly DateOnly ConfiguredHoliday = new(2026, 2, 17);

    [Theory]
    [InlineData("2026-01-30", true)]
    [InlineData("2026-01-31", false)]
    [InlineData("2026-02-01", false)]
    [InlineData("2026-02-02", true)]
    [InlineData("2026-02-17", false)]
    public void IsWorkingDay_WeekendsAndConfiguredHolidays_AreNot(string day, bool working)
    {
        var calendar = new WorkingCalendar([ConfiguredHoliday]);

        Assert.Equal(working, calendar.IsWorkingDay(DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2026-01-30", 1, "2026-02-02")]
    [InlineData("2026-01-31", 3, "2026-02-04")]
    [InlineData("2026-02-16", 3, "2026-02-20")]
    [InlineData("2026-02-26", 5, "2026-03-05")]
    [InlineData("2025-12-31", 2, "2026-01-02")]
    [InlineData("2026-01-31", 0, "2026-01-31")]
    public void AddWorkingDays_AcrossWeekendsHolidaysAndMonthEnds_SkipsNonWorkingDays(string from, int days, string expected)
    {
        var calendar = new WorkingCalendar([ConfiguredHoliday]);

        Assert.Equal(DateOnly.Parse(expected), calendar.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Fact]
    public void AddWorkingDays_NegativeDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 1, 1), -1));
    }

    [Fact]
    public void AddWorkingDays_AnyStartAndHolidays_CountsExactlyThatManyWorkingDays()
    {
        var cases =
            from start in Gen.Choose(0, 3650)
            from days in Gen.Choose(0, 40)
            from holidays in Gen.ListOf(Gen.Choose(0, 3700))
            select (From: new DateOnly(2020, 1, 1).AddDays(start), Days: days, Holidays: holidays.Select(h => new DateOnly(2020, 1, 1).AddDays(h)).ToList());

        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(cases), c =>
        {
            var calendar = new WorkingCalendar(c.Holidays);
            var result = calendar.AddWorkingDays(c.From, c.Days);
            var counted = Enumerable.Range(1, result.DayNumber - c.From.DayNumber)
                .Count(offset => calendar.IsWorkingDay(c.From.AddDays(offset)));
            return counted == c.Days && (c.Days == 0 || calendar.IsWorkingDay(result));
        }));
    }
}
