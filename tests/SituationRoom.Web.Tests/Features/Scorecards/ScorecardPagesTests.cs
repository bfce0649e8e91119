using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Scorecards;

/// <summary>The pages rendered from the demo city, and the JSON API giving the same numbers as the pages.</summary>
public sealed class ScorecardPagesTests(SituationAppFactory factory) : IClassFixture<SituationAppFactory>, IAsyncLifetime
{
    private static readonly string[] Dimensions = ["systemic", "monitorable", "accessible", "reliable", "timebound"];

    public async Task InitializeAsync() => await factory.ScoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LeaguePage_AndLeagueApi_ShowTheSameRanksAndScores()
    {
        using var client = await factory.SignInAsync();
        var page = await PageAsync(client, $"/scorecards?period={ScorecardTesting.Month}");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/scorecards?period={ScorecardTesting.Month}");

        var rows = page.QuerySelectorAll("tr[data-opd]").ToList();
        var lines = api.GetProperty("opds").EnumerateArray().ToList();
        Assert.Equal(lines.Count, rows.Count);
        Assert.Equal(lines.Select(l => l.GetProperty("opd").GetString()), rows.Select(r => r.GetAttribute("data-opd")));
        foreach (var (row, line) in rows.Zip(lines))
        {
            Assert.Equal(Number(line.GetProperty("composite")), ScorecardTesting.ParseId(Cell(row, "composite")));
            Assert.Equal(line.GetProperty("rank").ValueKind == JsonValueKind.Null ? "—" : line.GetProperty("rank").GetInt32() + (line.GetProperty("tied").GetBoolean() ? "=" : ""), Cell(row, "rank"));
            foreach (var dimension in Dimensions)
            {
                Assert.Equal(Number(line.GetProperty("dimensions").GetProperty(dimension)), ScorecardTesting.ParseId(Cell(row, "dim-" + dimension)));
            }

            Assert.Equal(line.GetProperty("insufficientData").GetBoolean(), row.QuerySelector("[data-testid='insufficient']") is not null);
        }

        Assert.True(lines.Count(l => l.GetProperty("ranked").GetBoolean()) >= 10);
    }

    [Fact]
    public async Task LeaguePage_SortedByTimebound_ListsRankedThenUnrankedEachHighestFirstAndMissingLast()
    {
        using var client = await factory.SignInAsync();

        var page = await PageAsync(client, $"/scorecards?period={ScorecardTesting.Month}&sort=timebound&dir=desc");

        var rows = page.QuerySelectorAll("tr[data-opd]")
            .Select(r => (Ranked: Cell(r, "rank") != "—", Score: ScorecardTesting.ParseId(Cell(r, "dim-timebound"))))
            .ToList();
        var present = rows.TakeWhile(r => r.Score is not null).ToList();
        var ranked = present.TakeWhile(r => r.Ranked).Select(r => r.Score!.Value).ToList();
        var unranked = present.Skip(ranked.Count).ToList();
        Assert.NotEmpty(ranked);
        Assert.Equal(ranked.OrderByDescending(s => s), ranked);
        Assert.All(unranked, r => Assert.False(r.Ranked));
        Assert.Equal(unranked.Select(r => r.Score!.Value).OrderByDescending(s => s), unranked.Select(r => r.Score!.Value));
        Assert.All(rows.Skip(present.Count), r => Assert.Null(r.Score));
    }

    [Fact]
    public async Task OpdPage_KnownOpd_ShowsCompositeDimensionsRanksTrendsAndTheItemsPullingThemDown()
    {
        using var client = await factory.SignInAsync();

        var page = await PageAsync(client, $"/opd/DPU?period={ScorecardTesting.Month}");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/scorecards/DPU?period={ScorecardTesting.Month}");

        Assert.Equal("Dinas Pekerjaan Umum", page.QuerySelector("[data-testid='opd-name']")!.TextContent.Trim());
        var scorecard = api.GetProperty("scorecard");
        Assert.Equal(Number(scorecard.GetProperty("composite")), ScorecardTesting.ParseId(page.QuerySelector("[data-testid='composite']")!.TextContent));
        Assert.Equal(
            $"Peringkat {scorecard.GetProperty("rank").GetInt32()} dari {api.GetProperty("rankedOf").GetInt32()} OPD",
            page.QuerySelector("[data-testid='rank']")!.TextContent.Trim());
        Assert.Equal(scorecard.GetProperty("band").GetString(), page.QuerySelector(".hero [data-testid='band']")!.TextContent.Trim());

        foreach (var dimension in api.GetProperty("dimensions").EnumerateArray())
        {
            var card = page.QuerySelector($"[data-testid='dimension-{dimension.GetProperty("dimension").GetString()!.ToLowerInvariant()}']")!;
            Assert.Equal(Number(dimension.GetProperty("score")), ScorecardTesting.ParseId(card.QuerySelector("[data-testid='dim-score']")!.TextContent));
            if (dimension.GetProperty("rank").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal($"peringkat {dimension.GetProperty("rank").GetInt32()} dari {dimension.GetProperty("rankedOf").GetInt32()}", card.QuerySelector("[data-testid='dim-rank']")!.TextContent.Trim());
            }

            Assert.NotNull(card.QuerySelector("svg.sparkline"));
            Assert.Equal(6, dimension.GetProperty("trend").GetArrayLength());
        }

        var overdue = page.QuerySelector("[data-testid='pull-overdue']")!;
        var overdueApi = api.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "Timebound")
            .GetProperty("pulledDownBy").EnumerateArray().Single(l => l.GetProperty("reason").GetString() == "Overdue");
        Assert.True(overdueApi.GetProperty("total").GetInt32() > 0);
        Assert.Equal(
            overdueApi.GetProperty("items").EnumerateArray().Select(i => "/complaints/" + i.GetProperty("reference").GetString()),
            overdue.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll("[data-testid='pull-dark'] a, [data-testid='pull-notconnected'] a"), a => Assert.StartsWith("/devices/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpdPage_DarkDevices_AreTheOpdsActiveDevicesDownNowLinkedToTheirPages()
    {
        using var client = await factory.SignInAsync();

        var page = await PageAsync(client, $"/opd/DISKOMINFO?period={ScorecardTesting.Month}");

        var dark = page.QuerySelector("[data-testid='pull-dark']")!;
        var expected = factory.Count("SELECT COUNT(*) FROM Devices WHERE OpdCode = 'DISKOMINFO' AND Lifecycle = 'Active' AND Status NOT IN ('Online','Degraded') AND LastReportAt IS NOT NULL");
        Assert.True(expected > 0);
        Assert.Equal($"({expected})", dark.QuerySelector(".count")!.TextContent.Trim());
        Assert.NotEmpty(dark.QuerySelectorAll("a"));
        Assert.All(dark.QuerySelectorAll("a"), a => Assert.Matches("^/devices/(WIFI|CCTV)-[0-9]+$", a.GetAttribute("href")!));
    }

    [Fact]
    public async Task OpdPage_PeriodWithoutAScore_StillListsTheItemsPullingTheOpdDown()
    {
        using var client = await factory.SignInAsync();

        // Long before the stored history: no score line, as for the current month before the first scoring run ends.
        var page = await PageAsync(client, "/opd/DISKOMINFO?period=2020-01");

        Assert.NotNull(page.QuerySelector("[data-testid='not-scored']"));
        Assert.Null(page.QuerySelector("[data-testid='composite']"));
        Assert.Equal(Dimensions.Length, page.QuerySelectorAll("[data-testid^='dimension-']").Length);
        var expected = factory.Count("SELECT COUNT(*) FROM Devices WHERE OpdCode = 'DISKOMINFO' AND Lifecycle = 'Active' AND Status NOT IN ('Online','Degraded') AND LastReportAt IS NOT NULL");
        Assert.Equal($"({expected})", page.QuerySelector("[data-testid='pull-dark'] .count")!.TextContent.Trim());
    }

    [Fact]
    public async Task OpdPage_OverdueItems_AreOpenComplaintsOfThatOpdMostOverdueFirst()
    {
        await factory.SettledSituationAsync();
        using var client = await factory.SignInAsync();

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/scorecards/DPU?period={ScorecardTesting.Month}");

        var overdue = api.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "Timebound")
            .GetProperty("pulledDownBy").EnumerateArray().Single(l => l.GetProperty("reason").GetString() == "Overdue");
        var now = SituationAppFactory.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            factory.Count($"SELECT COUNT(*) FROM Complaints WHERE OpdCode = 'DPU' AND Status NOT IN ('Resolved','Rejected') AND DueAt < '{now}'"),
            overdue.GetProperty("total").GetInt32());
        var days = overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("days").GetDouble()).ToList();
        Assert.Equal(days.OrderByDescending(d => d), days);
    }

    [Fact]
    public async Task ExplainPage_ShowsTheStoredCompositeAsTheSumOfItsPointsWithRulesAndVersion()
    {
        using var client = await factory.SignInAsync();

        var page = await PageAsync(client, $"/opd/DPU/explain?period={ScorecardTesting.Month}");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/scorecards/DPU/explain?period={ScorecardTesting.Month}");
        var league = await client.GetFromJsonAsync<JsonElement>($"/api/scorecards/DPU?period={ScorecardTesting.Month}");

        var composite = Number(league.GetProperty("scorecard").GetProperty("composite"));
        Assert.Equal(composite, Number(api.GetProperty("composite")));
        Assert.Equal(composite, ScorecardTesting.ParseId(page.QuerySelector("[data-testid='composite']")!.TextContent));
        Assert.Equal(composite, ScorecardTesting.ParseId(page.QuerySelector("[data-testid='total']")!.TextContent));
        var contributions = page.QuerySelectorAll("[data-testid='contribution']").Select(c => ScorecardTesting.ParseId(c.TextContent) ?? 0).Sum();
        Assert.Equal(composite!.Value, contributions, 1);
        Assert.StartsWith("smart-2026.1", page.QuerySelector("[data-testid='rule-set']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Linear: 90% atau kurang → 0", page.QuerySelector("tr[data-indicator='A.hotspot_uptime']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("[data-testid='lines'] li"), l => l.TextContent.StartsWith("Skor komposit", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("[data-testid='lines'] li"), l => l.TextContent.StartsWith("Cakupan data otomatis", StringComparison.Ordinal));
        var nextBand = page.QuerySelector("[data-testid='next-band']")!.TextContent.Trim();
        if (Number(api.GetProperty("pointsToNextBand")) is { } points)
        {
            Assert.Equal(points, ScorecardTesting.ParseId(nextBand.Split(' ')[1]));
        }
        else
        {
            Assert.Equal("Sudah pada predikat tertinggi.", nextBand);
        }
    }

    [Fact]
    public async Task Pages_InEnglish_UseEnglishNamesAndDecimalPoints()
    {
        using var client = await factory.SignInAsync();

        var page = await PageAsync(client, $"/opd/DPU?period={ScorecardTesting.Month}&lang=en-US");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/scorecards/DPU?period={ScorecardTesting.Month}");

        Assert.StartsWith("Rank ", page.QuerySelector("[data-testid='rank']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            Number(api.GetProperty("scorecard").GetProperty("composite"))!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("[data-testid='composite']")!.TextContent.Trim());
        Assert.Contains("Timebound", page.QuerySelector("[data-testid='dimension-timebound'] h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WeekAndQuarter_AreLeaguesOfTheirOwn()
    {
        using var client = await factory.SignInAsync();

        var week = await client.GetFromJsonAsync<JsonElement>("/api/scorecards?period=2026-W47");
        var quarter = await client.GetFromJsonAsync<JsonElement>("/api/scorecards?period=2026-Q4");

        Assert.Equal("Week", week.GetProperty("kind").GetString());
        Assert.Equal("2026-W46", week.GetProperty("previous").GetString());
        Assert.Equal("Quarter", quarter.GetProperty("kind").GetString());
        Assert.NotEmpty(quarter.GetProperty("opds").EnumerateArray());
        Assert.True(week.GetProperty("ranked").GetInt32() <= quarter.GetProperty("ranked").GetInt32());
    }

    [Fact]
    public async Task Api_BadPeriod_IsAValidationProblemNamingThePeriod()
    {
        using var client = await factory.SignInAsync();

        var response = await client.GetAsync("/api/scorecards?period=November");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("November", problem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOpd_IsNotFoundOnPageAndApi()
    {
        using var client = await factory.SignInAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/scorecards/NOPE")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/opd/NOPE")).StatusCode);
    }

    [Fact]
    public async Task Rules_ApiServesTheCatalogueInItsOwnFormatAndThePageListsIt()
    {
        using var client = await factory.SignInAsync();

        var json = await client.GetStringAsync("/api/scorecards/rules");
        var page = await PageAsync(client, "/scorecards/rules");

        var sets = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => RuleSetJson.Parse(e.GetRawText())).ToList();
        Assert.Equal(["smart-2026.1"], sets.Select(s => s.Version));
        Assert.Equal(DefaultRuleSets.Smart2026.Indicators.Count, sets[0].Indicators.Count);
        Assert.Single(page.QuerySelectorAll("[data-testid='rule-set']"));
        Assert.Contains("T.sla_met", page.QuerySelector("#smart-2026\\.1")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Cell(IElement row, string testId) => row.QuerySelector($"[data-testid='{testId}']")!.TextContent.Trim();

    private static double? Number(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
}
