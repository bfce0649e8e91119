namespace SituationRoom.Core.Trends;

/// <summary>Summed counts of one day and one value of the dimension a trend is split by.</summary>
public sealed record ComplaintCell(DateOnly Day, string Key, ComplaintTally Tally);

/// <summary>
/// Daily cells folded into a chart's buckets: per bucket and key, per bucket, per key and overall. Keys are ordered
/// by complaints received, most first (ties by code), which is the order series and table rows are shown in.
/// </summary>
public sealed class ComplaintTrend
{
    private ComplaintTrend(
        IReadOnlyList<DayRange> buckets,
        IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, ComplaintTally[]> byKey,
        ComplaintTally[] perBucket,
        IReadOnlyDictionary<string, ComplaintTally> keyTotals,
        ComplaintTally total)
    {
        Buckets = buckets;
        Keys = keys;
        ByKey = byKey;
        PerBucket = perBucket;
        KeyTotals = keyTotals;
        Total = total;
    }

    public IReadOnlyList<DayRange> Buckets { get; }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyDictionary<string, ComplaintTally[]> ByKey { get; }

    public IReadOnlyList<ComplaintTally> PerBucket { get; }

    public IReadOnlyDictionary<string, ComplaintTally> KeyTotals { get; }

    public ComplaintTally Total { get; }

    /// <summary>A key's total, or an empty tally when the key has no complaints here.</summary>
    public ComplaintTally TotalOf(string key) => KeyTotals.TryGetValue(key, out var tally) ? tally : new ComplaintTally();

    /// <summary>Folds cells into <paramref name="buckets"/> (contiguous, in order); cells outside every bucket are ignored.</summary>
    public static ComplaintTrend Fold(IEnumerable<ComplaintCell> cells, IReadOnlyList<DayRange> buckets)
    {
        var byKey = new Dictionary<string, ComplaintTally[]>(StringComparer.Ordinal);
        var perBucket = buckets.Select(_ => new ComplaintTally()).ToArray();
        var keyTotals = new Dictionary<string, ComplaintTally>(StringComparer.Ordinal);
        var total = new ComplaintTally();
        foreach (var cell in cells)
        {
            var index = IndexOf(buckets, cell.Day);
            if (index < 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(cell.Key, out var series))
            {
                byKey[cell.Key] = series = buckets.Select(_ => new ComplaintTally()).ToArray();
                keyTotals[cell.Key] = new ComplaintTally();
            }

            series[index].Add(cell.Tally);
            perBucket[index].Add(cell.Tally);
            keyTotals[cell.Key].Add(cell.Tally);
            total.Add(cell.Tally);
        }

        var keys = keyTotals
            .OrderByDescending(k => k.Value.Received)
            .ThenByDescending(k => k.Value.Closed)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => k.Key)
            .ToList();
        return new ComplaintTrend(buckets, keys, byKey, perBucket, keyTotals, total);
    }

    private static int IndexOf(IReadOnlyList<DayRange> buckets, DateOnly day)
    {
        int low = 0, high = buckets.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (day < buckets[mid].From)
            {
                high = mid - 1;
            }
            else if (day > buckets[mid].To)
            {
                low = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
