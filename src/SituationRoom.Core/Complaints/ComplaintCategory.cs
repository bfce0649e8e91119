namespace SituationRoom.Core.Complaints;

/// <summary>A kind of complaint and the OPD that owns it; a null <see cref="OpdCode"/> sends it to triage.</summary>
public sealed record ComplaintCategory(string Code, string NameId, string NameEn, string? OpdCode);
