using System.Globalization;
using System.Text;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Trends;

namespace SituationRoom.Web.Features.Trends;

/// <summary>The period presets an analyst picks from; <see cref="Custom"/> takes a from and a to date.</summary>
public enum TrendPeriod
{
    Today,
    Days7,
    Days30,
    Days90,
    Months12,
    Custom,
}

/// <summary>What the complaint series are split by.</summary>
public enum TrendDimension
{
    Category,
    Channel,
    Opd,
    Kecamatan,
}

/// <summary>
/// Everything an analyst chose on /trends, and the one form it takes in a URL, so a view can be bookmarked,
/// shared and exported with the same query. Defaults are left out of the URL; unknown values are reported, never
/// guessed. The code "-" for OPD, kecamatan or category means "not set" (in triage, no place, not categorised).
/// </summary>
public sealed record TrendFilter
{
    public const string None = "-";

    public static readonly TrendFilter Default = new();

    public TrendPeriod Period { get; init; } = TrendPeriod.Days30;

    /// <summary>First day of a custom range (WIB); only with <see cref="TrendPeriod.Custom"/>.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of a custom range, included.</summary>
    public DateOnly? To { get; init; }

    public string? Opd { get; init; }

    public string? Kecamatan { get; init; }

    public string? Category { get; init; }

    public ComplaintChannel? Channel { get; init; }

    public Comparison Compare { get; init; } = Comparison.PreviousPeriod;

    public TrendDimension By { get; init; } = TrendDimension.Category;

    /// <summary>Null: chosen from the range's length (<see cref="EffectiveGrain"/>).</summary>
    public Grain? Grain { get; init; }

    public static readonly IReadOnlyList<string> Keys = ["period", "from", "to", "opd", "kec", "cat", "channel", "compare", "by", "grain"];

    public DayRange Range(DateOnly today) => Period switch
    {
        TrendPeriod.Today => DayRange.Last(1, today),
        TrendPeriod.Days7 => DayRange.Last(7, today),
        TrendPeriod.Days90 => DayRange.Last(90, today),
        // Twelve calendar months, the current one so far: month buckets stay whole months, as budget reviews read them.
        TrendPeriod.Months12 => new DayRange(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today),
        TrendPeriod.Custom when From is { } from && To is { } to => new DayRange(from, to),
        _ => DayRange.Last(30, today),
    };

    /// <summary>Days up to a month and a half, weeks up to four months, months beyond: a chart stays readable at 1080p.</summary>
    public Grain EffectiveGrain(DayRange range) => Grain ?? range.Days switch
    {
        <= 45 => Core.Trends.Grain.Day,
        <= 120 => Core.Trends.Grain.Week,
        _ => Core.Trends.Grain.Month,
    };

    /// <summary>The same filter narrowed to <paramref name="range"/> as a custom period (drill-down into one bucket).</summary>
    public TrendFilter Within(DayRange range) => this with { Period = TrendPeriod.Custom, From = range.From, To = range.To };

    public TrendFilter WithKey(TrendDimension dimension, string key) => dimension switch
    {
        TrendDimension.Category => this with { Category = Code(key) },
        TrendDimension.Opd => this with { Opd = Code(key) },
        TrendDimension.Kecamatan => this with { Kecamatan = Code(key) },
        _ => this with { Channel = Enum.TryParse<ComplaintChannel>(key, out var channel) ? channel : null },
    };

    /// <summary>The filters that a device or SMART chart cannot apply (they have no category or channel).</summary>
    public bool FiltersComplaintsOnly => Category is not null || Channel is not null;

    /// <summary>The query string, without "?", keys in a fixed order and defaults left out.</summary>
    public string ToQuery() => Append(new StringBuilder()).ToString().TrimStart('&');

    internal StringBuilder Append(StringBuilder query)
    {
        if (Period != Default.Period)
        {
            Add(query, "period", Token(Period));
        }

        if (Period == TrendPeriod.Custom)
        {
            Add(query, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(query, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        Add(query, "opd", Opd);
        Add(query, "kec", Kecamatan);
        Add(query, "cat", Category);
        Add(query, "channel", Channel?.ToString().ToLowerInvariant());
        if (Compare != Default.Compare)
        {
            Add(query, "compare", Token(Compare));
        }

        if (By != Default.By)
        {
            Add(query, "by", By.ToString().ToLowerInvariant());
        }

        Add(query, "grain", Grain?.ToString().ToLowerInvariant());
        return query;
    }

    internal static void Add(StringBuilder query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    /// <summary>Reads a filter from query values (missing keys take defaults). Each value that cannot be read is named in <paramref name="errors"/>.</summary>
    public static TrendFilter Parse(Func<string, string?> query, IDictionary<string, string[]> errors)
    {
        var filter = Default;
        if (query("period") is { Length: > 0 } period)
        {
            filter = TryPeriod(period) is { } p ? filter with { Period = p } : Error(filter, "period", "7d, 30d, 90d, 12m, today, custom");
        }

        if (filter.Period == TrendPeriod.Custom)
        {
            var from = Date(query("from"));
            var to = Date(query("to"));
            if (from is null || to is null || to < from)
            {
                errors["from"] = ["Rentang kustom perlu from dan to (yyyy-MM-dd), to tidak sebelum from / A custom range needs from and to (yyyy-MM-dd), to not before from"];
                filter = filter with { Period = Default.Period };
            }
            else
            {
                filter = filter with { From = from, To = to };
            }
        }

        filter = filter with { Opd = Code(query("opd")), Kecamatan = Code(query("kec")), Category = Code(query("cat")) };
        if (query("channel") is { Length: > 0 } channel)
        {
            filter = Enum.TryParse<ComplaintChannel>(channel, ignoreCase: true, out var c) && Enum.IsDefined(c)
                ? filter with { Channel = c }
                : Error(filter, "channel", string.Join(", ", Enum.GetNames<ComplaintChannel>()).ToLowerInvariant());
        }

        if (query("compare") is { Length: > 0 } compare)
        {
            filter = TryComparison(compare) is { } c ? filter with { Compare = c } : Error(filter, "compare", "none, previous, year");
        }

        if (query("by") is { Length: > 0 } by)
        {
            filter = Enum.TryParse<TrendDimension>(by, ignoreCase: true, out var d) && Enum.IsDefined(d)
                ? filter with { By = d }
                : Error(filter, "by", "category, channel, opd, kecamatan");
        }

        if (query("grain") is { Length: > 0 } grain)
        {
            filter = Enum.TryParse<Grain>(grain, ignoreCase: true, out var g) && Enum.IsDefined(g)
                ? filter with { Grain = g }
                : Error(filter, "grain", "day, week, month");
        }

        return filter;

        TrendFilter Error(TrendFilter unchanged, string key, string allowed)
        {
            errors[key] = [$"Nilai tidak dikenal; gunakan {allowed} / Unknown value; use {allowed}"];
            return unchanged;
        }
    }

    public static string Token(TrendPeriod period) => period switch
    {
        TrendPeriod.Today => "today",
        TrendPeriod.Days7 => "7d",
        TrendPeriod.Days30 => "30d",
        TrendPeriod.Days90 => "90d",
        TrendPeriod.Months12 => "12m",
        _ => "custom",
    };

    public static string Token(Comparison comparison) => comparison switch
    {
        Comparison.PreviousPeriod => "previous",
        Comparison.YearEarlier => "year",
        _ => "none",
    };

    private static TrendPeriod? TryPeriod(string token) =>
        Enum.GetValues<TrendPeriod>().Cast<TrendPeriod?>().FirstOrDefault(p => string.Equals(Token(p!.Value), token, StringComparison.OrdinalIgnoreCase));

    private static Comparison? TryComparison(string token) =>
        Enum.GetValues<Comparison>().Cast<Comparison?>().FirstOrDefault(c => string.Equals(Token(c!.Value), token, StringComparison.OrdinalIgnoreCase));

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The value stored in the rollup for a filter code: "-" (not set) is the empty string there.</summary>
    internal static string StoredCode(string code) => code == None ? "" : code;
}
