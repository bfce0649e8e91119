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
        await page.WaitForSelectorAsync("[data-testid=chart-received][data-rendered=true]");

        // The largest category's bar on a day that had complaints. ApexCharts redraws on a resize (a scrollbar
        // appearing as the page fills in), and a click that lands mid-redraw is lost, as it would be for a person:
        // like a person, click the bar again rather than give up.
        var value = 0;
        for (var attempt = 1; ; attempt++)
        {
            var bar = page.Locator("[data-testid=chart-received] path.apexcharts-bar-area[index='0']:not([val='0'])").Nth(2);
            value = int.Parse(await bar.GetAttributeAsync("val") ?? "", CultureInfo.InvariantCulture);
            Assert.True(value > 0);
            await ClickAsync(page, bar);
            try
            {
                await page.WaitForURLAsync("**/trends/complaints?**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        Assert.Equal(value, await ListCountAsync(page, "Received"));
        var category = new Uri(page.Url).Query.Split('&').Single(p => p.StartsWith("cat=", StringComparison.Ordinal) || p.StartsWith("?cat=", StringComparison.Ordinal)).Split('=')[1];
        var rows = page.Locator("[data-testid=complaint-list] tbody tr[data-ticket]");
        await rows.First.WaitForAsync();
        Assert.Equal(Math.Min(value, await rows.CountAsync()), await page.Locator($"[data-testid=complaint-list] tbody tr[data-ticket] td[data-cat='{category}']").CountAsync());
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

    /// <summary>As a person clicks: move onto the point (ApexCharts reacts to hover first), then press and release.</summary>
    private static async Task ClickAsync(IPage page, ILocator target)
    {
        await target.ScrollIntoViewIfNeededAsync();
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The point is not on screen.");
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.WaitForTimeoutAsync(200);
        await page.Mouse.DownAsync();
        await page.Mouse.UpAsync();
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
