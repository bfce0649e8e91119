using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class ScoreMovementTests
{
    [Fact]
    public void Delta_BothScores_IsTheDifferenceOfWhatWasShown()
    {
        var movement = ScoreMovement.Of(80.004, 81.236);

        Assert.Equal(1.24, movement.Delta);
    }

    [Fact]
    public void Delta_Dropped_IsNegative()
    {
        Assert.Equal(-5.5, ScoreMovement.Of(75, 69.5).Delta);
    }

    [Fact]
    public void Delta_MissingEitherScore_IsNull()
    {
        Assert.Null(ScoreMovement.Of(null, 80).Delta);
        Assert.Null(ScoreMovement.Of(80, (double?)null).Delta);
    }

    [Fact]
    public void InLeague_Climbed_HasPositiveRankChange()
    {
        var before = League.Rank([("DPU", 90), ("DLH", 80), ("DISHUB", 70)]);
        var after = League.Rank([("DPU", 85), ("DLH", 70), ("DISHUB", 88)]);

        var movement = ScoreMovement.InLeague("DISHUB", before, after);

        Assert.Equal(3, movement.PreviousRank);
        Assert.Equal(1, movement.CurrentRank);
        Assert.Equal(2, movement.RankChange);
        Assert.Equal(18, movement.Delta);
        Assert.Equal(-1, ScoreMovement.InLeague("DPU", before, after).RankChange);
    }

    [Fact]
    public void InLeague_NotApplicableLastPeriod_HasNoRankChange()
    {
        var before = League.Rank([("DPU", 90), ("DLH", null)]);
        var after = League.Rank([("DPU", 85), ("DLH", 95)]);

        var movement = ScoreMovement.InLeague("DLH", before, after);

        Assert.Null(movement.PreviousRank);
        Assert.Equal(1, movement.CurrentRank);
        Assert.Null(movement.RankChange);
        Assert.Null(movement.Delta);
    }

    [Fact]
    public void InLeague_NewOpd_HasNoPrevious()
    {
        var movement = ScoreMovement.InLeague("BARU", [], League.Rank([("BARU", 60)]));

        Assert.Null(movement.Previous);
        Assert.Equal(60, movement.Current);
        Assert.Null(movement.RankChange);
    }

    [Fact]
    public void Of_ScorecardsUnderDifferentRuleSets_FlagsTheChange()
    {
        var values = new Dictionary<string, double?> { ["S.only"] = 70 };
        var before = SmartScoring.Score(values, SampleRuleSets.SingleIndicator("single-1"));
        var after = SmartScoring.Score(values, SampleRuleSets.SingleIndicator("single-2"));

        Assert.True(ScoreMovement.Of(before, after).RuleSetChanged);
        Assert.False(ScoreMovement.Of(before, before).RuleSetChanged);
        Assert.Equal(0, ScoreMovement.Of(before, after).Delta);
    }

    [Fact]
    public void Of_NoPreviousScorecard_HasNoDelta()
    {
        var card = SmartScoring.Score(new Dictionary<string, double?> { ["S.only"] = 70 }, SampleRuleSets.SingleIndicator());

        var movement = ScoreMovement.Of(null, card);

        Assert.Null(movement.Delta);
        Assert.False(movement.RuleSetChanged);
    }
}
