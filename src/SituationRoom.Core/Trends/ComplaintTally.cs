namespace SituationRoom.Core.Trends;

/// <summary>
/// What happened to complaints in one cell (a day, a place, an owner, a category, a channel, or any sum of them):
/// how many came in, how many were closed and how many of those on time, and how fast the resolved ones were.
/// Every field is a count, so cells add up to any period or group exactly.
/// </summary>
public sealed class ComplaintTally
{
    public int Received { get; set; }

    /// <summary>Closed on this cell's day: resolved or rejected.</summary>
    public int Closed { get; set; }

    /// <summary>Closed no later than the complaint's due time (the 10-day promise, moved on by pauses).</summary>
    public int ClosedWithinSla { get; set; }

    public int Resolved { get; set; }

    /// <summary>Resolved within each of <see cref="ResolutionTimes.Thresholds"/>, cumulative.</summary>
    public int[] ResolvedWithin { get; } = new int[ResolutionTimes.Thresholds.Count];

    public int ClosedLate => Closed - ClosedWithinSla;

    /// <summary>Share of closed complaints closed on time; null when none were closed (never a made-up 0 or 100%).</summary>
    public double? WithinSlaShare => Closed > 0 ? (double)ClosedWithinSla / Closed : null;

    public ResolutionMedian? MedianResolution => ResolutionTimes.Median(Resolved, ResolvedWithin);

    public bool IsEmpty => Received == 0 && Closed == 0;

    public void Add(ComplaintTally other)
    {
        Received += other.Received;
        Closed += other.Closed;
        ClosedWithinSla += other.ClosedWithinSla;
        Resolved += other.Resolved;
        for (var i = 0; i < ResolvedWithin.Length; i++)
        {
            ResolvedWithin[i] += other.ResolvedWithin[i];
        }
    }

    public static ComplaintTally Sum(IEnumerable<ComplaintTally> tallies)
    {
        var sum = new ComplaintTally();
        foreach (var tally in tallies)
        {
            sum.Add(tally);
        }

        return sum;
    }
}
