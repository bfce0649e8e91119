using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class PeriodTests
{
    [Fact]
    public void Containing_Day_IsThatDayAlone()
    {
        var day = Period.Containing(new DateOnly(2026, 11, 23), PeriodKind.Day);

        Assert.Equal(new DateOnly(2026, 11, 23), day.Start);
        Assert.Equal(new DateOnly(2026, 11, 24), day.End);
        Assert.Equal(1, day.DayCount);
        Assert.Equal("23 November 2026", day.LabelId);
    }

    [Fact]
    public void Containing_LastDayOfMonth_EndsOnTheFirstOfTheNext()
    {
        var month = Period.Containing(new DateOnly(2026, 1, 31), PeriodKind.Month);

        Assert.Equal(new DateOnly(2026, 1, 1), month.Start);
        Assert.Equal(new DateOnly(2026, 2, 1), month.End);
        Assert.True(month.Contains(new DateOnly(2026, 1, 31)));
        Assert.False(month.Contains(month.End));
    }

    [Fact]
    public void Containing_LeapFebruary_HasTwentyNineDays()
    {
        Assert.Equal(29, Period.Containing(new DateOnly(2028, 2, 29), PeriodKind.Month).DayCount);
        Assert.Equal(28, Period.Containing(new DateOnly(2026, 2, 10), PeriodKind.Month).DayCount);
    }

    [Fact]
    public void Containing_Sunday_WeekStartsOnThePreviousMonday()
    {
        var week = Period.Containing(new DateOnly(2026, 11, 22), PeriodKind.Week);

        Assert.Equal(new DateOnly(2026, 11, 16), week.Start);
        Assert.Equal(new DateOnly(2026, 11, 23), week.End);
        Assert.Equal(DayOfWeek.Monday, week.Start.DayOfWeek);
    }

    [Fact]
    public void Containing_Monday_WeekStartsThatDay()
    {
        var week = Period.Containing(new DateOnly(2026, 11, 16), PeriodKind.Week);

        Assert.Equal(new DateOnly(2026, 11, 16), week.Start);
        Assert.Equal("Minggu 47 2026", week.LabelId);
        Assert.Equal("Week 47 2026", week.LabelEn);
    }

    [Fact]
    public void Containing_NewYearsDayInLastIsoWeek_BelongsToTheOldYearsWeek53()
    {
        var week = Period.Containing(new DateOnly(2027, 1, 1), PeriodKind.Week);

        Assert.Equal(new DateOnly(2026, 12, 28), week.Start);
        Assert.Equal(new DateOnly(2027, 1, 4), week.End);
        Assert.Equal("Minggu 53 2026", week.LabelId);
        Assert.Equal("2026-W53", week.Key);
    }

    [Fact]
    public void Containing_DecemberDayInFirstIsoWeek_BelongsToTheNewYearsWeek1()
    {
        var week = Period.Containing(new DateOnly(2024, 12, 31), PeriodKind.Week);

        Assert.Equal(new DateOnly(2024, 12, 30), week.Start);
        Assert.Equal("Minggu 1 2025", week.LabelId);
        Assert.Equal("2025-W01", week.Key);
    }

    [Theory]
    [InlineData(2026, 1, 1, 1, "Triwulan I 2026", "Q1 2026")]
    [InlineData(2026, 6, 30, 4, "Triwulan II 2026", "Q2 2026")]
    [InlineData(2026, 7, 1, 7, "Triwulan III 2026", "Q3 2026")]
    [InlineData(2026, 11, 23, 10, "Triwulan IV 2026", "Q4 2026")]
    public void Containing_Quarter_StartsOnTheQuartersFirstMonth(int year, int month, int day, int startMonth, string labelId, string labelEn)
    {
        var quarter = Period.Containing(new DateOnly(year, month, day), PeriodKind.Quarter);

        Assert.Equal(new DateOnly(year, startMonth, 1), quarter.Start);
        Assert.Equal(new DateOnly(year, startMonth, 1).AddMonths(3), quarter.End);
        Assert.Equal(labelId, quarter.LabelId);
        Assert.Equal(labelEn, quarter.LabelEn);
    }

    [Fact]
    public void LabelId_Month_IsTheIndonesianMonthName()
    {
        Assert.Equal("November 2026", Period.Containing(new DateOnly(2026, 11, 5), PeriodKind.Month).LabelId);
        Assert.Equal("Agustus 2026", Period.Containing(new DateOnly(2026, 8, 17), PeriodKind.Month).LabelId);
        Assert.Equal("August 2026", Period.Containing(new DateOnly(2026, 8, 17), PeriodKind.Month).LabelEn);
    }

    [Fact]
    public void Previous_MarchMonth_IsFebruary()
    {
        var previous = Period.Containing(new DateOnly(2026, 3, 31), PeriodKind.Month).Previous();

        Assert.Equal(new DateOnly(2026, 2, 1), previous.Start);
        Assert.Equal(new DateOnly(2026, 3, 1), previous.End);
    }

    [Fact]
    public void Previous_FirstQuarter_IsLastYearsFourth()
    {
        var previous = Period.Containing(new DateOnly(2027, 2, 1), PeriodKind.Quarter).Previous();

        Assert.Equal("Triwulan IV 2026", previous.LabelId);
    }

    [Fact]
    public void Previous_FirstIsoWeek_IsTheOldYearsLastWeek()
    {
        var previous = Period.Containing(new DateOnly(2027, 1, 4), PeriodKind.Week).Previous();

        Assert.Equal("Minggu 53 2026", previous.LabelId);
        Assert.Equal(previous, Period.Containing(new DateOnly(2026, 12, 31), PeriodKind.Week));
    }

    [Fact]
    public void Next_ThenPrevious_ReturnsTheSamePeriod()
    {
        foreach (var kind in Enum.GetValues<PeriodKind>())
        {
            var period = Period.Containing(new DateOnly(2026, 12, 31), kind);

            Assert.Equal(period, period.Next().Previous());
            Assert.Equal(period.End, period.Next().Start);
        }
    }

    [Fact]
    public void Containing_Instant_UsesTheWibCalendarDay()
    {
        var lateNovemberUtc = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);

        var month = Period.Containing(lateNovemberUtc, PeriodKind.Month);

        Assert.Equal("Desember 2026", month.LabelId);
        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), month.StartUtc);
    }

    [Fact]
    public void Days_Week_AreSevenConsecutiveDaysFromMonday()
    {
        var days = Period.Containing(new DateOnly(2026, 11, 18), PeriodKind.Week).Days().ToList();

        Assert.Equal(7, days.Count);
        Assert.Equal(new DateOnly(2026, 11, 16), days[0]);
        Assert.Equal(new DateOnly(2026, 11, 22), days[^1]);
    }

    [Theory]
    [InlineData(PeriodKind.Day, "2026-11-23")]
    [InlineData(PeriodKind.Week, "2026-W48")]
    [InlineData(PeriodKind.Month, "2026-11")]
    [InlineData(PeriodKind.Quarter, "2026-Q4")]
    public void Key_ParsedBack_GivesTheSamePeriod(PeriodKind kind, string key)
    {
        var period = Period.Containing(new DateOnly(2026, 11, 23), kind);

        Assert.Equal(key, period.Key);
        Assert.Equal(period, Period.ParseKey(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("2026-Q5")]
    [InlineData("November 2026")]
    public void ParseKey_NotAKey_Throws(string key)
    {
        Assert.Throws<FormatException>(() => Period.ParseKey(key));
    }
}
