using System.Globalization;
using Microsoft.Playwright;
using SituationRoom.Web.Features.Trends;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>Drill-down in a real browser: a click on a chart bar, a headline number or a wall figure lands on exactly
/// the records it counts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrendsBrowserTests() : BrowserAppTests(QuietCity)
{
    private static readonly Dictionary<string, string> QuietCity = new()
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "300",
        ["DemoCity:Cameras"] = "900",
        ["DemoCity:ComplaintDays"] = "45",
        ["DemoCity:Simulator:Enabled"] = "false",
    };

    [Fact]
    public async Task ChartBar_Clicked_ListsExactlyTheComplaintsOfThatBar()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/trends?period=7d");
        await page.WaitForSelectorAsync(ReadyTrends);
        await WaitForChartsAsync(page);

        // The largest category's bar on a day that had complaints. What is counted is the bar under the pointer when
        // it is pressed (read from the page at that instant), so a redraw that moves the bars between finding one and
        // pressing it cannot make the test compare the list with a different bar. If a click is still lost, click the
        // bar again, as a person would.
        Bar? clicked = null;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 && page.Url.Contains("/trends/complaints?", StringComparison.Ordinal))
            {
                break; // the previous click did open the list, only later than waited for
            }

            var bar = page.Locator("[data-testid=chart-received] path.apexcharts-bar-area[index='0']:not([val='0'])").Nth(2);
            try
            {
                await bar.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            }
            catch (TimeoutException)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "chartbar-missing.png"), FullPage = true });
                throw new InvalidOperationException($"Attempt {attempt}: no bar to click on {page.Url}; bars: {await page.Locator("[data-testid=chart-received] path.apexcharts-bar-area").CountAsync()}");
            }

            clicked = await ClickBarAsync(page, bar);
            if (clicked is null && attempt < 4)
            {
                continue;
            }

            Assert.NotNull(clicked);
            try
            {
                await page.WaitForURLAsync("**/trends/complaints?**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 15_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }

        Assert.NotNull(clicked);
        Assert.True(clicked.Value > 0);
        Assert.Equal(clicked.Href, new Uri(page.Url).PathAndQuery);
        Assert.Equal(clicked.Value, await ListCountAsync(page, "Received"));
        var category = new Uri(page.Url).Query.Split('&').Single(p => p.StartsWith("cat=", StringComparison.Ordinal) || p.StartsWith("?cat=", StringComparison.Ordinal)).Split('=')[1];
        var rows = page.Locator("[data-testid=complaint-list] tbody tr[data-ticket]");
        await rows.First.WaitForAsync();
        Assert.Equal(Math.Min(clicked.Value, await rows.CountAsync()), await page.Locator($"[data-testid=complaint-list] tbody tr[data-ticket] td[data-cat='{category}']").CountAsync());
    }

    [Fact]
    public async Task ChartTable_NumberClicked_ListsThatManyComplaints()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/trends?period=30d&by=channel");
        await page.WaitForSelectorAsync(ReadyTrends);
        var table = page.GetByTestId("table-received");
        await table.Locator("summary").ClickAsync();

        // The table holds the chart's numbers: the first series' cell of a day with complaints.
        var cells = table.Locator("td a[data-series='0']");
        await cells.First.WaitForAsync();
        var values = (await cells.AllInnerTextsAsync()).Select(ParseIndonesian).ToList();
        var pick = values.Select((v, i) => (v, i)).Where(c => c.v > 0).Skip(3).First().i;
        var cell = cells.Nth(pick);
        var shown = values[pick];
        var href = await cell.GetAttributeAsync("href");
        Assert.StartsWith("/trends/complaints?", href);

        await cell.ClickAsync();

        await page.WaitForURLAsync("**/trends/complaints?**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        Assert.Equal(href, new Uri(page.Url).PathAndQuery);
        Assert.Equal(shown, await ListCountAsync(page, "Received"));
    }

    [Fact]
    public async Task HeadlineNumber_Clicked_ListsThatManyComplaints()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/trends?period=30d&by=kecamatan");
        await page.WaitForSelectorAsync(ReadyTrends);
        var late = page.GetByTestId("kpi-late");
        var shown = ParseIndonesian(await late.InnerTextAsync());

        await late.ClickAsync();

        await page.WaitForURLAsync("**measure=late**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        Assert.Equal(shown, await ListCountAsync(page, "Late"));
    }

    [Fact]
    public async Task WallTile_OpenComplaintsClicked_ListsThatManyComplaints()
    {
        var page = await NewPageAsync(SignIn.Leadership);
        await page.GotoAsync($"{App.BaseUrl}/wall");
        var tile = page.GetByTestId("complaints-open");
        await tile.WaitForAsync();
        var shown = ParseIndonesian(await tile.InnerTextAsync());
        Assert.True(shown > 0);

        await tile.ClickAsync();

        await page.WaitForURLAsync("**/trends/complaints?**measure=open**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        Assert.Equal(shown, await ListCountAsync(page, "Open"));
    }

    [Fact]
    public async Task WallFigures_DrillDownTargets_ListTheSameCounts()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/wall");
        var open = ParseIndonesian(await page.GetByTestId("complaints-open").InnerTextAsync());
        var overdue = ParseIndonesian(await page.GetByTestId("complaints-overdue").InnerTextAsync());

        await page.GotoAsync(App.BaseUrl + DrillDown.OpenComplaints());
        Assert.Equal(open, await ListCountAsync(page, "Open"));
        await page.GotoAsync(App.BaseUrl + DrillDown.OverdueComplaints());
        Assert.Equal(overdue, await ListCountAsync(page, "Overdue"));

        // From the list to one record: each ticket links to its own page.
        var first = page.Locator("[data-testid=complaint-list] tbody tr[data-ticket]").First;
        var ticket = await first.GetAttributeAsync("data-ticket");
        Assert.Equal($"/complaints/{ticket}", await first.Locator("a").First.GetAttributeAsync("href"));
    }

    /// <summary>The trends page with its numbers loaded and its circuit up, so that a click is handled.</summary>
    private const string ReadyTrends = "[data-testid=trends][data-loaded=true][data-interactive=true]";

    private Task<IPage> NewPageAsync() => NewPageAsync(SignIn.Analyst);

    /// <summary>The bar that was pressed: its value and the list its table cell links to.</summary>
    private sealed record Bar(int Value, string Href);

    /// <summary>Every chart drawn and the received chart's bars no longer moving (the page stops growing, so no more
    /// redraws for a scrollbar appearing).</summary>
    private static async Task WaitForChartsAsync(IPage page)
    {
        foreach (var chart in new[] { "received", "sla", "median", "uptime", "smart" })
        {
            await page.WaitForSelectorAsync($"[data-testid=chart-{chart}][data-rendered=true]");
        }

        var bar = page.Locator("[data-testid=chart-received] path.apexcharts-bar-area").First;
        string? last = null;
        for (var i = 0; i < 40; i++)
        {
            var box = await bar.BoundingBoxAsync();
            var now = box is null ? null : $"{box.X:0.0} {box.Y:0.0} {box.Width:0.0} {box.Height:0.0}";
            if (now is not null && now == last)
            {
                return;
            }

            last = now;
            await page.WaitForTimeoutAsync(250);
        }
    }

    /// <summary>
    /// As a person clicks: move onto the bar (ApexCharts reacts to hover first), then press and release. Returns the bar
    /// actually under the pointer at the press, or null if none was (the chart was redrawing).
    /// </summary>
    private static async Task<Bar?> ClickBarAsync(IPage page, ILocator target)
    {
        await target.ScrollIntoViewIfNeededAsync();
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The bar is not on screen.");
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.MoveAsync((float)x, (float)y);
        await page.WaitForTimeoutAsync(200);
        var under = await page.EvaluateAsync<string?>(
            """
            ([x, y]) => {
                const bar = document.elementsFromPoint(Number(x), Number(y))
                    .map(e => e.closest("[data-testid=chart-received] path.apexcharts-bar-area"))
                    .find(e => e);
                if (!bar) return null;
                const link = document.querySelector(`[data-testid=table-received] a[data-series='${bar.getAttribute("index")}'][data-index='${bar.getAttribute("j")}']`);
                return `${bar.getAttribute("val")} ${link?.getAttribute("href") ?? ""}`;
            }
            """,
            new[] { x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture) });
        if (under is null)
        {
            return null;
        }

        await page.Mouse.DownAsync();
        await page.Mouse.UpAsync();
        var parts = under.Split(' ', 2);
        return new Bar(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
    }

    /// <summary>The count of the list shown, once it is the list of the expected measure (if one is named).</summary>
    private static async Task<int> ListCountAsync(IPage page, string? measure = null)
    {
        var count = page.Locator(measure is null ? "[data-testid=list-count][data-count]" : $"[data-testid=list-count][data-measure={measure}][data-count]");
        await count.WaitForAsync();
        return int.Parse(await count.GetAttributeAsync("data-count") ?? "", CultureInfo.InvariantCulture);
    }

    private static int ParseIndonesian(string text) =>
        int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
}
