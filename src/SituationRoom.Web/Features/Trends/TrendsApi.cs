using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SituationRoom.Core;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Trends;

/// <summary>
/// The trends' services and their exports: GET endpoints that take exactly the query of the page they export, so
/// "download" gives the numbers on screen. Authorisation (who may export) is added on the group by the access feature.
/// </summary>
public static class TrendsApi
{
    public static IServiceCollection AddTrends(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrendsOptions>(configuration.GetSection(TrendsOptions.Section));
        services.AddSingleton<ComplaintRollup>();
        services.AddHostedService<ComplaintRollupRefresher>();
        return services;
    }

    public static RouteGroupBuilder MapTrendsApi(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/trends/export").WithTags("Trends").RequireAuthorization(Access.AccessPolicies.Export);
        export.MapGet("/complaints.csv", ExportComplaints);
        export.MapGet("/devices.csv", ExportDevicesAsync);
        export.MapGet("/series.csv", ExportSeries);
        return export;
    }

    private static Results<CsvFile, ValidationProblem> ExportComplaints(
        HttpRequest request, SituationDbContext db, TimeProvider clock, IStringLocalizer<Text> text)
    {
        var errors = new Dictionary<string, string[]>();
        var query = ComplaintListQuery.Parse(k => request.Query[k].FirstOrDefault(), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var range = query.Filter.Range(Wib.DateOf(now));
        var name = $"pengaduan-{query.Measure.ToString().ToLowerInvariant()}-{(query.IgnoresPeriod ? Wib.DateOf(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : range.ToString())}.csv";
        return new CsvFile(CsvFile.Slug(name), async (write, cancellationToken) =>
        {
            var names = await TrendNames.LoadAsync(db, text, cancellationToken);
            await write(Csv.TextLine(
                "tiket", "diterima_wib", "kanal", "kategori_kode", "kategori", "opd_kode", "opd", "kecamatan_kode", "kecamatan",
                "status", "batas_waktu_wib", "ditutup_wib", "lama_hari", "tepat_waktu", "isi"));
            var rows = TrendQueries.Rows(TrendQueries.Complaints(db, query, range, now.UtcDateTime)).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var took = row.ClosedAt - row.ReceivedAt;
                await write(Csv.Line(
                    Csv.Text(row.Ticket),
                    Csv.Text(Iso(row.ReceivedAt)),
                    Csv.Text(names.Channel(row.Channel)),
                    Csv.Text(row.CategoryCode),
                    Csv.Text(names.Category(row.CategoryCode)),
                    Csv.Text(row.OpdCode),
                    Csv.Text(names.Opd(row.OpdCode)),
                    Csv.Text(row.KecamatanCode),
                    Csv.Text(names.KecamatanName(row.KecamatanCode)),
                    Csv.Text(names.Status(row.Status)),
                    Csv.Text(Iso(row.DueAt)),
                    Csv.Text(row.ClosedAt is { } closed ? Iso(closed) : null),
                    Csv.Number(took?.TotalDays, 2),
                    Csv.Text(row.ClosedAt is { } c ? (c <= row.DueAt ? "ya" : "tidak") : null),
                    Csv.Text(row.Text)));
            }
        });
    }

    private static async Task<Results<CsvFile, ValidationProblem>> ExportDevicesAsync(
        HttpRequest request, SituationDbContext db, TimeProvider clock, IStringLocalizer<Text> text, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = DeviceListQuery.Parse(k => request.Query[k].FirstOrDefault(), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var names = await TrendNames.LoadAsync(db, text, cancellationToken);
        var kind = query.Kind.ToString().ToLowerInvariant();
        if (query.Measure != DeviceMeasure.Uptime)
        {
            var rows = await DeviceUptimeQueries.Now(db, query.Kind, query.Measure, query.Filter, now.UtcDateTime).ToListAsync(cancellationToken);
            return new CsvFile($"perangkat-{kind}-{query.Measure.ToString().ToLowerInvariant()}-{Wib.DateOf(now):yyyy-MM-dd}.csv", async (write, _) =>
            {
                await write(Csv.TextLine("perangkat", "nama", "opd_kode", "opd", "kecamatan_kode", "kecamatan", "status", "sejak_wib", "siklus", "keterangan"));
                foreach (var r in rows)
                {
                    await write(Csv.TextLine(r.Id, r.Name, r.OpdCode, names.Opd(r.OpdCode), r.KecamatanCode, names.KecamatanName(r.KecamatanCode), names.Status(r.Status), Iso(r.StatusSince), r.Lifecycle.ToString(), r.LifecycleReference));
                }
            });
        }

        var (start, end, label) = DeviceWindow(query, now);
        var uptime = await DeviceUptimeQueries.PerDeviceAsync(db, query.Kind, query.Filter, start, end, now, cancellationToken);
        return new CsvFile($"uptime-{kind}-{label}.csv", async (write, _) =>
        {
            await write(Csv.TextLine("perangkat", "nama", "opd_kode", "opd", "kecamatan_kode", "kecamatan", "status_sekarang", "jam_menyala", "jam_terpantau", "uptime_persen"));
            foreach (var r in uptime)
            {
                await write(Csv.Line(
                    Csv.Text(r.Id), Csv.Text(r.Name), Csv.Text(r.OpdCode), Csv.Text(names.Opd(r.OpdCode)), Csv.Text(r.KecamatanCode),
                    Csv.Text(names.KecamatanName(r.KecamatanCode)), Csv.Text(names.Status(r.Status)),
                    Csv.Number(r.Uptime.Up.TotalHours, 3), Csv.Number(r.Uptime.Monitored.TotalHours, 3), Csv.Number(r.Uptime.Ratio * 100, 3)));
            }
        });
    }

    /// <summary>The instants a device list covers: the rolling last 24 hours, or the filter's WIB days.</summary>
    public static (DateTime Start, DateTime End, string Label) DeviceWindow(DeviceListQuery query, DateTimeOffset now)
    {
        if (query.Last24Hours)
        {
            return (now.UtcDateTime.AddHours(-24), now.UtcDateTime, "24h");
        }

        var range = query.Filter.Range(Wib.DateOf(now));
        return (range.StartUtc, range.EndUtc, range.ToString());
    }

    private static async Task<Results<CsvFile, ValidationProblem>> ExportSeries(
        HttpRequest request, SituationDbContext db, ComplaintRollup rollup, TimeProvider clock, IStringLocalizer<Text> text, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = TrendFilter.Parse(k => request.Query[k].FirstOrDefault(), errors);
        string[] charts = ["received", "sla", "median", "uptime", "smart", "breakdown"];
        var chart = request.Query["chart"].FirstOrDefault() ?? "received";
        if (!charts.Contains(chart))
        {
            errors["chart"] = [$"Nilai tidak dikenal; gunakan {string.Join(", ", charts)} / Unknown value"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var view = await TrendView.LoadAsync(db, rollup, filter, clock.GetUtcNow(), cancellationToken);
        var names = await TrendNames.LoadAsync(db, text, cancellationToken);
        return new CsvFile($"tren-{chart}-{view.Range}.csv", (write, _) => TrendExport.WriteAsync(chart, view, names, write));
    }

    private static string Iso(DateTime utc) => Wib.ToWib(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
