using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Trends;

namespace SituationRoom.Core.Tests.Trends;

public class ResolutionTimesTests
{
    [Fact]
    public void Count_ExactlyOnAThreshold_CountsAsWithinIt()
    {
        var within = new int[ResolutionTimes.Thresholds.Count];

        ResolutionTimes.Count(TimeSpan.FromDays(10), within);

        var tenDays = ResolutionTimes.Thresholds.ToList().IndexOf(TimeSpan.FromDays(10));
        Assert.Equal(0, within[tenDays - 1]);
        Assert.All(within.Skip(tenDays), n => Assert.Equal(1, n));
    }

    [Fact]
    public void Median_Nothing_IsNull() => Assert.Null(ResolutionTimes.Median(0, new int[ResolutionTimes.Thresholds.Count]));

    [Fact]
    public void Median_MostBeyondThirtyDays_HasNoUpperBound()
    {
        var within = new int[ResolutionTimes.Thresholds.Count];
        ResolutionTimes.Count(TimeSpan.FromDays(40), within);

        var median = ResolutionTimes.Median(1, within)!.Value;

        Assert.Null(median.Upper);
        Assert.Equal(TimeSpan.FromDays(30), median.Lower);
    }

    [Fact]
    public void Median_AnyDurations_BucketHoldsTheExactLowerMedian()
    {
        var durations = Gen.Choose(0, 50 * 24 * 60).Select(m => TimeSpan.FromMinutes(m)).NonEmptyListOf();
        Prop.ForAll(durations.ToArbitrary(), list =>
        {
            var within = new int[ResolutionTimes.Thresholds.Count];
            foreach (var d in list)
            {
                ResolutionTimes.Count(d, within);
            }

            var exact = list.Order().ElementAt(((list.Count + 1) / 2) - 1);
            var median = ResolutionTimes.Median(list.Count, within)!.Value;
            return median.Lower <= exact
                && (median.Upper is null || exact <= median.Upper)
                && median.Estimate >= median.Lower
                && (median.Upper is null || median.Estimate <= median.Upper);
        }).QuickCheckThrowOnFailure();
    }
}
