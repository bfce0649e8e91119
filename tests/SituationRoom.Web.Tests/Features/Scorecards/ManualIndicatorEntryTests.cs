using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Scorecards;

/// <summary>The administrator's form and API for manual indicators: bad input is refused by field and changes nothing;
/// good input updates the value, appends to the audit trail and rescores.</summary>
public sealed class ManualIndicatorEntryTests(ManualIndicatorEntryTests.AppWithTempEvidence factory) : IClassFixture<ManualIndicatorEntryTests.AppWithTempEvidence>, IAsyncLifetime
{
    public async Task InitializeAsync() => await factory.ScoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("DLH", "2026-11", "S.systems_integrated", "7", "Hasil penilaian ulang tim SPBE", "value")]
    [InlineData("DLH", "2026-11", "S.systems_integrated", "3,5", "Hasil penilaian ulang tim SPBE", "value")]
    [InlineData("DLH", "2026-11", "A.online_services", "sembilan puluh", "Data katalog layanan November", "value")]
    [InlineData("DLH", "2026-11", "A.online_services", "", "Data katalog layanan November", "value")]
    [InlineData("DLH", "2026-11", "A.online_services", "90", "", "reason")]
    [InlineData("DLH", "2026-11", "A.online_services", "90", "ok", "reason")]
    [InlineData("NOPE", "2026-11", "A.online_services", "90", "Data katalog layanan November", "opd")]
    [InlineData("DLH", "2027-01", "A.online_services", "90", "Data katalog layanan Januari", "period")]
    [InlineData("DLH", "2025-06", "A.online_services", "90", "Data katalog layanan Juni 2025", "period")]
    [InlineData("DLH", "November", "A.online_services", "90", "Data katalog layanan November", "period")]
    [InlineData("DLH", "2026-11", "T.sla_met", "100", "Semua aduan sudah selesai tepat waktu", "indicator")]
    [InlineData("DLH", "2026-11", "X.unknown", "10", "Indikator yang tidak ada di aturan", "indicator")]
    public async Task Api_BadInput_NamesTheFieldAndChangesNothing(string opd, string period, string indicator, string value, string reason, string field)
    {
        using var client = await factory.SignInAsync();
        var before = Snapshot();

        var response = await client.PostAsJsonAsync("/api/scorecards/indicators", new { opdCode = opd, period, indicatorCode = indicator, value, reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Api_BadEvidenceLink_NamesTheFieldAndChangesNothing()
    {
        using var client = await factory.SignInAsync();
        var before = Snapshot();

        var response = await client.PostAsJsonAsync("/api/scorecards/indicators", new
        {
            opdCode = "DLH", period = "2026-11", indicatorCode = "A.online_services", value = "91", reason = "Data katalog layanan November", evidenceUrl = "javascript:alert(1)",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("evidenceUrl", out _));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Api_GoodInput_UpdatesTheValueAppendsTheTrailAndRescoresTheMonth()
    {
        using var client = await factory.SignInAsync();
        factory.Execute("UPDATE SmartIndicatorValues SET Value = 2 WHERE IsManual = 1 AND OpdCode = 'DPU' AND PeriodStart = '2026-11-01' AND IndicatorCode = 'S.systems_integrated'");
        await factory.ScoreAsync(Web.Features.Scorecards.ScoringScope.Incremental);
        var composite = await CompositeAsync(client, "DPU");

        var first = await client.PostAsJsonAsync("/api/scorecards/indicators", new
        {
            opdCode = "DPU", period = "2026-11", indicatorCode = "S.systems_integrated", value = "5", reason = "Penilaian mandiri SPBE diverifikasi tim", evidenceUrl = "https://example.org/spbe/dpu.pdf",
        });
        var second = await client.PostAsJsonAsync("/api/scorecards/indicators", new
        {
            opdCode = "DPU", period = "2026-11", indicatorCode = "S.systems_integrated", value = "4", reason = "Koreksi: satu sistem belum terintegrasi",
        });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(4, factory.Count("SELECT Value FROM SmartIndicatorValues WHERE IsManual = 1 AND OpdCode = 'DPU' AND PeriodStart = '2026-11-01' AND IndicatorCode = 'S.systems_integrated'"));
        var trail = Rows("SELECT PreviousValue, Value, Reason, EvidenceUrl FROM SmartIndicatorChanges WHERE OpdCode = 'DPU' ORDER BY Id");
        Assert.Equal(
            ["2|5|Penilaian mandiri SPBE diverifikasi tim|https://example.org/spbe/dpu.pdf", "5|4|Koreksi: satu sistem belum terintegrasi|"],
            trail);

        // Level 2 → 40 points, level 4 → 80: S.systems_integrated is 40% of S, which is 20% of the composite.
        var after = await CompositeAsync(client, "DPU");
        Assert.True(after > composite, $"composite {composite} → {after}");
        var explain = await client.GetFromJsonAsync<JsonElement>("/api/scorecards/DPU/explain?period=2026-11");
        Assert.Contains(explain.GetProperty("manualEntries").EnumerateArray(), m => m.GetProperty("indicator").GetString() == "S.systems_integrated" && m.GetProperty("value").GetDouble() == 4);
    }

    [Fact]
    public async Task AuditTrail_CannotBeEditedOrDeletedInTheDatabase()
    {
        using var client = await factory.SignInAsync();
        var response = await client.PostAsJsonAsync("/api/scorecards/indicators", new
        {
            opdCode = "DINKES", period = "2026-10", indicatorCode = "R.satisfaction", value = "4,2", reason = "Survei kepuasan triwulan IV",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.Throws<SqliteException>(() => factory.Execute("UPDATE SmartIndicatorChanges SET Value = 5"));
        Assert.Throws<SqliteException>(() => factory.Execute("DELETE FROM SmartIndicatorChanges"));
        Assert.Equal(4.2, double.Parse(Rows("SELECT Value FROM SmartIndicatorChanges WHERE OpdCode = 'DINKES'").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Form_BadValue_ShowsTheErrorByTheFieldAndChangesNothing()
    {
        using var client = await factory.SignInAsync(allowAutoRedirect: false);
        var before = Snapshot();

        var response = await PostFormAsync(client, "DISHUB", "2026-11", "A.online_services", "150", "Data katalog layanan daring November", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("150", page.QuerySelector("#field-value")!.GetAttribute("value"));
        Assert.Contains("A.online_services harus antara 0–100", page.QuerySelector("[data-testid='error-value']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("value", page.QuerySelector("[data-testid='errors'] li")!.GetAttribute("data-field"));
        Assert.Equal("true", page.QuerySelector("#field-value")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Form_GoodInputWithEvidenceFile_SavesRedirectsAndListsItInTheTrail()
    {
        using var client = await factory.SignInAsync(allowAutoRedirect: false);
        var pdf = "%PDF-1.4 berita acara survei"u8.ToArray();

        var response = await PostFormAsync(client, "DISHUB", "2026-11", "A.online_services", "87,5", "Katalog layanan daring per November", ("berita-acara.pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        Assert.StartsWith("/admin/indicators?saved=", location, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(location));
        Assert.Contains("87,5", page.QuerySelector("[data-testid='saved']")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector("[data-testid='trail'] tbody tr")!;
        Assert.Contains("Katalog layanan daring per November", row.TextContent, StringComparison.Ordinal);
        var evidence = row.QuerySelectorAll("a").Single(a => a.TextContent == "berita-acara.pdf");
        Assert.Equal(pdf, await client.GetByteArrayAsync(evidence.GetAttribute("href")));
        Assert.Equal(87.5, double.Parse(Rows("SELECT Value FROM SmartIndicatorValues WHERE IsManual = 1 AND OpdCode = 'DISHUB' AND PeriodStart = '2026-11-01' AND IndicatorCode = 'A.online_services'").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Form_EvidenceOfAForbiddenKind_IsRefusedByName()
    {
        using var client = await factory.SignInAsync(allowAutoRedirect: false);
        var before = Snapshot();

        var response = await PostFormAsync(client, "DISHUB", "2026-11", "A.online_services", "80", "Katalog layanan daring per November", ("skrip.exe", [1, 2, 3]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-testid='error-evidenceFile']"));
        Assert.Equal(before, Snapshot());
    }

    /// <summary>The app with uploaded evidence kept in a temporary folder, not under the source tree's App_Data.</summary>
    public sealed class AppWithTempEvidence : SituationAppFactory
    {
        private readonly string evidence = Directory.CreateTempSubdirectory("situationroom-evidence-").FullName;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Scorecards:EvidenceFolder"] = evidence,
        };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(evidence))
            {
                Directory.Delete(evidence, recursive: true);
            }
        }
    }

    private async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string opd, string period, string indicator, string value, string reason, (string Name, byte[] Bytes)? file)
    {
        var form = new HtmlParser().ParseDocument(await client.GetStringAsync("/admin/indicators"));
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("input[name='_handler']")!.GetAttribute("value")!), "_handler" },
            { new StringContent(opd), "Input.OpdCode" },
            { new StringContent(period), "Input.Period" },
            { new StringContent(indicator), "Input.IndicatorCode" },
            { new StringContent(value), "Input.Value" },
            { new StringContent(reason), "Input.Reason" },
            { new StringContent(""), "Input.EvidenceUrl" },
        };
        if (file is { } f)
        {
            content.Add(new ByteArrayContent(f.Bytes), "evidenceFile", f.Name);
        }

        return await client.PostAsync("/admin/indicators", content);
    }

    private static async Task<double> CompositeAsync(HttpClient client, string opd) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/scorecards/{opd}?period=2026-11")).GetProperty("scorecard").GetProperty("composite").GetDouble();

    private string Snapshot() =>
        string.Join("\n", Rows("SELECT OpdCode, PeriodStart, IndicatorCode, printf('%.17g', Value), RecordedAt FROM SmartIndicatorValues WHERE IsManual = 1 ORDER BY Id"))
        + "\n" + factory.Count("SELECT COUNT(*) FROM SmartIndicatorChanges");

    private List<string> Rows(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
