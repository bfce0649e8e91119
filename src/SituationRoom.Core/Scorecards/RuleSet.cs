namespace SituationRoom.Core.Scorecards;

/// <summary>A versioned SMART catalogue in the national evaluations' form: weighted dimensions, weighted indicators with
/// rubrics, and named grade bands. Build one from JSON with <see cref="RuleSetJson.Parse"/>; check one built in
/// code with <see cref="RuleSetValidation.Errors"/>.</summary>
/// <param name="Version">e.g. "smart-2026.1"; stored beside every score made with it.</param>
/// <param name="Dimensions">Weight of each dimension in percent, summing to 100; a dimension left out is not scored.</param>
/// <param name="Bands">Highest first; the last starts at 0.</param>
public sealed record RuleSet(
    string Version,
    DateOnly EffectiveFrom,
    string Name,
    IReadOnlyDictionary<SmartDimension, double> Dimensions,
    IReadOnlyList<IndicatorRule> Indicators,
    IReadOnlyList<GradeBand> Bands)
{
    /// <summary>Percent of the rule set's full weight that must rest on automatic indicators with data before an OPD is
    /// ranked. Below it the OPD is scored but listed as "belum cukup data": an agency the room cannot observe would
    /// otherwise be ranked on its self-reported indicators alone. 0 ranks every OPD with a composite.</summary>
    public double MinimumAutomaticCoverage { get; init; }

    /// <summary>The dimensions this set scores, in S-M-A-R-T order whatever the dictionary's order.</summary>
    public IEnumerable<SmartDimension> ScoredDimensions => Enum.GetValues<SmartDimension>().Where(Dimensions.ContainsKey);

    public IEnumerable<IndicatorRule> IndicatorsOf(SmartDimension dimension) => Indicators.Where(i => i.Dimension == dimension);

    public IndicatorRule? Indicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    public GradeBand BandFor(double publishedScore) =>
        Bands.FirstOrDefault(b => publishedScore >= b.MinScore) ?? Bands[^1];

    public GradeBand? BandAbove(GradeBand band)
    {
        var index = Bands.ToList().IndexOf(band);
        return index > 0 ? Bands[index - 1] : null;
    }
}
