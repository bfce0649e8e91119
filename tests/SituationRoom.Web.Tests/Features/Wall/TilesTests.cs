using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Trends;
using SituationRoom.Web.Features.Wall;
using SituationRoom.Web.Tests.Infrastructure;
using DefaultRuleSets = SituationRoom.Core.Scorecards.DefaultRuleSets;
using GradeBand = SituationRoom.Core.Scorecards.GradeBand;

namespace SituationRoom.Web.Tests.Features.Wall;

/// <summary>Tiles render only the panel they are given, so each is rendered here from a hand-made panel: no database.</summary>
public sealed class TilesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task ComplaintsTile_Panel_ShowsItsNumbersInIndonesianFormat()
    {
        var panel = new ComplaintsPanel(
            Open: 1234,
            NewToday: 87,
            Overdue: 45,
            InTriage: 3,
            ClosedLast30Days: 200,
            ClosedWithinSlaLast30Days: 173,
            WorstBacklogs: new[] { new OpdBacklog("DPU", "DPU", 300, 30), new OpdBacklog("DLH", "DLH", 150, 15) }.ToValueList(),
            Latest: ValueList<ComplaintTick>.Empty,
            LastEventAt: At);

        var page = await TileRenderer.RenderAsync<ComplaintsTile>(new Dictionary<string, object?> { ["Panel"] = panel });

        Assert.Equal("1.234", page.TestId("complaints-open"));
        Assert.Equal("87", page.TestId("complaints-new-today"));
        Assert.Equal("▲45", page.TestId("complaints-overdue").Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("86,5%", page.TestId("complaints-within-sla"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid='complaints-backlogs'] li").Length);
        Assert.Contains("10:04:05 WIB", page.QuerySelector("[data-testid='freshness-complaints']")!.TextContent);
        Assert.Contains("LANGSUNG", page.QuerySelector("[data-testid='freshness-complaints']")!.TextContent);
    }

    [Fact]
    public async Task ComplaintsTile_NothingClosed_ShowsADashNotAZeroPercent()
    {
        var panel = ComplaintsPanel.Empty;

        var page = await TileRenderer.RenderAsync<ComplaintsTile>(new Dictionary<string, object?> { ["Panel"] = panel });

        Assert.Equal("–", page.TestId("complaints-within-sla"));
    }

    [Fact]
    public async Task Tiles_EveryHeadlineFigure_LinksToTheRecordsBehindIt()
    {
        var complaints = await TileRenderer.RenderAsync<ComplaintsTile>(new Dictionary<string, object?> { ["Panel"] = ComplaintsPanel.Empty });
        var wifi = await TileRenderer.RenderAsync<WifiTile>(new Dictionary<string, object?> { ["Panel"] = WifiPanel.Empty });
        var cctv = await TileRenderer.RenderAsync<CctvTile>(new Dictionary<string, object?> { ["Panel"] = CctvPanel.Empty });

        Assert.Equal(DrillDown.OpenComplaints(), Href(complaints, "complaints-open"));
        Assert.Equal(DrillDown.NewToday(), Href(complaints, "complaints-new-today"));
        Assert.Equal(DrillDown.OverdueComplaints(), Href(complaints, "complaints-overdue"));
        Assert.Equal(DrillDown.ClosedLast30Days(), Href(complaints, "complaints-within-sla"));
        Assert.Equal("/hotspots?status=up", Href(wifi, "wifi-up"));
        Assert.Equal(DrillDown.DarkDevices(DeviceKind.Hotspot), Href(wifi, "wifi-down"));
        Assert.Equal(DrillDown.Uptime24Hours(DeviceKind.Hotspot), Href(wifi, "wifi-uptime"));
        Assert.Equal("/cctv?status=online", Href(cctv, "cctv-online"));
        Assert.Equal(DrillDown.DarkDevices(DeviceKind.Camera), Href(cctv, "cctv-dark"));
        Assert.Equal(DrillDown.DarkLongDevices(DeviceKind.Camera), Href(cctv, "cctv-dark-24h"));
        Assert.Equal(DrillDown.SwitchedOffDevices(DeviceKind.Camera), Href(cctv, "cctv-switched-off"));

        static string? Href(AngleSharp.Dom.IDocument page, string testId) =>
            page.QuerySelector($"a[data-testid='{testId}']")?.GetAttribute("href");
    }

    [Fact]
    public async Task WifiTile_Stale_SaysSoInWordsAndShape()
    {
        var panel = new WifiPanel(2250, 2190, 50, 0.9876, new[] { new AreaHealth("33.74.05", "Genuk", 140, 120, 0.91) }.ToValueList(), At);

        var page = await TileRenderer.RenderAsync<WifiTile>(new Dictionary<string, object?> { ["Panel"] = panel, ["IsStale"] = true });

        Assert.Equal("2.190", page.TestId("wifi-up"));
        Assert.Equal("▼60", page.TestId("wifi-down").Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("98,8%", page.TestId("wifi-uptime"));
        Assert.Contains("▲ DATA LAMA", page.QuerySelector("[data-testid='freshness-wifi']")!.TextContent);
        Assert.NotNull(page.QuerySelector(".tile-stale"));
        Assert.Contains("Genuk", page.TestId("wifi-worst"));
    }

    [Theory]
    [InlineData("id-ID", "Menyala sekarang", "Rata-rata uptime 24 jam", "100,0%", "90,0%")]
    [InlineData("en-US", "Up now", "Average uptime, 24 hours", "100.0%", "90.0%")]
    public async Task WifiTile_AllUpNowAfterADarkMorning_ShareUpNowAndAverageUptimeShownApartEachLabelled(string culture, string shareLabel, string uptimeLabel, string share, string uptime)
    {
        var panel = new WifiPanel(2300, 2300, 0, 0.9, ValueList<AreaHealth>.Empty, At);

        var page = await TileRenderer.RenderAsync<WifiTile>(new Dictionary<string, object?> { ["Panel"] = panel }, culture);

        Assert.Equal(share, page.TestId("wifi-up-share"));
        Assert.StartsWith(shareLabel, page.QuerySelector("[data-testid='wifi-up-share']")!.ParentElement!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(uptime, page.TestId("wifi-uptime"));
        Assert.Equal(uptimeLabel, page.QuerySelector("[data-testid='wifi-uptime'] + .kpi-label")!.TextContent.Trim());
    }

    [Fact]
    public async Task CctvTile_English_ShowsEnglishLabelsAndNumbers()
    {
        var panel = new CctvPanel(9500, 9100, 120, 35, 350, 60, new[] { new OwnerHealth("DISHUB", "Dishub", 2400, 2300) }.ToValueList(), At);

        var page = await TileRenderer.RenderAsync<CctvTile>(new Dictionary<string, object?> { ["Panel"] = panel }, culture: "en-US");

        Assert.Equal("9,100", page.TestId("cctv-online"));
        Assert.Contains("Switched off", page.Body!.TextContent);
        Assert.Contains("350", page.TestId("cctv-switched-off"));
        Assert.Contains("Dishub", page.TestId("cctv-owners"));
    }

    [Fact]
    public async Task LeagueTile_Entries_ShowRankScoreAndMovementWithAShape()
    {
        var panel = new LeaguePanel(
            "2026-11",
            38,
            new[] { new LeagueEntry(1, "DISKOMINFO", "Diskominfo", 91.25, Band("Sangat Baik"), 2) }.ToValueList(),
            new[] { new LeagueEntry(38, "DPU", "DPU", 48.5, Band("Kurang"), -3) }.ToValueList(),
            At);

        var page = await TileRenderer.RenderAsync<LeagueTile>(new Dictionary<string, object?> { ["Panel"] = panel });

        var top = page.TestId("league-top");
        Assert.Contains("Diskominfo", top);
        Assert.Contains("91,3", top);
        Assert.Contains("▲", top);
        Assert.Contains("▲2", top);
        Assert.Equal("naik 2", page.QuerySelector("[data-testid='league-top'] .movement")!.GetAttribute("aria-label"));
        Assert.Contains("▼3", page.TestId("league-bottom"));
        Assert.Equal("turun 3", page.QuerySelector("[data-testid='league-bottom'] .movement")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task ComplaintTicker_TextThatLooksLikeMarkup_IsRenderedInert()
    {
        var tick = new ComplaintTick("LH-2026-000001", At, "Sms", "jalan", "Genuk", "0812****7890", "<script>alert(1)</script> jalan rusak");
        var panel = ComplaintsPanel.Empty with { Latest = new[] { tick }.ToValueList() };

        var page = await TileRenderer.RenderAsync<ComplaintTicker>(new Dictionary<string, object?> { ["Panel"] = panel });

        Assert.Empty(page.QuerySelectorAll("[data-testid='ticker'] script"));
        Assert.Contains("<script>alert(1)</script>", page.TestId("ticker"));
        Assert.Contains("0812****7890", page.TestId("ticker"));
    }

    [Fact]
    public async Task ComplaintTicker_ChannelCode_ShowsTheChannelsName()
    {
        var tick = new ComplaintTick("LH-2026-000002", At, "SocialMedia", "jalan", "Genuk", null, "jalan rusak");
        var panel = ComplaintsPanel.Empty with { Latest = new[] { tick }.ToValueList() };

        var page = await TileRenderer.RenderAsync<ComplaintTicker>(new Dictionary<string, object?> { ["Panel"] = panel });

        Assert.Contains("Media sosial · Genuk", page.TestId("ticker"));
        Assert.DoesNotContain("SocialMedia", page.TestId("ticker"));
    }

    [Fact]
    public async Task ComplaintsTile_LargestBacklogNotFirst_BarsScaleToTheLargest()
    {
        // Backlogs come worst-overdue first, so a later row can have more open complaints than the first.
        var panel = ComplaintsPanel.Empty with
        {
            WorstBacklogs = new[] { new OpdBacklog("DPU", "DPU", 100, 40), new OpdBacklog("DLH", "DLH", 200, 10) }.ToValueList(),
        };

        var page = await TileRenderer.RenderAsync<ComplaintsTile>(new Dictionary<string, object?> { ["Panel"] = panel });

        var widths = page.QuerySelectorAll("[data-testid='complaints-backlogs'] .bar-fill").Select(e => e.GetAttribute("style") ?? "").ToArray();
        Assert.Equal(new[] { "width:50%", "width:100%" }, widths);
    }

    [Fact]
    public async Task LeagueTile_EntryNewToTheLeague_SaysSoInAWord()
    {
        var panel = new LeaguePanel(
            "2026-11",
            2,
            new[] { new LeagueEntry(1, "DISKOMINFO", "Diskominfo", 91.25, Band("Sangat Baik"), null) }.ToValueList(),
            new[] { new LeagueEntry(2, "DPU", "DPU", 48.5, Band("Kurang"), 0) }.ToValueList(),
            At);

        var page = await TileRenderer.RenderAsync<LeagueTile>(new Dictionary<string, object?> { ["Panel"] = panel });

        Assert.Equal("baru", page.QuerySelector("[data-testid='league-top'] .movement")!.TextContent.Trim());
        Assert.Equal("tetap", page.QuerySelector("[data-testid='league-bottom'] .movement")!.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("id-ID", "Desember 2026", "Sangat Baik", "Kurang")]
    [InlineData("en-US", "December 2026", "Very Good", "Poor")]
    public async Task LeagueTile_PeriodAndBands_NamedInTheScreensLanguage(string culture, string period, string topBand, string bottomBand)
    {
        var panel = new LeaguePanel(
            "2026-12",
            38,
            new[] { new LeagueEntry(1, "DISKOMINFO", "Diskominfo", 91.25, Band("Sangat Baik"), 2) }.ToValueList(),
            new[] { new LeagueEntry(38, "DPU", "DPU", 48.5, Band("Kurang"), -3) }.ToValueList(),
            At);

        var page = await TileRenderer.RenderAsync<LeagueTile>(new Dictionary<string, object?> { ["Panel"] = panel }, culture);

        Assert.Equal("· " + period, page.TestId("league-period"));
        Assert.Equal(topBand, page.QuerySelector("[data-testid='league-top'] .band")!.TextContent.Trim());
        Assert.Equal(bottomBand, page.QuerySelector("[data-testid='league-bottom'] .band")!.TextContent.Trim());
    }

    [Fact]
    public async Task LeagueTile_English_ShowsNoIndonesianPeriodOrBandWords()
    {
        var panel = new LeaguePanel(
            "2026-12",
            2,
            new[] { new LeagueEntry(1, "DISKOMINFO", "Diskominfo", 91.25, Band("Sangat Baik"), null) }.ToValueList(),
            new[] { new LeagueEntry(2, "DPU", "DPU", 62.5, Band("Cukup"), 0) }.ToValueList(),
            At);

        var page = await TileRenderer.RenderAsync<LeagueTile>(new Dictionary<string, object?> { ["Panel"] = panel }, culture: "en-US");

        var text = page.Body!.TextContent;
        Assert.Contains("Fair", text);
        Assert.Contains("new", text);
        foreach (var indonesian in new[] { "Desember", "Sangat", "Cukup", "baru", "teratas" })
        {
            Assert.DoesNotContain(indonesian, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    // The shipped rule set's own bands, so the names the tile shows are the ones the scorecard pages show.
    private static GradeBand Band(string name) => DefaultRuleSets.Smart2026.Bands.Single(b => b.Name == name);
}
