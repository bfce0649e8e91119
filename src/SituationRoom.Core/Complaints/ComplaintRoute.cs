namespace SituationRoom.Core.Complaints;

public sealed record ComplaintRoute(PlaceMatch? Place, string? CategoryCode, string? OpdCode, bool NeedsTriage, string? TriageReason);
