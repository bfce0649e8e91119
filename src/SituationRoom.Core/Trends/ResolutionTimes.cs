namespace SituationRoom.Core.Trends;

/// <summary>The median of a histogram: the bucket the middle complaint falls in, and an estimate inside it.</summary>
/// <param name="Estimate">Linear interpolation inside the bucket.</param>
/// <param name="Lower">The middle complaint took longer than this (or exactly 0).</param>
/// <param name="Upper">…and at most this; null when it took longer than the last threshold.</param>
public readonly record struct ResolutionMedian(TimeSpan Estimate, TimeSpan Lower, TimeSpan? Upper);

/// <summary>
/// Time to resolve (closed minus received, calendar time) kept as a cumulative histogram, so that a median over any
/// set of days and places is a sum of stored counts rather than a sort of raw history. The thresholds are a day
/// apart around the 10-day promise, where medians live; the price is that a median is known to its bucket.
/// </summary>
public static class ResolutionTimes
{
    public static readonly IReadOnlyList<TimeSpan> Thresholds =
    [
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3),
        TimeSpan.FromDays(4), TimeSpan.FromDays(5), TimeSpan.FromDays(6), TimeSpan.FromDays(7), TimeSpan.FromDays(8),
        TimeSpan.FromDays(9), TimeSpan.FromDays(10), TimeSpan.FromDays(14), TimeSpan.FromDays(21), TimeSpan.FromDays(30),
    ];

    /// <summary>Adds one resolution to cumulative counts: every threshold it is within (≤) counts it.</summary>
    public static void Count(TimeSpan took, int[] within)
    {
        for (var i = within.Length - 1; i >= 0 && took <= Thresholds[i]; i--)
        {
            within[i]++;
        }
    }

    /// <summary>
    /// The lower median (the ((n + 1) / 2)-th fastest of n resolutions) located in the histogram, or null when n is 0.
    /// </summary>
    public static ResolutionMedian? Median(int resolved, IReadOnlyList<int> within)
    {
        if (resolved <= 0)
        {
            return null;
        }

        var rank = (resolved + 1) / 2;
        var before = 0;
        for (var i = 0; i < Thresholds.Count; i++)
        {
            if (within[i] >= rank)
            {
                var lower = i == 0 ? TimeSpan.Zero : Thresholds[i - 1];
                var inBucket = within[i] - before;
                var fraction = (rank - before - 0.5) / inBucket;
                return new ResolutionMedian(lower + ((Thresholds[i] - lower) * fraction), lower, Thresholds[i]);
            }

            before = within[i];
        }

        return new ResolutionMedian(Thresholds[^1], Thresholds[^1], null);
    }
}
