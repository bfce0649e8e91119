using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class ScoreExplanationTests
{
    private static readonly RuleSet Smart = DefaultRuleSets.Smart2026;

    [Fact]
    public void Explain_ScoredCard_OpensWithCompositeBandAndRuleVersion()
    {
        var lines = Explain(SmartScoringTests.DefaultValues());

        Assert.Equal("Skor komposit 76,89, predikat Baik (aturan smart-2026.1, SMART Kota Semarang 2026).", lines[0].TextId);
        Assert.Equal("Composite score 76.89, grade Good (rule set smart-2026.1, SMART Kota Semarang 2026).", lines[0].TextEn);
        Assert.Equal(0, lines[0].Depth);
    }

    [Fact]
    public void Explain_Indicator_ShowsValueRuleScoreWeightShareAndPoints()
    {
        var line = Explain(SmartScoringTests.DefaultValues()).Single(l => l.Code == "A.hotspot_uptime");

        Assert.Equal(2, line.Depth);
        Assert.Equal(
            "A.hotspot_uptime Ketersediaan hotspot Wi-Fi: nilai 95% → skor 50,00. "
            + "Aturan: Linear: 90% atau kurang → 0; 100% → 100; sebanding di antaranya. "
            + "Bobot 35% dari dimensi, 7% dari komposit; menyumbang 3,50 poin.",
            line.TextId);
        Assert.Equal(
            "A.hotspot_uptime Wi-Fi hotspot uptime: value 95% → score 50.00. "
            + "Rule: Linear: 90% or less → 0; 100% → 100; proportional in between. "
            + "Weight 35% of the dimension, 7% of the composite; contributes 3.50 points.",
            line.TextEn);
    }

    [Fact]
    public void Explain_Dimension_ShowsScoreWeightAndPoints()
    {
        var line = Explain(SmartScoringTests.DefaultValues()).Single(l => l.Code == "Timebound");

        Assert.Equal(1, line.Depth);
        Assert.Equal("T Tepat waktu: skor 77,70; bobot 20%; menyumbang 15,54 poin.", line.TextId);
    }

    [Fact]
    public void Explain_NotApplicableIndicator_SaysItsWeightIsSharedOut()
    {
        var values = SmartScoringTests.DefaultValues();
        values["A.camera_uptime"] = null;

        var lines = Explain(values);

        Assert.Equal(
            "A.camera_uptime Ketersediaan kamera CCTV: tidak ada data, tidak berlaku; bobotnya 35% dibagi ke indikator lain dalam dimensi ini.",
            lines.Single(l => l.Code == "A.camera_uptime").TextId);
        Assert.Contains("(efektif 53,85%)", lines.Single(l => l.Code == "A.hotspot_uptime").TextId);
    }

    [Fact]
    public void Explain_NotApplicableDimension_SaysItsWeightIsSharedOut()
    {
        var values = SmartScoringTests.DefaultValues();
        values.Remove("R.not_reopened");
        values.Remove("R.rejections_upheld");
        values.Remove("R.satisfaction");

        var lines = Explain(values);

        Assert.StartsWith("R Dapat dipercaya: tidak berlaku", lines.Single(l => l.Code == "Reliable").TextId);
        Assert.Contains("(efektif 25% karena ada dimensi yang tidak berlaku)", lines.Single(l => l.Code == "Systemic").TextId);
    }

    [Fact]
    public void Explain_NothingApplicable_SaysThereIsNoCompositeAndNoNextBand()
    {
        var lines = Explain([]);

        Assert.Equal("Skor komposit tidak dapat dihitung: tidak ada indikator yang memiliki data (aturan smart-2026.1).", lines[0].TextId);
        Assert.DoesNotContain(lines, l => l.TextId.Contains("predikat", StringComparison.Ordinal));
        Assert.Equal(1 + 5 + 12, lines.Count);
    }

    [Fact]
    public void Explain_BelowTopBand_SaysHowManyPointsToTheNext()
    {
        var lines = Explain(SmartScoringTests.DefaultValues());

        Assert.Contains(lines, l => l.TextId == "Perlu 8,11 poin lagi untuk predikat Sangat Baik (mulai 85).");
        Assert.Contains(lines, l => l.TextEn == "Needs 8.11 more points to reach Very Good (from 85).");
    }

    [Fact]
    public void Explain_TopBand_SaysItIsAlreadyTop()
    {
        var values = Smart.Indicators.ToDictionary(i => i.Code, i => (double?)(i.Unit == IndicatorUnit.Days ? 0 : i.Unit == IndicatorUnit.Percent ? 100 : 5));

        var lines = Explain(values);

        Assert.Contains(lines, l => l.TextId == "Sudah pada predikat tertinggi, Sangat Baik.");
        Assert.DoesNotContain(lines, l => l.TextId.StartsWith("Ruang perbaikan", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_LargestRoomToImprove_NamesTheIndicatorWithMostPointsAtStake()
    {
        var lines = Explain(SmartScoringTests.DefaultValues());

        // A.online_services: (100 - 40) × 6% of the composite = 3.60 points, more than any other.
        Assert.Contains(lines, l => l.Code == "A.online_services" && l.Depth == 0
            && l.TextId == "Ruang perbaikan terbesar: A.online_services Layanan publik daring, hingga 3,60 poin bila skornya 100.");
    }

    [Fact]
    public void Explain_ClampedValue_SaysSo()
    {
        var values = SmartScoringTests.DefaultValues();
        values["T.sla_met"] = 104;

        var line = Explain(values).Single(l => l.Code == "T.sla_met");

        Assert.Contains("nilai 104% (di luar rentang yang diharapkan, dipotong) → skor 100,00", line.TextId);
        Assert.Contains("(outside the expected range, clamped)", line.TextEn);
    }

    [Fact]
    public void Explain_MaturityIndicator_NamesTheLevelReached()
    {
        var line = Explain(SmartScoringTests.DefaultValues()).Single(l => l.Code == "S.systems_integrated");

        Assert.Contains("nilai 3 → tingkat 3 Terdefinisi, skor 60,00", line.TextId);
        Assert.Contains("value 3 → level 3 Defined, score 60.00", line.TextEn);
    }

    [Fact]
    public void Explain_UnknownCodes_AreListed()
    {
        var values = SmartScoringTests.DefaultValues();
        values["T.sla_mett"] = 50;

        var lines = Explain(values);

        Assert.Equal("Nilai diabaikan karena aturan smart-2026.1 tidak memiliki indikator ini: T.sla_mett.", lines[^1].TextId);
    }

    [Fact]
    public void Explain_EveryLine_HasBothLanguages()
    {
        var values = SmartScoringTests.DefaultValues();
        values["R.satisfaction"] = null;

        Assert.All(Explain(values), l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.TextId));
            Assert.False(string.IsNullOrWhiteSpace(l.TextEn));
            Assert.NotEqual(l.TextId, l.TextEn);
        });
    }

    [Fact]
    public void Explain_WithAnotherRuleSet_Throws()
    {
        var card = SmartScoring.Score(SmartScoringTests.DefaultValues(), Smart);

        Assert.Throws<ArgumentException>(() => ScoreExplanation.Explain(card, Smart with { Version = "smart-2027.1" }));
    }

    private static IReadOnlyList<ExplanationLine> Explain(Dictionary<string, double?> values) =>
        ScoreExplanation.Explain(SmartScoring.Score(values, Smart), Smart);
}
