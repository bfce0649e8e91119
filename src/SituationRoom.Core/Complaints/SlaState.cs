namespace SituationRoom.Core.Complaints;

/// <summary>OnTrack, AtRisk and Overdue describe a running clock; Met (finished by the due time) and Missed (finished after it) a stopped one.</summary>
public enum SlaState
{
    OnTrack,
    AtRisk,
    Overdue,
    Met,
    Missed,
}
