using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Features.Scorecards;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>The pages as HTML from the real app: their numbers are the SQL counts, their links land.</summary>
public sealed class DevicePagesTests(DeviceAppFactory factory) : IClassFixture<DeviceAppFactory>
{
    private static readonly CultureInfo Indonesian = new("id-ID");

    [Fact]
    public async Task Hotspots_AsLeadership_ShowsTheSqlCountsAndListsTheDownOnesLinkingToTheirPages()
    {
        using var client = await factory.SignInAsync(SignIn.Leadership);

        var page = await PageAsync(client, "/hotspots");

        var up = factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status IN ('Online', 'Degraded')");
        var down = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status NOT IN ('Online', 'Degraded') ORDER BY Id");
        Assert.Equal(up.ToString("N0", Indonesian), page.QuerySelector("[data-testid='kpi-up-value']")!.TextContent.Trim());
        Assert.Equal(down.Count.ToString("N0", Indonesian), page.QuerySelector("[data-testid='kpi-down']")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("[data-testid='device-list'] tr[data-device]").ToList();
        Assert.Equal(down, rows.Select(r => r.GetAttribute("data-device")!).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("/devices/" + r.GetAttribute("data-device"), r.QuerySelector("a[data-testid='device-link']")!.GetAttribute("href")));
    }

    [Fact]
    public async Task Hotspots_FilteredByOwner_ListsExactlyThatOwnersHotspotsWithTheOwnerSelected()
    {
        using var client = await factory.SignInAsync(SignIn.Analyst);
        var opd = (string)factory.Scalar("SELECT OpdCode FROM Devices WHERE Kind = 'Hotspot' GROUP BY OpdCode ORDER BY COUNT(*), OpdCode LIMIT 1")!;

        var page = await PageAsync(client, $"/hotspots?opd={opd}&status=all");

        var expected = factory.Ids($"SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND OpdCode = '{opd}' ORDER BY Id");
        Assert.Equal(expected, page.QuerySelectorAll("[data-testid='device-list'] tr[data-device]").Select(r => r.GetAttribute("data-device")!).Order(StringComparer.Ordinal));
        Assert.Equal(opd, page.QuerySelector("[data-testid='filter-opd'] option[selected]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("[role='alert']"));
    }

    [Fact]
    public async Task Cctv_AllCameras_TheFirstRowsAsHtmlTheExactCountAndOwnersWithTheir24hUptime()
    {
        using var client = await factory.SignInAsync(SignIn.Leadership);

        var page = await PageAsync(client, "/cctv?status=all");

        var list = page.QuerySelector("[data-testid='device-list']")!;
        Assert.Equal(factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera'"), long.Parse(list.QuerySelector("[data-testid='list-count']")!.GetAttribute("data-count")!, CultureInfo.InvariantCulture));
        Assert.Equal(SituationRoom.Web.Features.Devices.DeviceList.PlainRows, list.QuerySelectorAll("tr[data-device]").Length);
        Assert.NotNull(list.QuerySelector("[data-testid='list-plain']"));
        var owners = page.QuerySelectorAll("[data-testid='owners'] tbody tr").ToList();
        Assert.Equal(factory.Count("SELECT COUNT(DISTINCT OpdCode) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active'"), owners.Count);
        Assert.All(owners, o => Assert.EndsWith("%", o.QuerySelector("[data-testid='uptime24h']")!.TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cctv_BadStatusInUrl_WarnsAndShowsTheDarkList()
    {
        using var client = await factory.SignInAsync(SignIn.Analyst);

        var page = await PageAsync(client, "/cctv?status=rusak");

        Assert.Contains("status=rusak", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        var dark = factory.Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' AND Status NOT IN ('Online', 'Degraded')");
        Assert.Equal(dark.ToString("N0", Indonesian), page.QuerySelector("[data-testid='kpi-dark-value']")!.TextContent.Trim());
        Assert.Equal("dark", page.QuerySelector("[data-testid='device-list']")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Hotspots_SortedByDowntime_TheSortIsChosenInTheFormAndABadSortWarnsAndFallsBack()
    {
        using var client = await factory.SignInAsync(SignIn.Analyst);

        var sorted = await PageAsync(client, "/hotspots?status=all&sort=down24h");
        var bad = await PageAsync(client, "/hotspots?status=all&sort=terbaru");

        Assert.Equal("down24h", sorted.QuerySelector("[data-testid='filter-sort'] option[selected]")!.GetAttribute("value"));
        Assert.Null(sorted.QuerySelector("[role='alert']"));
        Assert.Contains("sort=terbaru", bad.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("dark", bad.QuerySelector("[data-testid='filter-sort'] option[selected]")!.GetAttribute("value"));

        // The list is in the order asked for: on the demo city the two orders differ.
        var byDowntime = sorted.QuerySelectorAll("[data-testid='device-list'] tr[data-device]").Select(r => r.GetAttribute("data-device")).ToList();
        var byDarkNow = bad.QuerySelectorAll("[data-testid='device-list'] tr[data-device]").Select(r => r.GetAttribute("data-device")).ToList();
        Assert.NotEqual(byDarkNow, byDowntime);
    }

    [Fact]
    public async Task Device_KnownHotspot_ShowsItsStatusAndOwner_UnknownIs404()
    {
        using var client = await factory.SignInAsync(SignIn.OpdHeadDpu);
        var id = factory.Ids("SELECT Id FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status = 'Offline' LIMIT 1")[0];

        var page = await PageAsync(client, "/devices/" + id);
        var missing = await client.GetAsync("/devices/WIFI-NOPE");

        Assert.Equal("down", page.QuerySelector("[data-testid='device-status']")!.GetAttribute("data-status"));
        Assert.Contains("Mati", page.QuerySelector("[data-testid='device-status']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("[data-testid='device-uptime'] tr[data-window]").Length);
        Assert.Equal(7, page.QuerySelectorAll("[data-testid='timeline'] .day[data-day]").Length);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("WIFI-NOPE", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpdScorecard_DeviceLinks_Land()
    {
        using var client = await factory.SignInAsync(SignIn.Administrator);

        // A scorecard shows nothing until the league scorer's first run, a start-up job, has finished: whether that
        // was done depended on which tests of this class had run before.
        var scorer = factory.Services.GetRequiredService<LeagueScorer>();
        for (var i = 0; i < 1200 && scorer.LastRun is null; i++)
        {
            await Task.Delay(100);
        }

        var page = await PageAsync(client, "/opd/DISKOMINFO");

        var links = page.QuerySelectorAll("a[href^='/devices/']").Select(a => a.GetAttribute("href")!).Distinct().Take(5).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        }
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
