namespace SituationRoom.Web.Components.Charts;

/// <summary>What a chart draws: kind, x labels, series, axis range and unit. Serialised to the JS module, which maps
/// it to ApexCharts options; pages never write ApexCharts options themselves.</summary>
/// <param name="Kind">"bar", "line" or "heatmap".</param>
/// <param name="Categories">The x-axis labels, one per data point.</param>
/// <param name="Tooltips">Longer labels for tooltips (e.g. a week's full dates), one per data point; null to reuse the categories.</param>
/// <param name="Unit">Appended to values in tooltips and axis labels, e.g. "%".</param>
/// <param name="Decimals">Decimals shown in tooltips.</param>
/// <param name="NoData">What to say when there is nothing to draw.</param>
public sealed record ChartSpec(
    string Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<string>? Tooltips = null,
    bool Stacked = false,
    string Unit = "",
    int Decimals = 0,
    double? YMin = null,
    double? YMax = null,
    string NoData = "");

/// <summary>One series. <paramref name="Type"/> lets a bar chart carry a line (the comparison), <paramref name="Dashed"/> marks it.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Data, string? Type = null, bool Dashed = false, string? Color = null);

/// <summary>The point a reader clicked: which series, and which x position.</summary>
public readonly record struct ChartPoint(int Series, int Index);
