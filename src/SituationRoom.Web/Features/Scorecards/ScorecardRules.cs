using Microsoft.Extensions.Options;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>The rule sets this room scores with: the shipped smart-2026.1 plus any catalogue files the city configured.</summary>
public sealed class ScorecardRules(RuleSetCatalogue catalogue)
{
    public RuleSetCatalogue Catalogue { get; } = catalogue;

    public static ScorecardRules Load(ScorecardsOptions options, string contentRoot)
    {
        var sets = new List<RuleSet> { DefaultRuleSets.Smart2026 };
        var errors = new List<string>();
        for (var i = 0; i < options.RuleSetFiles.Count; i++)
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, options.RuleSetFiles[i]));
            var label = $"{ScorecardsOptions.Section}:{nameof(ScorecardsOptions.RuleSetFiles)}:{i} ({path})";
            try
            {
                sets.Add(RuleSetJson.Parse(File.ReadAllText(path)));
            }
            catch (RuleSetValidationException e)
            {
                errors.AddRange(e.Errors.Select(error => $"{label}: {error}"));
            }
            catch (IOException e)
            {
                errors.Add($"{label}: cannot be read: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                errors.Add($"{label}: cannot be read: {e.Message}");
            }
        }

        if (errors.Count == 0)
        {
            try
            {
                return new ScorecardRules(new RuleSetCatalogue(sets));
            }
            catch (RuleSetValidationException e)
            {
                errors.AddRange(e.Errors.Select(error => $"{ScorecardsOptions.Section}:{nameof(ScorecardsOptions.RuleSetFiles)}: {error}"));
            }
        }

        throw new RuleSetValidationException(errors);
    }
}

/// <summary>Checks the configured rule-set files when the app starts, so a bad catalogue stops it with a clear list
/// of what is wrong, rather than surfacing at the first scoring run.</summary>
internal sealed class ScorecardsOptionsValidation(IHostEnvironment environment) : IValidateOptions<ScorecardsOptions>
{
    public ValidateOptionsResult Validate(string? name, ScorecardsOptions options)
    {
        var failures = new List<string>();
        if (options.DaysOfHistory < 1)
        {
            failures.Add($"{ScorecardsOptions.Section}:{nameof(ScorecardsOptions.DaysOfHistory)}: must be at least 1 (got {options.DaysOfHistory})");
        }

        if (options.RecomputeInterval <= TimeSpan.Zero)
        {
            failures.Add($"{ScorecardsOptions.Section}:{nameof(ScorecardsOptions.RecomputeInterval)}: must be positive");
        }

        try
        {
            ScorecardRules.Load(options, environment.ContentRootPath);
        }
        catch (RuleSetValidationException e)
        {
            failures.AddRange(e.Errors);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
