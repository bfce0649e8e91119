using System.Text.RegularExpressions;
using static System.FormattableString;

namespace SituationRoom.Core.Scorecards;

/// <summary>Checks a rule set before anything is scored with it, so no score is ever divided by a zero weight.</summary>
public static partial class RuleSetValidation
{
    // Weights are typed by people as 33.33 + 33.33 + 33.34; anything closer than this to 100 is 100.
    private const double SumTolerance = 1e-6;

    public static IReadOnlyList<string> Errors(RuleSet rules)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(rules.Version) || rules.Version.Any(char.IsWhiteSpace))
        {
            errors.Add(Invariant($"version: must be a non-empty word without spaces, e.g. \"smart-2026.1\" (got \"{rules.Version}\")"));
        }

        if (string.IsNullOrWhiteSpace(rules.Name))
        {
            errors.Add("name: must not be empty");
        }

        if (!double.IsFinite(rules.MinimumAutomaticCoverage) || rules.MinimumAutomaticCoverage < 0 || rules.MinimumAutomaticCoverage > 100)
        {
            errors.Add(Invariant($"minimumAutomaticCoverage: must be between 0 and 100 percent (got {rules.MinimumAutomaticCoverage})"));
        }

        CheckDimensions(rules, errors);
        CheckIndicators(rules, errors);
        CheckBands(rules.Bands, errors);
        return errors;
    }

    public static void ThrowIfInvalid(RuleSet rules)
    {
        var errors = Errors(rules);
        if (errors.Count > 0)
        {
            throw new RuleSetValidationException(errors);
        }
    }

    private static void CheckDimensions(RuleSet rules, List<string> errors)
    {
        if (rules.Dimensions.Count == 0)
        {
            errors.Add("dimensions: at least one dimension must be weighted");
            return;
        }

        foreach (var (dimension, weight) in rules.Dimensions.OrderBy(d => d.Key))
        {
            if (!Enum.IsDefined(dimension))
            {
                errors.Add(Invariant($"dimensions: unknown dimension {(int)dimension}"));
            }
            else if (!double.IsFinite(weight) || weight <= 0)
            {
                errors.Add(Invariant($"dimensions.{dimension}: weight must be greater than 0 (got {weight}); leave the dimension out to not score it"));
            }
            else if (!rules.Indicators.Any(i => i.Dimension == dimension))
            {
                errors.Add(Invariant($"dimensions.{dimension}: has no indicator"));
            }
        }

        var sum = rules.Dimensions.Values.Sum();
        if (Math.Abs(sum - 100) > SumTolerance)
        {
            errors.Add(Invariant($"dimensions: weights must sum to 100 (got {sum})"));
        }
    }

    private static void CheckIndicators(RuleSet rules, List<string> errors)
    {
        if (rules.Indicators.Count == 0)
        {
            errors.Add("indicators: at least one indicator is needed");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Indicators.Count; i++)
        {
            var indicator = rules.Indicators[i];
            var at = Invariant($"indicators[{i}] ({indicator.Code})");
            if (indicator.Code is null || !CodePattern().IsMatch(indicator.Code))
            {
                errors.Add(Invariant($"{at}.code: must be a dimension letter, a dot and a name of letters, digits or _, e.g. \"T.sla_met\""));
            }
            else if (Enum.IsDefined(indicator.Dimension) && indicator.Code[0] != SmartDimensionNames.Letter(indicator.Dimension))
            {
                errors.Add(Invariant($"{at}.code: must start with \"{SmartDimensionNames.Letter(indicator.Dimension)}.\" because its dimension is {indicator.Dimension}"));
            }
            else if (!seen.Add(indicator.Code))
            {
                errors.Add(Invariant($"{at}.code: appears more than once"));
            }

            if (!Enum.IsDefined(indicator.Dimension))
            {
                errors.Add(Invariant($"{at}.dimension: unknown dimension {(int)indicator.Dimension}"));
            }
            else if (!rules.Dimensions.ContainsKey(indicator.Dimension))
            {
                errors.Add(Invariant($"{at}.dimension: {indicator.Dimension} has no weight in dimensions"));
            }

            if (string.IsNullOrWhiteSpace(indicator.NameId))
            {
                errors.Add(Invariant($"{at}.nameId: must not be empty"));
            }

            if (string.IsNullOrWhiteSpace(indicator.NameEn))
            {
                errors.Add(Invariant($"{at}.nameEn: must not be empty"));
            }

            if (!double.IsFinite(indicator.Weight) || indicator.Weight <= 0)
            {
                errors.Add(Invariant($"{at}.weight: must be greater than 0 (got {indicator.Weight})"));
            }

            if (!double.IsFinite(indicator.MinimumEvidence) || indicator.MinimumEvidence < 0)
            {
                errors.Add(Invariant($"{at}.minimumEvidence: must be 0 or more (got {indicator.MinimumEvidence})"));
            }

            if (!Enum.IsDefined(indicator.Source))
            {
                errors.Add(Invariant($"{at}.source: unknown source {(int)indicator.Source}"));
            }

            if (!Enum.IsDefined(indicator.Unit))
            {
                errors.Add(Invariant($"{at}.unit: unknown unit {(int)indicator.Unit}"));
            }

            if (indicator.Rubric is null)
            {
                errors.Add(Invariant($"{at}.rubric: is missing"));
            }
            else
            {
                errors.AddRange(indicator.Rubric.Problems(indicator.Unit).Select(p => Invariant($"{at}.rubric.{p}")));
            }
        }

        foreach (var group in rules.Indicators.Where(i => double.IsFinite(i.Weight)).GroupBy(i => i.Dimension).OrderBy(g => g.Key))
        {
            var sum = group.Sum(i => i.Weight);
            if (Math.Abs(sum - 100) > SumTolerance)
            {
                errors.Add(Invariant($"indicators of {group.Key}: weights must sum to 100 (got {sum}: {string.Join(" + ", group.Select(i => Invariant($"{i.Code} {i.Weight}")))})"));
            }
        }
    }

    private static void CheckBands(IReadOnlyList<GradeBand> bands, List<string> errors)
    {
        if (bands.Count == 0)
        {
            errors.Add("bands: at least one band is needed");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var at = Invariant($"bands[{i}] ({band.Name})");
            if (string.IsNullOrWhiteSpace(band.Name))
            {
                errors.Add(Invariant($"{at}.name: must not be empty"));
            }
            else if (!names.Add(band.Name))
            {
                errors.Add(Invariant($"{at}.name: appears more than once"));
            }

            if (string.IsNullOrWhiteSpace(band.NameEn))
            {
                errors.Add(Invariant($"{at}.nameEn: must not be empty"));
            }

            if (!double.IsFinite(band.MinScore) || band.MinScore < 0 || band.MinScore > 100)
            {
                errors.Add(Invariant($"{at}.minScore: must be between 0 and 100 (got {band.MinScore})"));
            }
            else if (i > 0 && band.MinScore >= bands[i - 1].MinScore)
            {
                errors.Add(Invariant($"{at}.minScore: bands go highest first, so must be below {bands[i - 1].Name}'s {bands[i - 1].MinScore} (got {band.MinScore})"));
            }
        }

        if (bands[^1].MinScore != 0)
        {
            errors.Add(Invariant($"bands[{bands.Count - 1}] ({bands[^1].Name}).minScore: the lowest band must start at 0 so every score has a band (got {bands[^1].MinScore})"));
        }
    }

    [GeneratedRegex("^[SMART]\\.[A-Za-z0-9_]+$")]
    private static partial Regex CodePattern();
}
