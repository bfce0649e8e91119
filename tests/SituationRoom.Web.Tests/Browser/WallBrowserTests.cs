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

        await page.GotoAsync($"{app.BaseUrl}/wall");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var before = await KpisAsync(page);

        await page.WaitForFunctionAsync(
            "before => JSON.stringify([...document.querySelectorAll('.kpi-value')].map(e => e.textContent.trim())) !== before",
            before,
            new PageWaitForFunctionOptions { Timeout = 60_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was not reloaded");
        Assert.NotEqual(before, await KpisAsync(page));
    }

    private static Task<string> KpisAsync(IPage page) =>
        page.EvaluateAsync<string>("() => JSON.stringify([...document.querySelectorAll('.kpi-value')].map(e => e.textContent.trim()))");
}
