namespace SituationRoom.Core.Scorecards;

/// <summary>How a score and a rank moved since the previous period; judged on published values, as displayed.</summary>
/// <param name="RuleSetChanged">The two scores were made under different rule set versions, so part of the move is the rules'.</param>
public sealed record ScoreMovement(double? Previous, double? Current, int? PreviousRank, int? CurrentRank, bool RuleSetChanged = false)
{
    /// <summary>Current minus previous, in published points; null unless both exist.</summary>
    public double? Delta => Previous is { } p && Current is { } c
        ? ScoreRounding.Published(ScoreRounding.Published(c) - ScoreRounding.Published(p))
        : null;

    /// <summary>Places climbed (positive) or dropped (negative); null unless ranked with a score both times.</summary>
    public int? RankChange => PreviousRank is { } p && CurrentRank is { } c ? p - c : null;

    public static ScoreMovement Of(double? previous, double? current) => new(previous, current, null, null);

    public static ScoreMovement Of(Scorecard? previous, Scorecard current) =>
        new(previous?.Composite, current.Composite, null, null, previous is not null && previous.RuleSetVersion != current.RuleSetVersion);

    /// <summary>An OPD's movement between two league tables; it may be missing from either.</summary>
    public static ScoreMovement InLeague(string opdCode, IReadOnlyList<LeagueEntry> previous, IReadOnlyList<LeagueEntry> current)
    {
        var before = previous.FirstOrDefault(e => string.Equals(e.OpdCode, opdCode, StringComparison.Ordinal));
        var now = current.FirstOrDefault(e => string.Equals(e.OpdCode, opdCode, StringComparison.Ordinal));
        return new ScoreMovement(
            before?.Composite,
            now?.Composite,
            before is { Ranked: true } ? before.Rank : null,
            now is { Ranked: true } ? now.Rank : null);
    }
}
