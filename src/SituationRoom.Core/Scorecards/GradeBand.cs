namespace SituationRoom.Core.Scorecards;

/// <summary>A named grade ("Sangat Baik") given to every published composite of at least <see cref="MinScore"/>.</summary>
public sealed record GradeBand(string Name, string NameEn, double MinScore);
