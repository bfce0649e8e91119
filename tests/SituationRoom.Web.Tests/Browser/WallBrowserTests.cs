using Microsoft.Playwright;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>The wall in a real browser against the app on a real port, fed by the simulator.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallBrowserTests
{
    private static readonly Dictionary<string, string> FastCity = new()
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "400",
        ["DemoCity:Cameras"] = "1200",
        ["DemoCity:ComplaintDays"] = "30",
        ["DemoCity:Simulator:Enabled"] = "true",
        ["DemoCity:Simulator:Tick"] = "00:00:00.500",
        ["DemoCity:Simulator:ComplaintsPerHour"] = "7200",
        ["DemoCity:Simulator:DeviceChurnPerTick"] = "0.01",
    };

    [Fact]
    public async Task Wall_SimulatorRunning_NumbersChangeWithoutAReload()
    {
        await using var app = new AppProcess(FastCity);
        await app.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });

        await page.GotoAsync($"{app.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var before = await KpisAsync(page);

        await page.WaitForFunctionAsync(
            "before => JSON.stringify([...document.querySelectorAll('.kpi-value')].map(e => e.textContent.trim())) !== before",
            before,
            new PageWaitForFunctionOptions { Timeout = 60_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was not reloaded");
        Assert.NotEqual(before, await KpisAsync(page));
    }

    [Fact]
    public async Task HubExample_SimulatorRunning_ReceivesSnapshotsWithRisingVersions()
    {
        await using var app = new AppProcess(FastCity);
        await app.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        // The hub admits wall displays: the device token signs this browser in first.
        await page.GotoAsync($"{app.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
        await page.GotoAsync($"{app.BaseUrl}/examples/situation-hub.html");
        await page.WaitForFunctionAsync("() => (window.situationVersions || []).length >= 3", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        var versions = await page.EvaluateAsync<long[]>("() => window.situationVersions");
        Assert.True(versions.Zip(versions.Skip(1)).All(p => p.Second > p.First), string.Join(",", versions));
        Assert.Equal("connected", await page.GetAttributeAsync("#state", "data-state"));
        Assert.NotEqual("–", await page.TextContentAsync("#open"));
    }

    [Fact]
    public async Task Wall_Playlist_RotatesToTheNextViewWithoutAReload()
    {
        // The fast city's churn darkens half of some kelurahan within seconds, and an open area incident holds a
        // rotating wall on the map for as long as it lasts (WallRotationTests). This test is about rotation, so
        // nothing here may hold it: no area incidents, no escalation hold.
        var calm = new Dictionary<string, string>(FastCity)
        {
            ["Devices:AreaIncidents:MinDevices"] = "100000",
            ["Wall:EscalationHold"] = "00:00:00",
        };
        await using var app = new AppProcess(calm);
        await app.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });

        await page.GotoAsync($"{app.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}&play=wifi:5,map-cctv:5");
        await WaitForViewAsync(page, "wifi", "[data-tile='wifi']");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await WaitForViewAsync(page, "map-cctv", "[data-testid='map'] .map-area");

        Assert.Equal(16, await page.Locator("[data-testid='map'] .map-area").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was not reloaded");
    }

    [Fact]
    public async Task Wall_ServerRestarts_ReconnectsAndUpdatesAgainWithoutAClick()
    {
        await using var app = new AppProcess(FastCity);
        await app.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        await page.GotoAsync($"{app.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
        var before = await VersionAfterAnUpdateAsync(page, 0);

        await app.StopAsync();
        await page.WaitForSelectorAsync("#components-reconnect-modal.components-reconnect-show, #components-reconnect-modal.components-reconnect-failed", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("Koneksi terputus", await page.TextContentAsync("#components-reconnect-modal"));
        Assert.Contains("offline", await page.GetAttributeAsync("#connection-state", "class") ?? "");
        await app.StartAsync();

        var after = await VersionAfterAnUpdateAsync(page, before);
        Assert.True(after > before, $"{after} after the restart, {before} before");
        Assert.False(await page.IsVisibleAsync("#components-reconnect-modal"));
    }

    // Waits for the wall to show a view; on a timeout, says what the wall showed instead and whether it was held.
    private static async Task WaitForViewAsync(IPage page, string view, string inside)
    {
        try
        {
            await page.WaitForSelectorAsync($".wall[data-view='{view}'] {inside}", new PageWaitForSelectorOptions { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            var shown = await page.EvaluateAsync<string>(
                "() => { const w = document.querySelector('.wall'); return w ? `${w.dataset.view}, held=${w.dataset.held}, ${document.querySelector('[data-testid=hold]')?.textContent ?? ''}` : 'no wall'; }");
            throw new TimeoutException($"The wall never showed '{view}' within 60 s; it showed: {shown}", e);
        }
    }

    // Waits (through reloads) until the wall shows a version above the given one and a later one after it.
    private static async Task<long> VersionAfterAnUpdateAsync(IPage page, long above)
    {
        const string Version = "() => Number(document.querySelector('.wall')?.getAttribute('data-version') || 0)";
        await page.WaitForFunctionAsync($"above => ({Version})() > above", above, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 250 });
        var first = await page.EvaluateAsync<long>(Version);
        await page.WaitForFunctionAsync($"first => ({Version})() > first", first, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 250 });
        return await page.EvaluateAsync<long>(Version);
    }

    private static Task<string> KpisAsync(IPage page) =>
        page.EvaluateAsync<string>("() => JSON.stringify([...document.querySelectorAll('.kpi-value')].map(e => e.textContent.trim()))");
}
