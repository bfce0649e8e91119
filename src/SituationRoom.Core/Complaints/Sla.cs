namespace SituationRoom.Core.Complaints;

/// <summary>
/// Stage deadlines, reckoned on WIB calendar dates. Calendar days: the same WIB time of day N days later
/// (received 31 Jan 23:30 WIB, 10 days: due 10 Feb 23:30 WIB). Working days: the end of the N-th working day
/// after the WIB day of the start, the start day never counting (received Saturday, 3 working days: due at the
/// end of Wednesday), returned as the first instant of the following WIB day. Results are in WIB.
/// </summary>
public static class Sla
{
    public static DateTimeOffset Deadline(DateTimeOffset start, SlaStageRule rule, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(rule.Days);
        var wibStart = Wib.ToWib(start);
        if (rule.Kind == SlaDayKind.Calendar)
        {
            return wibStart.AddDays(rule.Days);
        }

        var lastDay = calendar.AddWorkingDays(Wib.DateOf(start), rule.Days);
        return Wib.ToWib(Wib.StartOfDayUtc(lastDay.AddDays(1)));
    }
}
