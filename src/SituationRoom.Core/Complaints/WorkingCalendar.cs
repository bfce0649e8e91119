namespace SituationRoom.Core.Complaints;

public sealed class WorkingCalendar
{
    public WorkingCalendar(IEnumerable<DateOnly>? holidays = null)
    {
        Holidays = (holidays ?? []).ToHashSet();
    }

    public static WorkingCalendar WeekendsOnly { get; } = new();

    public IReadOnlySet<DateOnly> Holidays { get; }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day);

    /// <summary>The day on which the <paramref name="days"/>-th working day after <paramref name="from"/> falls; <paramref name="from"/> itself never counts.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
