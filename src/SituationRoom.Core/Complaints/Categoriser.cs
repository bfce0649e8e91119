namespace SituationRoom.Core.Complaints;

/// <summary>
/// Overlapping keywords go to the longest phrase ("lampu merah" is traffic, not a street light). A category scores the
/// words of its distinct keywords, half after a word of position ("depan SDN"), where the keyword names the place,
/// not the problem. Ties go to the earliest keyword, then the longer, then rule order.
/// </summary>
public static class Categoriser
{
    private static readonly string[] Suffixes = ["nya", "ne", "e"];

    private static readonly HashSet<string> PositionWords =
    [
        "depan", "dekat", "samping", "sebelah", "belakang", "seberang", "sekitar", "arah", "menuju", "sebelum", "setelah",
        "ngarep", "ngarepe", "cedak", "cedhak", "mburi", "mburine", "sandhing", "sandinge",
    ];

    public static CategoryMatch? Categorise(string text, IReadOnlyList<CategoryRule> rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        var words = SearchText.Words(text);
        var hits = new List<CategoryKeywordHit>();
        for (var ruleIndex = 0; ruleIndex < rules.Count; ruleIndex++)
        {
            foreach (var keyword in rules[ruleIndex].Keywords)
            {
                var keywordWords = SearchText.Words(keyword);
                if (keywordWords.Count == 0)
                {
                    continue;
                }

                for (var start = 0; start + keywordWords.Count <= words.Count; start++)
                {
                    if (Enumerable.Range(0, keywordWords.Count).All(i => WordMatches(words[start + i], keywordWords[i])))
                    {
                        hits.Add(new CategoryKeywordHit(ruleIndex, keyword, start, keywordWords.Count, string.Concat(keywordWords).Length));
                    }
                }
            }
        }

        var claimed = new List<CategoryKeywordHit>();
        foreach (var hit in hits.OrderByDescending(h => h.WordCount).ThenByDescending(h => h.Length).ThenBy(h => h.Start).ThenBy(h => h.RuleIndex))
        {
            if (!claimed.Any(hit.Overlaps))
            {
                claimed.Add(hit);
            }
        }

        var best = claimed
            .GroupBy(h => h.RuleIndex)
            .Select(g => new
            {
                RuleIndex = g.Key,
                HalfPoints = g.GroupBy(h => h.Keyword).Sum(same => same.Max(h => HalfPoints(h, words))),
                Strongest = g.OrderByDescending(h => HalfPoints(h, words)).ThenByDescending(h => h.Length).ThenBy(h => h.Start).First(),
                FirstStart = g.Min(h => h.Start),
            })
            .OrderByDescending(c => c.HalfPoints)
            .ThenBy(c => c.FirstStart)
            .ThenByDescending(c => c.Strongest.Length)
            .ThenBy(c => c.RuleIndex)
            .FirstOrDefault();

        return best is null ? null : new CategoryMatch(rules[best.RuleIndex].CategoryCode, best.Strongest.Keyword);
    }

    private static int HalfPoints(CategoryKeywordHit hit, List<string> words) =>
        hit.Start > 0 && PositionWords.Contains(words[hit.Start - 1]) ? hit.WordCount : 2 * hit.WordCount;

    private static bool WordMatches(string word, string keywordWord) =>
        word == keywordWord
        || (keywordWord.Length >= 3
            && word.Length > keywordWord.Length
            && word.StartsWith(keywordWord, StringComparison.Ordinal)
            && Suffixes.Any(suffix => word.Length == keywordWord.Length + suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal)));
}
