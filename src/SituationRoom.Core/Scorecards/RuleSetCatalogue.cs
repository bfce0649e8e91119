using static System.FormattableString;

namespace SituationRoom.Core.Scorecards;

/// <summary>Every rule set the city has used. A period is scored by the set in force when it began, so rescoring
/// last year after the national rules change reproduces last year's scores.</summary>
public sealed class RuleSetCatalogue
{
    private readonly RuleSet[] byEffectiveFrom;

    public RuleSetCatalogue(IEnumerable<RuleSet> ruleSets)
    {
        byEffectiveFrom = ruleSets.OrderBy(r => r.EffectiveFrom).ToArray();
        var errors = new List<string>();
        foreach (var rules in byEffectiveFrom)
        {
            errors.AddRange(RuleSetValidation.Errors(rules).Select(e => $"{rules.Version}: {e}"));
        }

        errors.AddRange(byEffectiveFrom.GroupBy(r => r.Version, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: version appears more than once"));
        errors.AddRange(byEffectiveFrom.GroupBy(r => r.EffectiveFrom).Where(g => g.Count() > 1)
            .Select(g => Invariant($"{string.Join(", ", g.Select(r => r.Version))}: all take effect on {g.Key:yyyy-MM-dd}; which one applies would be ambiguous")));
        if (errors.Count > 0)
        {
            throw new RuleSetValidationException(errors);
        }
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<RuleSet> RuleSets => byEffectiveFrom;

    /// <summary>The set in force on <paramref name="periodStart"/>: the latest that took effect on or before it; null before the first.</summary>
    public RuleSet? For(DateOnly periodStart) => byEffectiveFrom.LastOrDefault(r => r.EffectiveFrom <= periodStart);

    public RuleSet? For(Period period) => For(period.Start);

    /// <summary>The set a stored score names, e.g. "smart-2026.1"; null when the catalogue no longer has it.</summary>
    public RuleSet? ByVersion(string version) => byEffectiveFrom.FirstOrDefault(r => string.Equals(r.Version, version, StringComparison.Ordinal));
}
