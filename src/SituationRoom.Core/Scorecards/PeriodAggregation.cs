namespace SituationRoom.Core.Scorecards;

/// <summary>Rolls daily indicator values up to a week, month or quarter. Raw values are combined and the result scored
/// again, rather than averaging daily scores, so a floor or a maturity level applies to the period as a whole.</summary>
public static class PeriodAggregation
{
    /// <summary>The weighted mean of the days that have a value, weighted by what stands behind each day (complaints
    /// closed, device-hours monitored): a quiet day with one complaint does not count as much as a busy one.
    /// Days without a value (null or NaN) or with weight 0 are skipped; null when nothing is left.</summary>
    public static double? Combine(IEnumerable<(double? Value, double Weight)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var weightedSum = 0.0;
        var totalWeight = 0.0;
        foreach (var (value, weight) in days)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(days), weight, "A day's weight must be a finite number of at least 0.");
            }

            if (value is not { } v || double.IsNaN(v) || weight == 0)
            {
                continue;
            }

            if (double.IsInfinity(v))
            {
                throw new ArgumentOutOfRangeException(nameof(days), v, "A day's value must be finite; pass null when there is no data.");
            }

            weightedSum += v * weight;
            totalWeight += weight;
        }

        return totalWeight > 0 ? weightedSum / totalWeight : null;
    }

    /// <summary>Combines every indicator of several days at once: for each code, <see cref="Combine"/> over the days,
    /// each day weighted by its own weight for that code (a missing weight counts as 0, so the day is skipped).</summary>
    public static IReadOnlyDictionary<string, double?> CombineIndicators(
        IEnumerable<(IReadOnlyDictionary<string, double?> Values, IReadOnlyDictionary<string, double> Weights)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var list = days.ToList();
        var codes = list.SelectMany(d => d.Values.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return codes.ToDictionary(
            code => code,
            code => Combine(list.Select(d => (
                d.Values.TryGetValue(code, out var value) ? value : null,
                d.Weights.TryGetValue(code, out var weight) ? weight : 0))),
            StringComparer.Ordinal);
    }
}
