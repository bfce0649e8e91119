using System.Globalization;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Trends;

/// <summary>How finely a trend is cut: per WIB day, per ISO week (Monday to Sunday) or per calendar month.</summary>
public enum Grain
{
    Day,
    Week,
    Month,
}

/// <summary>What a trend is compared with.</summary>
public enum Comparison
{
    None,
    /// <summary>The same number of days immediately before.</summary>
    PreviousPeriod,
    /// <summary>The same calendar dates one year earlier.</summary>
    YearEarlier,
}

/// <summary>WIB calendar days from <see cref="From"/> to <see cref="To"/>, both included: what an analyst picks.</summary>
public sealed record DayRange
{
    public DayRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first day after the range.</summary>
    public DateOnly End => To.AddDays(1);

    public DateTime StartUtc => Wib.StartOfDayUtc(From);

    public DateTime EndUtc => Wib.StartOfDayUtc(End);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public DayRange? Intersect(DayRange other)
    {
        var from = From > other.From ? From : other.From;
        var to = To < other.To ? To : other.To;
        return to < from ? null : new DayRange(from, to);
    }

    /// <summary>The days before <paramref name="to"/>, <paramref name="days"/> of them, <paramref name="to"/> included.</summary>
    public static DayRange Last(int days, DateOnly to) => new(to.AddDays(1 - days), to);

    /// <summary>
    /// The range to compare with, or null for none. A year earlier keeps calendar dates. The previous period is the
    /// same number of days just before, except for month buckets of a range that starts on the 1st: then it is the
    /// same number of calendar months before, so that bucket i of both is a month (30 November 2026 − 12 months is
    /// 30 November 2025; a month's last day stays its month's last day).
    /// </summary>
    public DayRange? ComparedWith(Comparison comparison, Grain grain = Grain.Day) =>
        comparison == Comparison.None ? null : ShiftedAs(this, comparison, grain);

    /// <summary>This range (a bucket of <paramref name="whole"/>, or the whole) moved as <paramref name="comparison"/> moves
    /// the whole, so that bucket i of the comparison lines up with bucket i of the range.</summary>
    public DayRange ShiftedAs(DayRange whole, Comparison comparison, Grain grain = Grain.Day) => comparison switch
    {
        Comparison.PreviousPeriod when grain == Grain.Month && whole.From.Day == 1 => ShiftMonths(-whole.MonthsTouched),
        Comparison.PreviousPeriod => new DayRange(From.AddDays(-whole.Days), To.AddDays(-whole.Days)),
        Comparison.YearEarlier => ShiftMonths(-12),
        _ => this,
    };

    /// <summary>How many calendar months the range reaches into.</summary>
    public int MonthsTouched => ((To.Year * 12) + To.Month) - ((From.Year * 12) + From.Month) + 1;

    private DayRange ShiftMonths(int months)
    {
        var to = To.AddMonths(months);
        if (To.AddDays(1).Day == 1)
        {
            to = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        }

        return new DayRange(From.AddMonths(months), to);
    }

    /// <summary>The range cut at day, ISO week or month boundaries; the first and last piece may be partial.</summary>
    public IReadOnlyList<DayRange> Buckets(Grain grain)
    {
        var kind = grain switch
        {
            Grain.Week => PeriodKind.Week,
            Grain.Month => PeriodKind.Month,
            _ => PeriodKind.Day,
        };
        var buckets = new List<DayRange>();
        for (var day = From; day <= To;)
        {
            var period = Period.Containing(day, kind);
            var to = period.End.AddDays(-1) < To ? period.End.AddDays(-1) : To;
            buckets.Add(new DayRange(day, to));
            day = to.AddDays(1);
        }

        return buckets;
    }

    /// <summary>"2026-11-01..2026-11-30", the form used in logs and file names.</summary>
    public override string ToString() =>
        From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
