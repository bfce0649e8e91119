using SituationRoom.Core.Complaints;
using SituationRoom.Core.Trends;

namespace SituationRoom.Core.Tests.Trends;

public class ComplaintCubeTests
{
    private static readonly DayRange November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static DateTimeOffset Wib(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(7));

    private static ComplaintRecord Record(ComplaintStatus status, DateTimeOffset received, DateTimeOffset? closed, string category = "jalan") =>
        new(status, received, received.AddDays(10), closed, "DPU", "3374010", category, "Sms");

    [Fact]
    public void Tally_LateEveningUtcIsNextWibDay_CountsOnTheWibDay()
    {
        // 23:30 WIB on the 5th is 16:30 UTC on the 5th; 01:00 WIB on the 6th is 18:00 UTC on the 5th.
        var cells = ComplaintCube.Tally([Record(ComplaintStatus.Received, Wib(6, 1), null)], November);

        Assert.Equal(new DateOnly(2026, 11, 6), Assert.Single(cells.Keys).Day);
    }

    [Fact]
    public void Tally_ResolvedLate_ClosedButNotWithinSla()
    {
        var received = Wib(1, 9);
        var cells = ComplaintCube.Tally([Record(ComplaintStatus.Resolved, received, received.AddDays(12))], November);

        var closedDay = cells[new CubeKey(new DateOnly(2026, 11, 13), "DPU", "3374010", "jalan", "Sms")];
        Assert.Equal(1, closedDay.Closed);
        Assert.Equal(0, closedDay.ClosedWithinSla);
        Assert.Equal(1, closedDay.Resolved);
        Assert.Equal(1, cells[new CubeKey(new DateOnly(2026, 11, 1), "DPU", "3374010", "jalan", "Sms")].Received);
    }

    [Fact]
    public void Tally_Rejected_ClosedButNotResolved()
    {
        var received = Wib(2, 9);
        var tally = ComplaintTally.Sum(ComplaintCube.Tally([Record(ComplaintStatus.Rejected, received, received.AddHours(3))], November).Values);

        Assert.Equal(1, tally.Closed);
        Assert.Equal(1, tally.ClosedWithinSla);
        Assert.Equal(0, tally.Resolved);
        Assert.Null(tally.MedianResolution);
    }

    [Fact]
    public void Tally_ReopenedAndOpen_CountsOnlyAsReceived()
    {
        // A reopened complaint keeps no ClosedAt: it is open again and counts only where it arrived.
        var tally = ComplaintTally.Sum(ComplaintCube.Tally([Record(ComplaintStatus.InProgress, Wib(3, 9), null)], November).Values);

        Assert.Equal(1, tally.Received);
        Assert.Equal(0, tally.Closed);
    }

    [Fact]
    public void Tally_DaysOutsideTheRange_AreLeftOut()
    {
        var received = Wib(28, 9);
        var cells = ComplaintCube.Tally([Record(ComplaintStatus.Resolved, received, received.AddDays(5))], November);

        Assert.Equal(new DateOnly(2026, 11, 28), Assert.Single(cells.Keys).Day);
    }

    [Fact]
    public void Tally_SumOfCells_EqualsTheCounts()
    {
        var records = Enumerable.Range(0, 200)
            .Select(i => Record(
                i % 3 == 0 ? ComplaintStatus.Resolved : i % 3 == 1 ? ComplaintStatus.Rejected : ComplaintStatus.InProgress,
                Wib(1 + (i % 20), i % 24),
                i % 3 == 2 ? null : Wib(1 + (i % 20), i % 24).AddHours(i * 2),
                i % 2 == 0 ? "jalan" : "sampah"))
            .ToList();

        var total = ComplaintTally.Sum(ComplaintCube.Tally(records, November).Values);

        Assert.Equal(200, total.Received);
        Assert.Equal(records.Count(r => r.ClosedAt is { } c && November.Contains(SituationRoom.Core.Wib.DateOf(c))), total.Closed);
        Assert.Equal(records.Count(r => r.ClosedAt is { } c && November.Contains(SituationRoom.Core.Wib.DateOf(c)) && c <= r.DueAt), total.ClosedWithinSla);
    }
}
