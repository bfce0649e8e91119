namespace SituationRoom.Core.Complaints;

/// <summary>A run of words [Start, End) whose letters spell a gazetteer key, with the entries it may mean.</summary>
internal sealed record GazetteerCandidate(int Start, int End, int KeyLength, bool Prefixed, bool Weak, IReadOnlyList<GazetteerEntry> Entries)
{
    public bool Overlaps(GazetteerCandidate other) => Start < other.End && other.Start < End;
}
