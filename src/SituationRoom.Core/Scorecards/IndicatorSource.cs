namespace SituationRoom.Core.Scorecards;

public enum IndicatorSource
{
    Automatic,
    Manual,
}
