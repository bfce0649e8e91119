namespace SituationRoom.Core.Scorecards;

public abstract record Rubric
{
    /// <summary>Values this close outside the expected range are floating-point noise (an uptime of 100.0000000001%), not data errors.</summary>
    protected const double Tolerance = 1e-9;

    // Closed to the three kinds the JSON format knows.
    private protected Rubric()
    {
    }

    public abstract RubricKind Kind { get; }

    public abstract RubricResult Apply(double raw);

    /// <summary>The rule in Bahasa Indonesia, e.g. "Linear: 90% atau kurang → 0; 100% → 100; sebanding di antaranya."</summary>
    public abstract string DescribeId(IndicatorUnit unit);

    public abstract string DescribeEn(IndicatorUnit unit);

    internal abstract IEnumerable<string> Problems(IndicatorUnit unit);

    protected static void RequireFinite(double raw)
    {
        if (!double.IsFinite(raw))
        {
            throw new ArgumentOutOfRangeException(nameof(raw), raw, "A raw value must be a finite number; pass no value when there is no data.");
        }
    }
}
