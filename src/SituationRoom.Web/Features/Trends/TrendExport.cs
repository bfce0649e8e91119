using System.Globalization;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;

namespace SituationRoom.Web.Features.Trends;

/// <summary>The series of each /trends chart as tidy CSV rows (one value per row, this period and the comparison),
/// with every key rather than the chart's largest few, so a pivot table can rebuild any view.</summary>
public static class TrendExport
{
    public static async Task WriteAsync(string chart, TrendView view, TrendNames names, Func<string, Task> write)
    {
        switch (chart)
        {
            case "sla":
                await write(Csv.TextLine("rentang", "mulai", "sampai", "ditutup", "tepat_waktu", "terlambat", "tepat_waktu_persen"));
                await Each((range, bucket, tally) => write(Csv.Line(Csv.Text(range), Day(bucket.From), Day(bucket.To), Csv.Number(tally.Closed), Csv.Number(tally.ClosedWithinSla), Csv.Number(tally.ClosedLate), Csv.Number(tally.WithinSlaShare * 100, 2))));
                break;
            case "median":
                await write(Csv.TextLine("rentang", "mulai", "sampai", "selesai", "median_hari", "median_antara_hari", "median_dan_hari"));
                await Each((range, bucket, tally) =>
                {
                    var m = tally.MedianResolution;
                    return write(Csv.Line(Csv.Text(range), Day(bucket.From), Day(bucket.To), Csv.Number(tally.Resolved), Csv.Number(m?.Estimate.TotalDays, 2), Csv.Number(m?.Lower.TotalDays, 2), Csv.Number(m?.Upper?.TotalDays, 2)));
                });
                break;
            case "uptime":
                await write(Csv.TextLine("rentang", "mulai", "sampai", "jenis", "jam_menyala", "jam_terpantau", "uptime_persen"));
                await Uptime("utama", view.Buckets, DeviceKind.Hotspot, view.Wifi);
                await Uptime("utama", view.Buckets, DeviceKind.Camera, view.Cctv);
                if (view.Compared is { } compared && view.WifiCompared is { } wifi && view.CctvCompared is { } cctv)
                {
                    await Uptime("pembanding", compared.Buckets, DeviceKind.Hotspot, wifi);
                    await Uptime("pembanding", compared.Buckets, DeviceKind.Camera, cctv);
                }

                break;
            case "smart":
                await write(Csv.TextLine("opd_kode", "opd", "bulan", "aturan", "komposit", "systemic", "monitorable", "accessible", "reliable", "timebound"));
                foreach (var s in view.Smart)
                {
                    await write(Csv.Line(
                        Csv.Text(s.OpdCode), Csv.Text(names.Opd(s.OpdCode)), Csv.Text(s.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture)), Csv.Text(s.RuleSetVersion),
                        Csv.Number(s.Composite, 2), Csv.Number(s.Systemic, 2), Csv.Number(s.Monitorable, 2), Csv.Number(s.Accessible, 2), Csv.Number(s.Reliable, 2), Csv.Number(s.Timebound, 2)));
                }

                break;
            case "breakdown":
                await write(Csv.TextLine("kode", "nama", "masuk", "masuk_pembanding", "ditutup", "tepat_waktu", "terlambat", "tepat_waktu_persen", "selesai", "median_hari"));
                foreach (var key in view.Complaints.Keys)
                {
                    var t = view.Complaints.TotalOf(key);
                    await write(Csv.Line(
                        Csv.Text(key), Csv.Text(names.Key(view.Filter.By, key)), Csv.Number(t.Received), view.Compared is { } c ? Csv.Number(c.TotalOf(key).Received) : "",
                        Csv.Number(t.Closed), Csv.Number(t.ClosedWithinSla), Csv.Number(t.ClosedLate), Csv.Number(t.WithinSlaShare * 100, 2),
                        Csv.Number(t.Resolved), Csv.Number(t.MedianResolution?.Estimate.TotalDays, 2)));
                }

                break;
            default:
                await write(Csv.TextLine("rentang", "mulai", "sampai", "kode", "nama", "masuk"));
                await Received("utama", view.Complaints);
                if (view.Compared is { } before)
                {
                    await Received("pembanding", before);
                }

                break;
        }

        async Task Each(Func<string, DayRange, ComplaintTally, Task> row)
        {
            for (var i = 0; i < view.Buckets.Count; i++)
            {
                await row("utama", view.Buckets[i], view.Complaints.PerBucket[i]);
            }

            if (view.Compared is { } compared)
            {
                for (var i = 0; i < compared.Buckets.Count; i++)
                {
                    await row("pembanding", compared.Buckets[i], compared.PerBucket[i]);
                }
            }
        }

        async Task Received(string range, ComplaintTrend trend)
        {
            for (var i = 0; i < trend.Buckets.Count; i++)
            {
                foreach (var key in trend.Keys)
                {
                    await write(Csv.Line(Csv.Text(range), Day(trend.Buckets[i].From), Day(trend.Buckets[i].To), Csv.Text(key), Csv.Text(names.Key(view.Filter.By, key)), Csv.Number(trend.ByKey[key][i].Received)));
                }
            }
        }

        async Task Uptime(string range, IReadOnlyList<DayRange> buckets, DeviceKind kind, IReadOnlyList<UptimeResult> values)
        {
            for (var i = 0; i < buckets.Count; i++)
            {
                await write(Csv.Line(
                    Csv.Text(range), Day(buckets[i].From), Day(buckets[i].To), Csv.Text(kind.ToString().ToLowerInvariant()),
                    Csv.Number(values[i].Up.TotalHours, 3), Csv.Number(values[i].Monitored.TotalHours, 3), Csv.Number(values[i].Ratio * 100, 3)));
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
