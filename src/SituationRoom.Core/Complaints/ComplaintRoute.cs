namespace SituationRoom.Core.Complaints;

/// <summary>Where a complaint should go. <see cref="TriageReason"/> is one of <see cref="Complaints.TriageReason"/> when a person must route it.</summary>
public sealed record ComplaintRoute(PlaceMatch? Place, string? CategoryCode, string? OpdCode, bool NeedsTriage, string? TriageReason);
