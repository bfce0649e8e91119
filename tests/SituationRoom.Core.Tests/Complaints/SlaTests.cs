using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class SlaTests
{
    private static readonly SlaStageRule ThreeWorkingDays = new(3, SlaDayKind.Working);
    private static readonly SlaStageRule FiveWorkingDays = new(5, SlaDayKind.Working);
    private static readonly SlaStageRule TenCalendarDays = new(10, SlaDayKind.Calendar);

    private static DateTimeOffset AtWib(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Wib.Offset);

    [Fact]
    public void Deadline_WorkingDaysFromSaturdayNightAtMonthEnd_EndsWednesdayInWib()
    {
        var due = Sla.Deadline(AtWib(2026, 1, 31, 23, 30), ThreeWorkingDays, WorkingCalendar.WeekendsOnly);

        Assert.Equal(AtWib(2026, 2, 5), due);
        Assert.Equal(Wib.Offset, due.Offset);
    }

    [Fact]
    public void Deadline_StartGivenInUtc_IsReckonedOnTheWibDate()
    {
        var mondayEarlyWib = new DateTimeOffset(2026, 2, 1, 20, 0, 0, TimeSpan.Zero);

        var due = Sla.Deadline(mondayEarlyWib, ThreeWorkingDays, WorkingCalendar.WeekendsOnly);

        Assert.Equal(AtWib(2026, 2, 6), due);
    }

    [Fact]
    public void Deadline_CalendarDaysFromMonthEnd_IsSameWibTimeTenDaysLater()
    {
        var received = new DateTimeOffset(2026, 1, 31, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(AtWib(2026, 2, 10, 23, 30), Sla.Deadline(received, TenCalendarDays, WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void Deadline_CalendarDaysAcrossYearEnd_RollsIntoJanuary()
    {
        Assert.Equal(
            AtWib(2026, 1, 4, 10),
            Sla.Deadline(AtWib(2025, 12, 25, 10), TenCalendarDays, WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void Deadline_WorkingDaysFromFebruaryEnd_RunsIntoMarch()
    {
        Assert.Equal(
            AtWib(2026, 3, 7),
            Sla.Deadline(AtWib(2026, 2, 27, 16), FiveWorkingDays, WorkingCalendar.WeekendsOnly));
    }

    [Theory]
    [InlineData(false, 6)]
    [InlineData(true, 7)]
    public void Deadline_NewYearsEveWithAndWithoutConfiguredHoliday_MovesByADay(bool newYearHoliday, int dueDayOfJanuary)
    {
        var calendar = new WorkingCalendar(newYearHoliday ? [new DateOnly(2026, 1, 1)] : []);

        Assert.Equal(AtWib(2026, 1, dueDayOfJanuary), Sla.Deadline(AtWib(2025, 12, 31, 23), ThreeWorkingDays, calendar));
    }

    [Fact]
    public void Deadline_ConfiguredHolidayWeek_IsSkipped()
    {
        DateOnly[] leave = [new(2026, 3, 18), new(2026, 3, 19), new(2026, 3, 20), new(2026, 3, 23), new(2026, 3, 24)];

        var due = Sla.Deadline(AtWib(2026, 3, 17, 10), ThreeWorkingDays, new WorkingCalendar(leave));

        Assert.Equal(AtWib(2026, 3, 28), due);
    }

    [Fact]
    public void Deadline_AnyStartAndRule_IsNeverBeforeStartAndWorkingDeadlinesEndOnAWorkingDay()
    {
        var calendar = new WorkingCalendar([new DateOnly(2026, 1, 1), new DateOnly(2026, 8, 17), new DateOnly(2026, 12, 25)]);
        var cases =
            from minutes in Gen.Choose(0, 3 * 366 * 24 * 60)
            from offsetHours in Gen.Elements(-5, 0, 7, 9)
            from days in Gen.Choose(0, 30)
            from kind in Gen.Elements(SlaDayKind.Calendar, SlaDayKind.Working)
            select (Start: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(offsetHours)).AddMinutes(minutes), Rule: new SlaStageRule(days, kind));

        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(cases), c =>
        {
            var due = Sla.Deadline(c.Start, c.Rule, calendar);
            var lastMoment = Wib.DateOf(due.AddTicks(-1));
            return due >= c.Start
                && (c.Rule.Kind == SlaDayKind.Calendar || c.Rule.Days == 0 || calendar.IsWorkingDay(lastMoment));
        }));
    }
}
