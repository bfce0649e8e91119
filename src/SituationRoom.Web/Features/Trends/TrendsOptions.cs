namespace SituationRoom.Web.Features.Trends;

/// <summary>The "Trends" configuration section.</summary>
public sealed class TrendsOptions
{
    public const string Section = "Trends";

    /// <summary>How often the complaint cube catches up without a reader asking (readers always catch up first).</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Series drawn in a split chart before the rest are summed as "Lainnya".</summary>
    public int TopSeries { get; set; } = 8;

    /// <summary>Rows of a drill-down list fetched at once while scrolling.</summary>
    public int ListBatch { get; set; } = 100;
}
