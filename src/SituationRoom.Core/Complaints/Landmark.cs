namespace SituationRoom.Core.Complaints;

/// <summary>A well-known place citizens name instead of the kelurahan; <see cref="KelurahanCode"/> is null when it spans several.</summary>
public sealed record Landmark(string Name, string KecamatanCode, string? KelurahanCode);
