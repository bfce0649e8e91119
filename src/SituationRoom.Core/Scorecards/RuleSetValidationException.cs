namespace SituationRoom.Core.Scorecards;

/// <summary>A rule set that cannot be used; each error names the indicator, band or field at fault.</summary>
public sealed class RuleSetValidationException : Exception
{
    public RuleSetValidationException(IReadOnlyList<string> errors)
        : base("The rule set is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e)))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
