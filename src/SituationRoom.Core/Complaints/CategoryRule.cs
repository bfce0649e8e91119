namespace SituationRoom.Core.Complaints;

/// <summary>Words that point to a category. A keyword of several words must appear as that phrase.</summary>
public sealed record CategoryRule(string CategoryCode, IReadOnlyList<string> Keywords);
