namespace SituationRoom.Core.Complaints;

internal sealed record CategoryKeywordHit(int RuleIndex, string Keyword, int Start, int WordCount, int Length)
{
    public int End => Start + WordCount;

    public bool Overlaps(CategoryKeywordHit other) => Start < other.End && other.Start < End;
}
