namespace SituationRoom.Core.Complaints;

/// <summary>A place found in a complaint's text. <see cref="MatchedName"/> is the gazetteer's spelling of what matched.</summary>
public sealed record PlaceMatch(string KecamatanCode, string? KelurahanCode, string MatchedName);
