namespace SituationRoom.Core.Devices;

/// <summary>Excluded time (announced maintenance, switched-off periods) as sorted, disjoint windows.</summary>
internal sealed class MergedWindows
{
    public static readonly MergedWindows None = new([]);

    private readonly TimeWindow[] windows;

    private MergedWindows(TimeWindow[] windows) => this.windows = windows;

    public static MergedWindows From(IReadOnlyList<TimeWindow>? windows)
    {
        if (windows is null || windows.Count == 0)
        {
            return None;
        }

        var merged = new List<TimeWindow>(windows.Count);
        foreach (var window in windows.Where(w => w.End > w.Start).OrderBy(w => w.Start))
        {
            if (merged.Count > 0 && window.Start <= merged[^1].End)
            {
                if (window.End > merged[^1].End)
                {
                    merged[^1] = merged[^1] with { End = window.End };
                }
            }
            else
            {
                merged.Add(window);
            }
        }

        return new MergedWindows([.. merged]);
    }

    public TimeSpan OverlapWith(DateTimeOffset from, DateTimeOffset to)
    {
        if (windows.Length == 0 || to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        for (var i = FirstEndingAfter(from); i < windows.Length && windows[i].Start < to; i++)
        {
            var start = windows[i].Start > from ? windows[i].Start : from;
            var end = windows[i].End < to ? windows[i].End : to;
            total += end - start;
        }

        return total;
    }

    private int FirstEndingAfter(DateTimeOffset instant)
    {
        int low = 0, high = windows.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (windows[mid].End <= instant)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
