using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

/// <summary>An OPD the room cannot observe must not top the league on what it reports about itself.</summary>
public class CoverageRuleTests
{
    private static readonly RuleSet Smart = DefaultRuleSets.Smart2026;

    [Fact]
    public void Smart2026_RequiresAQuarterOfTheWeightToBeMeasured()
    {
        Assert.Equal(25, Smart.MinimumAutomaticCoverage);
    }

    [Fact]
    public void Score_OnlyManualIndicators_HasZeroCoverageAndIsNotRankable()
    {
        var card = SmartScoring.Score(ManualOnly(), Smart);

        Assert.Equal(100, card.Composite!.Value, 9);
        Assert.Equal(0, card.AutomaticCoverage);
        Assert.False(card.Rankable);
    }

    [Fact]
    public void Score_ComplaintsOnly_CoversTimeboundAndNotReopenedAndIsRankable()
    {
        var values = ManualOnly();
        values["T.sla_met"] = 80;
        values["T.mean_days_late"] = 2;
        values["R.not_reopened"] = 90;

        var card = SmartScoring.Score(values, Smart);

        // T: 20 × (70 + 30) / 100 = 20; R.not_reopened: 20 × 40 / 100 = 8. Configured weights, not renormalised ones.
        Assert.Equal(28, card.AutomaticCoverage, 9);
        Assert.True(card.Rankable);
    }

    [Fact]
    public void Score_EveryIndicator_CoversTheAutomaticShareOfTheRuleSet()
    {
        var card = SmartScoring.Score(SmartScoringTests.DefaultValues(), Smart);

        var expected = Smart.Indicators.Where(i => i.Source == IndicatorSource.Automatic).Sum(i => Smart.Dimensions[i.Dimension] * i.Weight / 100);
        Assert.Equal(expected, card.AutomaticCoverage, 9);
    }

    [Fact]
    public void Score_CoverageJustBelowMinimumOnceRounded_IsNotRankable()
    {
        var rules = SampleRuleSets.TwoDimensions() with { MinimumAutomaticCoverage = 30.01 };

        // S.a carries 50 × 60 / 100 = 30 of the weight: below 30.01.
        var card = SmartScoring.Score(new Dictionary<string, double?> { ["S.a"] = 70 }, rules);

        Assert.Equal(30, card.AutomaticCoverage, 9);
        Assert.False(card.Rankable);
        Assert.True(SmartScoring.Score(new Dictionary<string, double?> { ["S.a"] = 70 }, rules with { MinimumAutomaticCoverage = 30 }).Rankable);
    }

    [Fact]
    public void Score_NoComposite_IsNeverRankable()
    {
        var card = SmartScoring.Score(new Dictionary<string, double?>(), Smart with { MinimumAutomaticCoverage = 0 });

        Assert.False(card.Rankable);
    }

    [Fact]
    public void Rank_InsufficientData_FollowsRankedOpdsTakesNoPlaceAndKeepsItsScore()
    {
        var table = League.RankCovered([("DISNAKER", 100, false), ("DPU", 80, true), ("DLH", 90, true), ("SETWAN", null, false)]);

        Assert.Equal(["DLH", "DPU", "DISNAKER", "SETWAN"], table.Select(e => e.OpdCode));
        Assert.Equal([1, 2], table.Where(e => e.Ranked).Select(e => e.Rank));
        var disnaker = table[2];
        Assert.True(disnaker.InsufficientData);
        Assert.False(disnaker.Ranked);
        Assert.Equal(100, disnaker.Composite);
        Assert.True(table[3].NotApplicable);
        Assert.False(table[3].InsufficientData);
    }

    [Fact]
    public void Rank_SeveralWithInsufficientData_ListedByScoreThenCode()
    {
        var table = League.RankCovered([("B", 60, false), ("A", 60, false), ("C", 95, false), ("D", 10, true)]);

        Assert.Equal(["D", "C", "A", "B"], table.Select(e => e.OpdCode));
        Assert.All(table.Skip(1), e => Assert.False(e.Tied));
    }

    [Fact]
    public void InLeague_MovementOfAnUnrankedOpd_HasNoRankChange()
    {
        var before = League.RankCovered([("A", 90, true), ("B", 80, true)]);
        var after = League.RankCovered([("A", 90, false), ("B", 80, true)]);

        var movement = ScoreMovement.InLeague("A", before, after);

        Assert.Equal(1, movement.PreviousRank);
        Assert.Null(movement.CurrentRank);
        Assert.Null(movement.RankChange);
        Assert.Equal(0, movement.Delta);
    }

    [Fact]
    public void Explain_UnrankedCard_SaysInsufficientDataAndTheMinimum()
    {
        var card = SmartScoring.Score(ManualOnly(), Smart);

        var line = ScoreExplanation.Explain(card, Smart).Single(l => l.TextId.StartsWith("Cakupan", StringComparison.Ordinal));

        Assert.Equal("Cakupan data otomatis 0% dari bobot penuh, di bawah minimum 25%: belum cukup data, skor ditampilkan tetapi tidak diperingkat.", line.TextId);
        Assert.Contains("insufficient data", line.TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RankedCard_SaysCoverageAndRanked()
    {
        var card = SmartScoring.Score(SmartScoringTests.DefaultValues(), Smart);

        Assert.Contains(ScoreExplanation.Explain(card, Smart), l => l.TextId == "Cakupan data otomatis 80% dari bobot penuh (minimum 25%): diperingkat.");
    }

    [Fact]
    public void Parse_CoverageOutOfRange_NamesTheField()
    {
        var json = DefaultRuleSets.Smart2026Json.Replace("\"minimumAutomaticCoverage\": 25", "\"minimumAutomaticCoverage\": 120", StringComparison.Ordinal);

        var error = Assert.Throws<RuleSetValidationException>(() => RuleSetJson.Parse(json));

        Assert.Contains(error.Errors, e => e.StartsWith("minimumAutomaticCoverage: must be between 0 and 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CoverageLeftOut_RanksEveryScoredOpd()
    {
        var json = DefaultRuleSets.Smart2026Json.Replace("\"minimumAutomaticCoverage\": 25,", "", StringComparison.Ordinal);

        Assert.Equal(0, RuleSetJson.Parse(json).MinimumAutomaticCoverage);
    }

    [Fact]
    public void Serialize_ThenParse_KeepsTheMinimum()
    {
        Assert.Equal(25, RuleSetJson.Parse(RuleSetJson.Serialize(Smart)).MinimumAutomaticCoverage);
    }

    [Fact]
    public void Score_OneComplaintClosedOnTime_ScoresButDoesNotCountTowardCoverage()
    {
        var values = ManualOnly();
        values["T.sla_met"] = 100;
        values["T.mean_days_late"] = 0;
        values["R.not_reopened"] = 100;
        var evidence = new Dictionary<string, double> { ["T.sla_met"] = 1, ["T.mean_days_late"] = 0, ["R.not_reopened"] = 1 };

        var card = SmartScoring.Score(values, Smart, evidence);

        Assert.Equal(100, card.Composite!.Value, 9);
        Assert.False(card.Indicator("T.sla_met")!.CountsTowardCoverage);
        Assert.True(card.Indicator("T.sla_met")!.Applicable);

        // Only mean lateness (no minimum) counts: 20 × 30 / 100 = 6, below 25.
        Assert.Equal(6, card.AutomaticCoverage, 9);
        Assert.False(card.Rankable);
    }

    [Fact]
    public void Score_EvidenceAtTheMinimum_Counts()
    {
        var values = new Dictionary<string, double?> { ["T.sla_met"] = 60, ["R.not_reopened"] = 90 };

        var card = SmartScoring.Score(values, Smart, new Dictionary<string, double> { ["T.sla_met"] = 5, ["R.not_reopened"] = 4.999 });

        Assert.True(card.Indicator("T.sla_met")!.CountsTowardCoverage);
        Assert.False(card.Indicator("R.not_reopened")!.CountsTowardCoverage);
        Assert.Equal(14, card.AutomaticCoverage, 9);
    }

    [Fact]
    public void Score_ManualIndicators_NeverCountTowardCoverage()
    {
        var card = SmartScoring.Score(ManualOnly(), Smart, new Dictionary<string, double> { ["R.satisfaction"] = 1000 });

        Assert.All(card.Indicators, i => Assert.False(i.CountsTowardCoverage));
        Assert.Null(card.Indicator("R.satisfaction")!.Evidence);
    }

    [Fact]
    public void Explain_ThinEvidence_SaysItIsNotCountedTowardCoverage()
    {
        var values = new Dictionary<string, double?> { ["T.sla_met"] = 100 };
        var card = SmartScoring.Score(values, Smart, new Dictionary<string, double> { ["T.sla_met"] = 2 });

        var line = ScoreExplanation.Explain(card, Smart).Single(l => l.Code == "T.sla_met");

        Assert.EndsWith("Dasar data 2, kurang dari minimum 5: tidak dihitung dalam cakupan data.", line.TextId, StringComparison.Ordinal);
        Assert.EndsWith("Evidence 2, below the minimum of 5: not counted toward data coverage.", line.TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeMinimumEvidence_NamesTheIndicator()
    {
        var json = DefaultRuleSets.Smart2026Json.Replace("\"minimumEvidence\": 24,", "\"minimumEvidence\": -1,", StringComparison.Ordinal);

        var error = Assert.Throws<RuleSetValidationException>(() => RuleSetJson.Parse(json));

        Assert.Contains(error.Errors, e => e.StartsWith("indicators[4] (A.hotspot_uptime).minimumEvidence: must be 0 or more", StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_ThenParse_KeepsMinimumEvidence()
    {
        var parsed = RuleSetJson.Parse(RuleSetJson.Serialize(Smart));

        Assert.Equal(5, parsed.Indicator("T.sla_met")!.MinimumEvidence);
        Assert.Equal(24, parsed.Indicator("A.camera_uptime")!.MinimumEvidence);
        Assert.Equal(0, parsed.Indicator("T.mean_days_late")!.MinimumEvidence);
    }

    private static Dictionary<string, double?> ManualOnly() => new()
    {
        ["S.systems_integrated"] = 5,
        ["A.online_services"] = 100,
        ["R.satisfaction"] = 5,
    };
}
