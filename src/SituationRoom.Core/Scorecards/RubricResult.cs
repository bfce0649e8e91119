namespace SituationRoom.Core.Scorecards;

/// <param name="Clamped">The raw value lay outside the range the rubric expects and was pulled to its edge.</param>
/// <param name="Level">The maturity level reached; null for linear rubrics.</param>
public readonly record struct RubricResult(double Score, bool Clamped, int? Level = null);
