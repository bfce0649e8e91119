namespace SituationRoom.Core.Complaints;

/// <summary>The category a text was put in and the strongest keyword that put it there.</summary>
public sealed record CategoryMatch(string CategoryCode, string MatchedKeyword);
