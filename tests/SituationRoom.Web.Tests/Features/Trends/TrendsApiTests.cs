using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Trends;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Trends;

/// <summary>The exports and pages over HTTP: the same numbers as the queries, in files Excel opens safely.</summary>
public sealed class TrendsApiTests : IClassFixture<SituationAppFactory>, IAsyncLifetime
{
    private const string Hostile = "=HYPERLINK(\"http://jahat.example\",\"klik\")";
    private readonly SituationAppFactory factory;
    private readonly TrendDatabase sql;

    public TrendsApiTests(SituationAppFactory factory)
    {
        this.factory = factory;
        sql = new TrendDatabase(factory.DatabasePath);
    }

    public async Task InitializeAsync()
    {
        // A citizen's text that a spreadsheet would run as a formula, and one with quotes, a comma and a line break.
        using var client = await factory.SignInAsync();
        await client.GetAsync("/health");
        if (sql.Scalar("SELECT COUNT(*) FROM Complaints WHERE Ticket LIKE 'LH-UJI-%'") == 0)
        {
            var received = TrendDatabase.Stamp(SituationAppFactory.Now.UtcDateTime.AddHours(-1));
            var due = TrendDatabase.Stamp(SituationAppFactory.Now.UtcDateTime.AddDays(10));
            foreach (var (ticket, text) in new[] { ("LH-UJI-000001", Hostile), ("LH-UJI-000002", "Jalan \"berlubang\", dalam\nsekali") })
            {
                sql.Execute(
                    "INSERT INTO Complaints (Ticket, Channel, Text, KecamatanCode, CategoryCode, OpdCode, Status, ReceivedAt, DueAt, UpdatedAt, ReopenCount) " +
                    "VALUES (@t, 'Sms', @text, '33.74.01', 'jalan', 'DPU', 'Received', @r, @d, @r, 0)",
                    ("@t", ticket), ("@text", text), ("@r", received), ("@d", due));
                sql.Execute(
                    "INSERT INTO ComplaintEvents (ComplaintId, At, ToStatus, Actor) SELECT Id, ReceivedAt, 'Received', 'uji' FROM Complaints WHERE Ticket = @t",
                    ("@t", ticket));
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ComplaintsCsv_StartsWithBomAndHoldsEveryListedComplaint()
    {
        using var client = await factory.SignInAsync();

        var response = await client.GetAsync("/trends/export/complaints.csv?period=7d&cat=jalan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Parse(bytes);
        Assert.Equal("tiket", rows[0][0]);
        var range = DayRange.Last(7, Wib.DateOf(SituationAppFactory.Now));
        var expected = sql.Scalar(
            "SELECT COUNT(*) FROM Complaints WHERE CategoryCode = 'jalan' AND date(ReceivedAt, '+7 hours') BETWEEN @from AND @to",
            ("@from", range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@to", range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, rows.Count - 1);
    }

    [Fact]
    public async Task ComplaintsCsv_FormulaInText_NeutralisedAndQuoted()
    {
        using var client = await factory.SignInAsync();

        var bytes = await client.GetByteArrayAsync("/trends/export/complaints.csv?period=today&cat=jalan");

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"'=HYPERLINK(\"\"http://jahat.example\"\",\"\"klik\"\")\"", text);
        var rows = Parse(bytes);
        var hostile = rows.Single(r => r[0] == "LH-UJI-000001");
        Assert.Equal("'" + Hostile, hostile[^1]);
        var quoted = rows.Single(r => r[0] == "LH-UJI-000002");
        Assert.Equal("Jalan \"berlubang\", dalam\nsekali", quoted[^1]);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+@\t\r".Contains(cell[0]), $"{cell} would run as a formula"));
    }

    [Fact]
    public async Task SeriesCsv_Received_SumsToTheCubeTotal()
    {
        using var client = await factory.SignInAsync();

        var rows = Parse(await client.GetByteArrayAsync("/trends/export/series.csv?period=30d&by=opd&chart=received"));

        var main = rows.Skip(1).Where(r => r[0] == "utama").Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture));
        var compared = rows.Skip(1).Where(r => r[0] == "pembanding").Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture));
        var range = DayRange.Last(30, Wib.DateOf(SituationAppFactory.Now));
        var before = range.ComparedWith(Comparison.PreviousPeriod)!;
        Assert.Equal(ReceivedBetween(range), main);
        Assert.Equal(ReceivedBetween(before), compared);
    }

    [Theory]
    [InlineData("sla")]
    [InlineData("median")]
    [InlineData("uptime")]
    [InlineData("smart")]
    [InlineData("breakdown")]
    public async Task SeriesCsv_EveryChart_HasAHeaderAndRows(string chart)
    {
        using var client = await factory.SignInAsync();

        var response = await client.GetAsync($"/trends/export/series.csv?period=7d&chart={chart}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.True(rows.Count > 1 || chart == "smart", $"{chart} has no rows");
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
    }

    [Fact]
    public async Task DevicesCsv_Uptime_OneRowPerActiveDevice()
    {
        using var client = await factory.SignInAsync();

        var rows = Parse(await client.GetByteArrayAsync("/trends/export/devices.csv?kind=camera&measure=uptime&window=24h"));

        Assert.Equal(sql.Scalar("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active'"), rows.Count - 1);
    }

    [Theory]
    [InlineData("/trends/export/complaints.csv?period=fortnight", "period")]
    [InlineData("/trends/export/complaints.csv?measure=everything", "measure")]
    [InlineData("/trends/export/series.csv?chart=pie", "chart")]
    [InlineData("/trends/export/devices.csv?kind=drone", "kind")]
    public async Task Export_UnreadableQuery_ValidationProblemNamesTheField(string url, string field)
    {
        using var client = await factory.SignInAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task TrendsPage_Prerendered_ShowsTheCubeTotalsInIndonesian()
    {
        using var client = await factory.SignInAsync();

        var html = await client.GetStringAsync("/trends?period=30d&opd=DPU");

        var range = DayRange.Last(30, Wib.DateOf(SituationAppFactory.Now));
        var received = ReceivedBetween(range, "AND OpdCode = 'DPU'");
        Assert.Contains("Tren dan analisis", html);
        Assert.Matches($"data-testid=\"kpi-received-value\"[^>]*>{Regex.Escape(received.ToString("N0", new CultureInfo("id-ID")))}<", html);
        Assert.Contains("/trends/complaints?opd=DPU", html);
    }

    [Fact]
    public async Task ComplaintList_Prerendered_CountMatchesTheNumberItCameFrom()
    {
        using var client = await factory.SignInAsync();

        var html = await client.GetStringAsync("/trends/complaints?period=30d&cat=drainase&measure=late");

        var range = DayRange.Last(30, Wib.DateOf(SituationAppFactory.Now));
        await factory.Services.GetRequiredService<ComplaintRollup>().CatchUpAsync(CancellationToken.None);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();
        var late = ComplaintTally.Sum((await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default with { Category = "drainase" }, range, TrendDimension.Channel, CancellationToken.None)).Select(c => c.Tally)).ClosedLate;
        Assert.True(late > 0);
        Assert.Contains($"data-count=\"{late}\"", html);
    }

    [Fact]
    public async Task ReportCard_Month_ShowsTheOpdAndItsCounts()
    {
        using var client = await factory.SignInAsync();

        var html = await client.GetStringAsync("/trends/rapor/DPU?period=2026-10");

        Assert.Contains("Rapor Kinerja OPD", html);
        Assert.Contains("Dinas Pekerjaan Umum", html);
        Assert.Contains("Oktober 2026", html);
        var received = ReceivedBetween(new DayRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), "AND OpdCode = 'DPU'");
        Assert.Matches($"data-testid=\"report-received\"[^>]*>{Regex.Escape(received.ToString("N0", new CultureInfo("id-ID")))}<", html);
        Assert.Contains("@media print", await client.GetStringAsync("/SituationRoom.Web.styles.css"));
    }

    [Fact]
    public async Task ReportCard_QuarterInProgress_SaysSo()
    {
        using var client = await factory.SignInAsync();

        var html = await client.GetStringAsync("/trends/rapor/DLH?period=2026-Q4");

        Assert.Contains("Triwulan IV 2026", html);
        Assert.Contains("data-testid=\"report-ongoing\"", html);
    }

    [Theory]
    [InlineData("/trends/rapor/NOPE?period=2026-11", HttpStatusCode.NotFound)]
    [InlineData("/trends/rapor/DPU?period=2026-W47", HttpStatusCode.BadRequest)]
    [InlineData("/trends/rapor/DPU?period=kemarin", HttpStatusCode.BadRequest)]
    public async Task ReportCard_UnknownOpdOrPeriod_Refused(string url, HttpStatusCode status)
    {
        using var client = await factory.SignInAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
    }

    private long ReceivedBetween(DayRange range, string where = "") =>
        sql.Scalar(
            $"SELECT COUNT(*) FROM Complaints WHERE date(ReceivedAt, '+7 hours') BETWEEN @from AND @to {where}",
            ("@from", range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@to", range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>An RFC 4180 reader of its own (the project's CSV writer has none), after checking and dropping the BOM.</summary>
    private static List<string[]> Parse(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                Assert.NotEqual('"', c);
                cell.Append(c);
            }
        }

        Assert.False(quoted, "a quoted cell was never closed");
        Assert.True(row.Count == 0 && cell.Length == 0, "the last line has no CRLF");
        return rows;
    }
}
