namespace SituationRoom.Core.Scorecards;

/// <summary>One step of a maturity rubric: reached when the raw value is at least <see cref="MinRaw"/>.</summary>
/// <param name="Score">0-100; the national rubrics give level 1 = 20 up to level 5 = 100.</param>
public sealed record MaturityLevel(int Level, double MinRaw, double Score, string NameId, string NameEn);
