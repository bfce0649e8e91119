using System.Text;

namespace SituationRoom.Core.Complaints;

/// <summary>
/// Matches whole words, ignoring case, punctuation, spaces ("Gunung Pati") and variant spellings. A kel./kec. prefix
/// picks the level; without one a name that is both ("Tembalang") means the kecamatan, the weaker claim. A kelurahan
/// name in two kecamatan ("Purwosari"), or one that is an everyday word ("Kudu"), needs its kecamatan in the text.
/// Then the most specific wins, then one agreeing with another mention, then the longest, then the first.
/// </summary>
public sealed class Gazetteer
{
    private static readonly HashSet<string> KelurahanPrefixes = ["kel", "kelurahan", "desa"];
    private static readonly HashSet<string> KecamatanPrefixes = ["kec", "kecamatan"];

    private readonly Dictionary<string, List<GazetteerEntry>> entriesByKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> commonWordKeys;
    private readonly int longestKey;

    public Gazetteer(
        IEnumerable<Wilayah.Kecamatan> kecamatan,
        IEnumerable<Wilayah.Kelurahan> kelurahan,
        IEnumerable<Landmark> landmarks,
        IEnumerable<string>? commonWordNames = null)
    {
        foreach (var k in kecamatan)
        {
            Add(new GazetteerEntry(GazetteerEntryKind.Kecamatan, k.Code, null, k.Name));
        }

        foreach (var k in kelurahan)
        {
            Add(new GazetteerEntry(GazetteerEntryKind.Kelurahan, k.KecamatanCode, k.Code, k.Name));
        }

        foreach (var l in landmarks)
        {
            Add(new GazetteerEntry(GazetteerEntryKind.Landmark, l.KecamatanCode, l.KelurahanCode, l.Name));
        }

        commonWordKeys = (commonWordNames ?? []).Select(SearchText.Key).ToHashSet(StringComparer.Ordinal);
        longestKey = entriesByKey.Count == 0 ? 0 : entriesByKey.Keys.Max(key => key.Length);
    }

    public PlaceMatch? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = SearchText.Words(text);
        var accepted = new List<GazetteerCandidate>();
        foreach (var candidate in Candidates(words).OrderByDescending(c => c.KeyLength).ThenBy(c => c.Start))
        {
            if (!accepted.Any(candidate.Overlaps))
            {
                accepted.Add(candidate);
            }
        }

        var resolved = Resolve(accepted);
        return resolved
            .OrderByDescending(r => r.Entry.KelurahanCode is not null)
            .ThenByDescending(r => resolved.Any(other => other.Candidate != r.Candidate && other.Entry.KecamatanCode == r.Entry.KecamatanCode))
            .ThenByDescending(r => r.Candidate.Prefixed)
            .ThenByDescending(r => r.Candidate.KeyLength)
            .ThenBy(r => r.Candidate.Start)
            .Select(r => r.Entry.ToMatch())
            .FirstOrDefault();
    }

    private void Add(GazetteerEntry entry)
    {
        var key = SearchText.Key(entry.Name);
        if (key.Length == 0)
        {
            return;
        }

        if (!entriesByKey.TryGetValue(key, out var entries))
        {
            entriesByKey[key] = entries = [];
        }

        entries.Add(entry);
    }

    private IEnumerable<GazetteerCandidate> Candidates(List<string> words)
    {
        for (var start = 0; start < words.Count; start++)
        {
            var letters = new StringBuilder();
            for (var end = start; end < words.Count; end++)
            {
                letters.Append(words[end]);
                var key = SearchText.Fold(letters.ToString());
                if (key.Length > longestKey)
                {
                    break;
                }

                if (entriesByKey.TryGetValue(key, out var entries))
                {
                    var prefix = start > 0 ? words[start - 1] : null;
                    var (meanings, prefixed) = Interpret(entries, prefix);
                    var weak = !prefixed
                        && commonWordKeys.Contains(key)
                        && meanings.All(e => e.Kind != GazetteerEntryKind.Landmark);
                    yield return new GazetteerCandidate(start, end + 1, key.Length, prefixed, weak, meanings);
                }
            }
        }
    }

    private static (IReadOnlyList<GazetteerEntry> Meanings, bool Prefixed) Interpret(List<GazetteerEntry> entries, string? prefix)
    {
        var wanted = prefix switch
        {
            not null when KelurahanPrefixes.Contains(prefix) => GazetteerEntryKind.Kelurahan,
            not null when KecamatanPrefixes.Contains(prefix) => GazetteerEntryKind.Kecamatan,
            _ => (GazetteerEntryKind?)null,
        };
        if (wanted is { } kind && entries.Where(e => e.Kind == kind).ToList() is { Count: > 0 } prefixed)
        {
            return (prefixed, true);
        }

        foreach (var kind2 in new[] { GazetteerEntryKind.Landmark, GazetteerEntryKind.Kecamatan, GazetteerEntryKind.Kelurahan })
        {
            if (entries.Where(e => e.Kind == kind2).ToList() is { Count: > 0 } meanings)
            {
                return (meanings, false);
            }
        }

        return ([], false);
    }

    private static List<(GazetteerCandidate Candidate, GazetteerEntry Entry)> Resolve(List<GazetteerCandidate> accepted)
    {
        bool NamedElsewhere(GazetteerCandidate candidate, string kecamatanCode) =>
            accepted.Any(other => other != candidate && other.Entries.Any(e => e.KecamatanCode == kecamatanCode));

        var mentioned = accepted
            .Where(c => c.Entries.Select(e => e.KecamatanCode).Distinct().Count() == 1)
            .Where(c => !c.Weak || NamedElsewhere(c, c.Entries[0].KecamatanCode))
            .Select(c => c.Entries[0].KecamatanCode)
            .ToHashSet(StringComparer.Ordinal);

        var resolved = new List<(GazetteerCandidate, GazetteerEntry)>();
        foreach (var candidate in accepted)
        {
            var entries = candidate.Entries.Count == 1
                ? candidate.Entries
                : candidate.Entries.Where(e => mentioned.Contains(e.KecamatanCode)).ToList();
            if (entries.Count == 1 && (!candidate.Weak || NamedElsewhere(candidate, entries[0].KecamatanCode)))
            {
                resolved.Add((candidate, entries[0]));
            }
        }

        return resolved;
    }
}
