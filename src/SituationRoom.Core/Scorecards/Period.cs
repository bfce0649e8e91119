using System.Globalization;
using static System.FormattableString;

namespace SituationRoom.Core.Scorecards;

/// <summary>A day, ISO week, month or quarter of WIB calendar days, [Start, End). Only built from a date it contains,
/// so every period of a kind lines up with every other and daily scores roll up without gaps or overlaps.</summary>
public sealed record Period
{
    private static readonly string[] MonthsId =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    private Period(PeriodKind kind, DateOnly start, DateOnly end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public PeriodKind Kind { get; }

    public DateOnly Start { get; }

    /// <summary>The first day after the period.</summary>
    public DateOnly End { get; }

    public int DayCount => End.DayNumber - Start.DayNumber;

    public DateTime StartUtc => Wib.StartOfDayUtc(Start);

    public DateTime EndUtc => Wib.StartOfDayUtc(End);

    /// <summary>"Minggu 47 2026", "November 2026", "Triwulan IV 2026", "23 November 2026". Weeks carry their ISO week-year.</summary>
    public string LabelId => Kind switch
    {
        PeriodKind.Day => Invariant($"{Start.Day} {MonthsId[Start.Month - 1]} {Start.Year}"),
        PeriodKind.Week => Invariant($"Minggu {IsoWeek} {IsoWeekYear}"),
        PeriodKind.Month => Invariant($"{MonthsId[Start.Month - 1]} {Start.Year}"),
        _ => Invariant($"Triwulan {Roman[Quarter - 1]} {Start.Year}"),
    };

    public string LabelEn => Kind switch
    {
        PeriodKind.Day => Invariant($"{Start.Day} {MonthsEn[Start.Month - 1]} {Start.Year}"),
        PeriodKind.Week => Invariant($"Week {IsoWeek} {IsoWeekYear}"),
        PeriodKind.Month => Invariant($"{MonthsEn[Start.Month - 1]} {Start.Year}"),
        _ => Invariant($"Q{Quarter} {Start.Year}"),
    };

    /// <summary>A sortable storage key: "2026-11-23", "2026-W47", "2026-11", "2026-Q4".</summary>
    public string Key => Kind switch
    {
        PeriodKind.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodKind.Week => Invariant($"{IsoWeekYear:D4}-W{IsoWeek:D2}"),
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Invariant($"{Start.Year:D4}-Q{Quarter}"),
    };

    private int IsoWeek => ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue));

    private int IsoWeekYear => ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue));

    private int Quarter => (Start.Month - 1) / 3 + 1;

    public static Period Containing(DateOnly date, PeriodKind kind)
    {
        switch (kind)
        {
            case PeriodKind.Day:
                return new Period(kind, date, date.AddDays(1));
            case PeriodKind.Week:
                var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
                return new Period(kind, monday, monday.AddDays(7));
            case PeriodKind.Month:
                var first = new DateOnly(date.Year, date.Month, 1);
                return new Period(kind, first, first.AddMonths(1));
            case PeriodKind.Quarter:
                var quarterStart = new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);
                return new Period(kind, quarterStart, quarterStart.AddMonths(3));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The period holding the WIB calendar day of <paramref name="instant"/>.</summary>
    public static Period Containing(DateTimeOffset instant, PeriodKind kind) => Containing(Wib.DateOf(instant), kind);

    public static Period ParseKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(key, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            return Containing(day, PeriodKind.Day);
        }

        if (DateOnly.TryParseExact(key, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            return Containing(month, PeriodKind.Month);
        }

        if (key.Length == 8 && key[4] == '-' && key[5] == 'W' && TryYear(key, out var weekYear)
            && int.TryParse(key.AsSpan(6, 2), NumberStyles.None, invariant, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(weekYear))
        {
            return Containing(DateOnly.FromDateTime(ISOWeek.ToDateTime(weekYear, week, DayOfWeek.Monday)), PeriodKind.Week);
        }

        if (key.Length == 7 && key[4] == '-' && key[5] == 'Q' && key[6] is >= '1' and <= '4' && TryYear(key, out var quarterYear))
        {
            return Containing(new DateOnly(quarterYear, (key[6] - '1') * 3 + 1, 1), PeriodKind.Quarter);
        }

        throw new FormatException($"\"{key}\" is not a period key such as 2026-11-23, 2026-W47, 2026-11 or 2026-Q4.");
    }

    public Period Previous() => Containing(Start.AddDays(-1), Kind);

    public Period Next() => Containing(End, Kind);

    public bool Contains(DateOnly date) => date >= Start && date < End;

    public IEnumerable<DateOnly> Days()
    {
        for (var day = Start; day < End; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public override string ToString() => Key;

    private static bool TryYear(string key, out int year) =>
        int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1;
}
