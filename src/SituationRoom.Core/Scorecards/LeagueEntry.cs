namespace SituationRoom.Core.Scorecards;

/// <param name="Rank">1 is best; tied OPDs share a rank and the next rank is skipped (1, 2, 2, 4).</param>
/// <param name="NotApplicable">No composite: ranked after every scored OPD and shown as "N/A", not as 0.</param>
public sealed record LeagueEntry(int Rank, string OpdCode, double? Composite, bool Tied, bool NotApplicable)
{
    public double? PublishedComposite => ScoreRounding.Published(Composite);
}
