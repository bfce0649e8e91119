namespace SituationRoom.Core.Scorecards;

/// <param name="Rank">1 is best; tied OPDs share a rank and the next rank is skipped (1, 2, 2, 4). Unranked entries
/// (<see cref="Ranked"/> false) carry the place after the last ranked OPD only so that they sort last.</param>
/// <param name="NotApplicable">No composite: ranked after every scored OPD and shown as "N/A", not as 0.</param>
/// <param name="InsufficientData">Has a composite, but too little of it was measured by the room to rank it.</param>
public sealed record LeagueEntry(int Rank, string OpdCode, double? Composite, bool Tied, bool NotApplicable, bool InsufficientData = false)
{
    public double? PublishedComposite => ScoreRounding.Published(Composite);

    public bool Ranked => !NotApplicable && !InsufficientData;
}
