namespace SituationRoom.Core.Scorecards;

/// <summary>The five letters of Semarang's SMART formula, in the order the city writes them.</summary>
/// <remarks>Names are written into rule-set JSON: renaming one breaks stored catalogues.</remarks>
public enum SmartDimension
{
    Systemic,
    Monitorable,
    Accessible,
    Reliable,
    Timebound,
}
