using Microsoft.Extensions.Localization;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Components.Charts;

namespace SituationRoom.Web.Features.Trends;

/// <summary>
/// The charts of /trends built from a <see cref="TrendView"/>, and where each of their points leads: every series
/// remembers what it counts, so a click on a bar or point becomes the URL of the records behind it.
/// </summary>
public sealed class TrendCharts
{
    private const string ComparedColour = "#e8eefc";
    private const string OthersColour = "#94a3b8";

    private readonly TrendView view;
    private readonly List<Func<int, string>> receivedTargets = [];
    private readonly List<Func<int, string>> uptimeTargets = [];
    private readonly List<string> smartOpds = [];
    private readonly List<Period> smartMonths = [];

    private TrendCharts(TrendView view) => this.view = view;

    public ChartSpec Received { get; private set; } = default!;

    public ChartSpec Sla { get; private set; } = default!;

    public ChartSpec Median { get; private set; } = default!;

    public ChartSpec Uptime { get; private set; } = default!;

    public ChartSpec Smart { get; private set; } = default!;

    public int SmartRows => Smart.Kind == "heatmap" ? Smart.Series.Count : 0;

    public static TrendCharts Build(TrendView view, TrendNames names, IStringLocalizer<Text> text, int topSeries)
    {
        var charts = new TrendCharts(view);
        var categories = view.Buckets.Select(b => TrendFormats.Bucket(b, view.Grain)).ToList();
        var tooltips = view.Buckets.Select(b => TrendFormats.Range(b)).ToList();
        var noData = text["NoData"].Value;
        var compared = text["ChartCompared"].Value;
        var thisPeriod = text["ChartThisPeriod"].Value;

        // Complaints received, split by the chosen dimension: the largest series, the rest summed, the comparison's total.
        var keys = view.Complaints.Keys;
        var shown = keys.Count <= topSeries + 1 ? keys : keys.Take(topSeries).ToList();
        var series = new List<ChartSeries>();
        foreach (var key in shown)
        {
            series.Add(new ChartSeries(names.Key(view.Filter.By, key), view.Complaints.ByKey[key].Select(t => (double?)t.Received).ToList(), "bar"));
            charts.receivedTargets.Add(i => charts.List(ComplaintMeasure.Received, i, key));
        }

        if (shown.Count < keys.Count)
        {
            var rest = keys.Skip(shown.Count).ToList();
            series.Add(new ChartSeries(
                text["ChartOthers"],
                view.Buckets.Select((_, i) => (double?)rest.Sum(k => view.Complaints.ByKey[k][i].Received)).ToList(),
                "bar",
                Color: OthersColour));

            // "Others" is many keys: open the trends of that bucket, whose breakdown lists every one of them.
            charts.receivedTargets.Add(i => DrillDown.Trends(view.Filter.Within(view.Buckets[i])));
        }

        if (view.Compared is { } before)
        {
            series.Add(new ChartSeries(text["ChartCompared"], before.PerBucket.Select(t => (double?)t.Received).ToList(), "line", Dashed: true, Color: ComparedColour));
            charts.receivedTargets.Add(i => charts.ComparedList(ComplaintMeasure.Received, i));
        }

        charts.Received = new ChartSpec("bar", categories, series, tooltips, Stacked: true, NoData: noData);

        charts.Sla = new ChartSpec(
            "line",
            categories,
            Pair(t => t.WithinSlaShare * 100),
            tooltips,
            Unit: "%",
            Decimals: 1,
            YMin: 0,
            YMax: 100,
            NoData: noData);
        charts.Median = new ChartSpec(
            "line",
            categories,
            Pair(t => t.MedianResolution?.Estimate.TotalDays),
            tooltips,
            Unit: " " + text["GrainDay"],
            Decimals: 1,
            YMin: 0,
            NoData: noData);

        var wifi = text["KindHotspot"].Value;
        var cctv = text["KindCamera"].Value;
        var uptime = new List<ChartSeries>
        {
            new(wifi, Percentages(view.Wifi), Color: "#5cc8ff"),
            new(cctv, Percentages(view.Cctv), Color: "#ffb000"),
        };
        charts.uptimeTargets.Add(i => charts.Devices(DeviceKind.Hotspot, view.Buckets[i]));
        charts.uptimeTargets.Add(i => charts.Devices(DeviceKind.Camera, view.Buckets[i]));
        if (view.WifiCompared is { } wifiBefore && view.CctvCompared is { } cctvBefore && view.Compared is { } comparedTrend)
        {
            uptime.Add(new ChartSeries($"{wifi} · {compared}", Percentages(wifiBefore), Dashed: true, Color: "#5cc8ff"));
            uptime.Add(new ChartSeries($"{cctv} · {compared}", Percentages(cctvBefore), Dashed: true, Color: "#ffb000"));
            charts.uptimeTargets.Add(i => charts.Devices(DeviceKind.Hotspot, comparedTrend.Buckets[i]));
            charts.uptimeTargets.Add(i => charts.Devices(DeviceKind.Camera, comparedTrend.Buckets[i]));
        }

        charts.Uptime = new ChartSpec("line", categories, uptime, tooltips, Unit: "%", Decimals: 2, YMax: 100, NoData: noData);
        charts.Smart = charts.BuildSmart(names, text);
        return charts;

        List<ChartSeries> Pair(Func<ComplaintTally, double?> value)
        {
            var pair = new List<ChartSeries> { new(thisPeriod, view.Complaints.PerBucket.Select(value).ToList(), Color: "#5cc8ff") };
            if (view.Compared is { } before)
            {
                pair.Add(new ChartSeries(compared, before.PerBucket.Select(value).ToList(), Dashed: true, Color: ComparedColour));
            }

            return pair;
        }

        static List<double?> Percentages(IReadOnlyList<UptimeResult> buckets) =>
            buckets.Select(u => u.Ratio is { } r ? (double?)Math.Round(r * 100, 2) : null).ToList();
    }

    /// <summary>Where a click on the received chart leads.</summary>
    public string ReceivedTarget(ChartPoint point) => receivedTargets[point.Series](point.Index);

    /// <summary>The SLA share of a bucket is made of the complaints closed in it (each marked on time or late).</summary>
    public string SlaTarget(ChartPoint point) =>
        point.Series == 0 ? List(ComplaintMeasure.Closed, point.Index) : ComparedList(ComplaintMeasure.Closed, point.Index);

    /// <summary>The median of a bucket is taken over the complaints resolved in it.</summary>
    public string MedianTarget(ChartPoint point) =>
        point.Series == 0 ? List(ComplaintMeasure.Resolved, point.Index) : ComparedList(ComplaintMeasure.Resolved, point.Index);

    public string UptimeTarget(ChartPoint point) => uptimeTargets[point.Series](point.Index);

    /// <summary>A SMART cell or point opens that OPD's report card for the month.</summary>
    public string? SmartTarget(ChartPoint point)
    {
        if (point.Index < 0 || point.Index >= smartMonths.Count)
        {
            return null;
        }

        var opd = Smart.Kind == "heatmap" ? smartOpds[point.Series] : view.Filter.Opd;
        return opd is null ? null : DrillDown.ReportCard(opd, smartMonths[point.Index]);
    }

    private string List(ComplaintMeasure measure, int bucket, string? key = null)
    {
        var filter = view.Filter.Within(view.Buckets[bucket]);
        return new ComplaintListQuery(key is null ? filter : filter.WithKey(view.Filter.By, key == "" ? TrendFilter.None : key), measure).Url;
    }

    private string ComparedList(ComplaintMeasure measure, int bucket) =>
        new ComplaintListQuery(view.Filter.Within(view.Compared!.Buckets[bucket]), measure).Url;

    private string Devices(DeviceKind kind, DayRange bucket) =>
        new DeviceListQuery(kind, DeviceMeasure.Uptime, view.Filter.Within(bucket)).Url;

    private ChartSpec BuildSmart(TrendNames names, IStringLocalizer<Text> text)
    {
        for (var month = Period.Containing(view.Range.From, PeriodKind.Month); month.Start <= view.Range.To; month = month.Next())
        {
            smartMonths.Add(month);
        }

        var labels = smartMonths.Select(m => TrendFormats.Bucket(new DayRange(m.Start, m.End.AddDays(-1)), Grain.Month)).ToList();
        var byOpd = view.Smart.ToLookup(s => s.OpdCode);
        if (view.Filter.Opd is { } opd && opd != TrendFilter.None)
        {
            var scores = byOpd[opd].ToDictionary(s => s.PeriodStart);
            double? Of(Period m, Func<Scorecards.SmartScore, double?> value) => scores.TryGetValue(m.Start, out var s) ? Round(value(s)) : null;
            var series = new List<ChartSeries>
            {
                new(text["Composite"], smartMonths.Select(m => Of(m, s => s.Composite)).ToList(), Color: "#e8eefc"),
                new(Dimension(SmartDimension.Systemic), smartMonths.Select(m => Of(m, s => s.Systemic)).ToList()),
                new(Dimension(SmartDimension.Monitorable), smartMonths.Select(m => Of(m, s => s.Monitorable)).ToList()),
                new(Dimension(SmartDimension.Accessible), smartMonths.Select(m => Of(m, s => s.Accessible)).ToList()),
                new(Dimension(SmartDimension.Reliable), smartMonths.Select(m => Of(m, s => s.Reliable)).ToList()),
                new(Dimension(SmartDimension.Timebound), smartMonths.Select(m => Of(m, s => s.Timebound)).ToList()),
            };
            return new ChartSpec("line", labels, series, Decimals: 1, YMin: 0, YMax: 100, NoData: text["NoData"]);
        }

        // Every OPD with a score in range. ApexCharts draws the first series at the bottom, so best first puts the
        // worst latest composite at the top, where the rows that need attention should lead.
        var rows = byOpd
            .Select(g => (Opd: g.Key, Latest: g.OrderByDescending(s => s.PeriodStart).First().Composite ?? double.MinValue))
            .OrderByDescending(r => r.Latest)
            .ThenBy(r => r.Opd, StringComparer.Ordinal)
            .ToList();
        smartOpds.AddRange(rows.Select(r => r.Opd));
        var heat = rows
            .Select(r =>
            {
                var scores = byOpd[r.Opd].ToDictionary(s => s.PeriodStart);
                return new ChartSeries(names.Opd(r.Opd), smartMonths.Select(m => scores.TryGetValue(m.Start, out var s) ? Round(s.Composite) : null).ToList());
            })
            .ToList();
        return new ChartSpec("heatmap", labels, heat, Decimals: 1, NoData: text["NoData"]);

        static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

        static string Dimension(SmartDimension d) =>
            System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
                ? SmartDimensionNames.English(d)
                : $"{SmartDimensionNames.Letter(d)} · {SmartDimensionNames.Indonesian(d)}";
    }
}
