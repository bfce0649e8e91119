namespace SituationRoom.Core.Scorecards;

public static class League
{
    /// <summary>Ranks by published composite, so two OPDs shown with the same 2-decimal score share a rank: leadership
    /// cannot defend ranking 85,00 above 85,00. OPDs without a composite share the last rank and are marked.
    /// Ties are listed by OPD code.</summary>
    public static IReadOnlyList<LeagueEntry> Rank(IEnumerable<(string OpdCode, double? Composite)> composites)
    {
        ArgumentNullException.ThrowIfNull(composites);
        return RankCovered(composites.Select(c => (c.OpdCode, c.Composite, true)));
    }

    /// <summary>As <see cref="Rank(IEnumerable{ValueTuple{string, double?}})"/>, but an OPD whose score does not rest on
    /// enough measured data (<see cref="Scorecard.Rankable"/> false) is left out of the ranking: it follows every
    /// ranked OPD, with its composite shown and <see cref="LeagueEntry.InsufficientData"/> set, and takes no place
    /// from anyone. OPDs with no composite at all come last.</summary>
    public static IReadOnlyList<LeagueEntry> RankCovered(IEnumerable<(string OpdCode, double? Composite, bool Rankable)> composites)
    {
        ArgumentNullException.ThrowIfNull(composites);
        var list = composites
            .Select(c => (c.OpdCode, Composite: c.Composite is { } v && !double.IsNaN(v) ? v : (double?)null, c.Rankable))
            .ToList();
        var duplicate = list.GroupBy(c => c.OpdCode, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"OPD {duplicate.Key} appears more than once in the league.", nameof(composites));
        }

        var scored = list
            .Where(c => c.Composite is not null && c.Rankable)
            .Select(c => (c.OpdCode, c.Composite, Published: ScoreRounding.Published(c.Composite!.Value)))
            .OrderByDescending(c => c.Published)
            .ThenBy(c => c.OpdCode, StringComparer.Ordinal)
            .ToList();
        var countByScore = scored.GroupBy(c => c.Published).ToDictionary(g => g.Key, g => g.Count());

        var entries = new List<LeagueEntry>(list.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var rank = i > 0 && scored[i].Published == scored[i - 1].Published ? entries[i - 1].Rank : i + 1;
            entries.Add(new LeagueEntry(rank, scored[i].OpdCode, scored[i].Composite, countByScore[scored[i].Published] > 1, false));
        }

        var unranked = list
            .Where(c => c.Composite is not null && !c.Rankable)
            .OrderByDescending(c => ScoreRounding.Published(c.Composite!.Value))
            .ThenBy(c => c.OpdCode, StringComparer.Ordinal)
            .ToList();
        var unscored = list.Where(c => c.Composite is null).Select(c => c.OpdCode).Order(StringComparer.Ordinal).ToList();
        var lastRank = scored.Count + 1;
        entries.AddRange(unranked.Select(c => new LeagueEntry(lastRank, c.OpdCode, c.Composite, false, false, InsufficientData: true)));
        entries.AddRange(unscored.Select(code => new LeagueEntry(lastRank, code, null, unscored.Count > 1, true)));
        return entries;
    }
}
