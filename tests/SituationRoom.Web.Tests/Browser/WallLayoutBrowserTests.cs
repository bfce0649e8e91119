using Microsoft.Playwright;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>
/// Every wall view at every screen the room has (1080p, 4K, a 32:9 double screen) fits that screen: no scrollbar,
/// and nothing in a tile cut off by the tile's edge. One app process, one browser and one page serve all cases.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallLayoutBrowserTests(WallLayoutBrowserTests.Wall wall) : IClassFixture<WallLayoutBrowserTests.Wall>
{
    public static TheoryData<string, int, int> ViewsAndSizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var view in new[] { "overview", "complaints", "wifi", "cctv", "league", "map-complaints", "map-wifi", "map-cctv" })
        {
            foreach (var (width, height) in new[] { (1920, 1080), (3840, 2160), (3840, 1080) })
            {
                data.Add(view, width, height);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ViewsAndSizes))]
    public async Task View_AtScreenSize_FitsWithoutScrollbarOrClipping(string view, int width, int height)
    {
        var page = await wall.ShowAsync(view, width, height, english: false);

        await AssertFitsAsync(page);
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("wifi")]
    [InlineData("league")]
    public async Task View_InEnglishAt1080p_FitsWithoutScrollbarOrClipping(string view)
    {
        var page = await wall.ShowAsync(view, 1920, 1080, english: true);

        Assert.Contains("CONNECTED", await page.TextContentAsync("#connection-state"));
        await AssertFitsAsync(page);
    }

    // Ranked lists carry ten rows; a quarter tile draws five, a tile beside the map as many as its height holds.
    // (That the drawn rows fit is View_AtScreenSize_FitsWithoutScrollbarOrClipping's part.)
    [Theory]
    [InlineData("overview", 1920, 1080, "wifi-worst", 5)]
    [InlineData("overview", 3840, 1080, "complaints-backlogs", 5)]
    [InlineData("wifi", 1920, 1080, "wifi-worst", 10)]
    [InlineData("complaints", 1920, 1080, "complaints-backlogs", 8)]
    [InlineData("complaints", 3840, 2160, "complaints-backlogs", 8)]
    [InlineData("complaints", 3840, 1080, "complaints-backlogs", 10)]
    public async Task RankedList_InView_DrawsTheRowsItsTileHasRoomFor(string view, int width, int height, string list, int drawn)
    {
        var page = await wall.ShowAsync(view, width, height, english: false);

        var rows = await page.EvaluateAsync<int[]>(
            "list => { const r = [...document.querySelectorAll(`[data-testid='${list}'] > .row`)]; return [r.length, r.filter(e => e.getClientRects().length > 0).length]; }",
            list);
        Assert.Equal(10, rows[0]);
        Assert.Equal(drawn, rows[1]);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var size = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight, innerHeight]");
        Assert.True(size[0] <= size[1], $"scrolls sideways: {size[0]} > {size[1]}");
        Assert.True(size[2] <= size[3], $"scrolls down: {size[2]} > {size[3]}");

        // Every box that hides its overflow must hold what it has; only text that ends in an ellipsis may be cut.
        var clipped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.wall *')].filter(e => {
                const s = getComputedStyle(e);
                if (s.display === 'none' || (s.overflowX === 'visible' && s.overflowY === 'visible')) return false;
                return e.scrollHeight > e.clientHeight + 1 || (s.textOverflow !== 'ellipsis' && e.scrollWidth > e.clientWidth + 1);
            }).map(e => `${e.className}: ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight} "${e.textContent.trim().slice(0, 40)}"`)
            """);
        Assert.Empty(clipped);
    }

    /// <summary>The app fed by the simulator, and one page signed in as a wall display.</summary>
    public sealed class Wall : IAsyncLifetime
    {
        private static readonly Dictionary<string, string> City = new()
        {
            ["DemoCity:SeedWhenEmpty"] = "true",
            ["DemoCity:Hotspots"] = "400",
            ["DemoCity:Cameras"] = "1200",
            ["DemoCity:ComplaintDays"] = "30",
            ["DemoCity:Simulator:Enabled"] = "true",
            ["DemoCity:Simulator:Tick"] = "00:00:01",
        };

        private AppInBrowser? run;
        private IPage? page;
        private bool english;

        public async Task InitializeAsync()
        {
            run = await AppInBrowser.StartAsync(City);
            page = await run.Browser.NewPageAsync();
            await page.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
        }

        public async Task<IPage> ShowAsync(string view, int width, int height, bool english)
        {
            var page = this.page!;
            if (english != this.english)
            {
                // The circuit takes its language from the cookie /culture sets, not from a query string.
                await page.GotoAsync($"{run!.BaseUrl}/culture/{(english ? "en" : "id")}?returnUrl=/wall");
                this.english = english;
            }

            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync($"{run!.BaseUrl}/wall?view={view}");
            var token = view == "map-complaints" ? "map" : view;

            // Interactive (the clock ticks in the browser once the circuit is up) and every tile drawn.
            await page.WaitForSelectorAsync($".wall[data-view='{token}'] .tile", new PageWaitForSelectorOptions { Timeout = 60_000 });
            await page.WaitForFunctionAsync(
                "() => document.querySelector('.age')?.textContent.trim().length > 0",
                null,
                new PageWaitForFunctionOptions { Timeout = 30_000 });
            return page;
        }

        public async Task DisposeAsync()
        {
            if (run is not null)
            {
                await run.DisposeAsync();
            }
        }
    }
}
