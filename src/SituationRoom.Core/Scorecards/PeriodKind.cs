namespace SituationRoom.Core.Scorecards;

public enum PeriodKind
{
    Day,
    /// <summary>ISO week, Monday to Sunday.</summary>
    Week,
    Month,
    Quarter,
}
