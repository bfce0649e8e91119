namespace SituationRoom.Core.Complaints;

public sealed record CategoryMatch(string CategoryCode, string MatchedKeyword);
