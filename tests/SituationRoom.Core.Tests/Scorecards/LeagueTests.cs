using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class LeagueTests
{
    [Fact]
    public void Rank_DistinctScores_BestFirst()
    {
        var table = League.Rank([("DLH", 70), ("DPU", 90), ("DISHUB", 80)]);

        Assert.Equal(["DPU", "DISHUB", "DLH"], table.Select(e => e.OpdCode));
        Assert.Equal([1, 2, 3], table.Select(e => e.Rank));
        Assert.All(table, e => Assert.False(e.Tied));
    }

    [Fact]
    public void Rank_Ties_ShareARankAndSkipTheNext()
    {
        var table = League.Rank([("A", 90), ("C", 85), ("B", 85), ("D", 80)]);

        Assert.Equal([("A", 1), ("B", 2), ("C", 2), ("D", 4)], table.Select(e => (e.OpdCode, e.Rank)));
        Assert.Equal([false, true, true, false], table.Select(e => e.Tied));
    }

    [Fact]
    public void Rank_ScoresEqualOnceRounded_AreTied()
    {
        var table = League.Rank([("A", 85.004), ("B", 84.996)]);

        Assert.All(table, e => Assert.Equal(1, e.Rank));
        Assert.All(table, e => Assert.True(e.Tied));
        Assert.Equal(85.004, table[0].Composite);
    }

    [Fact]
    public void Rank_NoComposite_RankedLastAndMarked()
    {
        var table = League.Rank([("SATPOL", null), ("DPU", 10), ("DLH", 60)]);

        var last = table[^1];
        Assert.Equal("SATPOL", last.OpdCode);
        Assert.Equal(3, last.Rank);
        Assert.True(last.NotApplicable);
        Assert.Null(last.Composite);
        Assert.All(table.Take(2), e => Assert.False(e.NotApplicable));
    }

    [Fact]
    public void Rank_SeveralWithoutComposite_ShareTheLastRank()
    {
        var table = League.Rank([("X", null), ("A", 50), ("W", double.NaN)]);

        Assert.Equal([("A", 1, false), ("W", 2, true), ("X", 2, true)], table.Select(e => (e.OpdCode, e.Rank, e.NotApplicable)));
    }

    [Fact]
    public void Rank_InputOrder_DoesNotChangeTheTable()
    {
        (string, double?)[] scores = [("A", 70), ("B", 70), ("C", null), ("D", 95), ("E", 12.5)];

        var forward = League.Rank(scores);
        var backward = League.Rank(scores.AsEnumerable().Reverse());

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Rank_SameOpdTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => League.Rank([("DPU", 70), ("DPU", 80)]));
    }

    [Fact]
    public void Rank_NoOpds_IsEmpty()
    {
        Assert.Empty(League.Rank([]));
    }
}
