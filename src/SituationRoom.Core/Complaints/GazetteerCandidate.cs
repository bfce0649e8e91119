namespace SituationRoom.Core.Complaints;

internal sealed record GazetteerCandidate(int Start, int End, int KeyLength, bool Prefixed, bool Weak, IReadOnlyList<GazetteerEntry> Entries)
{
    public bool Overlaps(GazetteerCandidate other) => Start < other.End && other.Start < End;
}
