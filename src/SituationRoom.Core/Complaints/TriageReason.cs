namespace SituationRoom.Core.Complaints;

/// <summary>Stable codes for why a complaint waits for a person to route it.</summary>
public static class TriageReason
{
    public const string NoCategory = "no_category";
    public const string UnknownCategory = "unknown_category";
    public const string NoOpd = "no_opd";
}
