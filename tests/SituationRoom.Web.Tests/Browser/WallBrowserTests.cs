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

    // The fast city's churn darkens half of some kelurahan within seconds, and an open area incident holds a
    // rotating wall on the map for as long as it lasts (WallRotationTests). Tests about rotation run this one, where
    // nothing holds it: no area incidents, no escalation hold.
    private static readonly Dictionary<string, string> CalmCity = new(FastCity)
    {
        ["Devices:AreaIncidents:MinDevices"] = "100000",
        ["Wall:EscalationHold"] = "00:00:00",
    };

    [Fact]
    public async Task Wall_SimulatorRunning_NumbersChangeWithoutAReload()
    {
        await using var run = await AppInBrowser.StartAsync(FastCity);
        var page = await run.NewPageAsync();

        await page.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
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
        await using var run = await AppInBrowser.StartAsync(FastCity);
        var page = await run.Browser.NewPageAsync();

        // The hub admits wall displays: the device token signs this browser in first.
        await page.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
        await page.GotoAsync($"{run.BaseUrl}/examples/situation-hub.html");
        await page.WaitForFunctionAsync("() => (window.situationVersions || []).length >= 3", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        var versions = await page.EvaluateAsync<long[]>("() => window.situationVersions");
        Assert.True(versions.Zip(versions.Skip(1)).All(p => p.Second > p.First), string.Join(",", versions));
        Assert.Equal("connected", await page.GetAttributeAsync("#state", "data-state"));
        Assert.NotEqual("–", await page.TextContentAsync("#open"));
    }

    [Fact]
    public async Task Wall_Playlist_RotatesToTheNextViewWithoutAReload()
    {
        await using var run = await AppInBrowser.StartAsync(CalmCity);
        var page = await run.NewPageAsync();

        await page.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}&play=wifi:5,map-cctv:5");
        await WaitForViewAsync(page, "wifi", "[data-tile='wifi']");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await WaitForViewAsync(page, "map-cctv", "[data-testid='map'] .map-area");

        Assert.Equal(16, await page.Locator("[data-testid='map'] .map-area").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was not reloaded");
    }

    [Fact]
    public async Task Wall_SecondScreenOnThePlaylist_ShowsTheSameSlotStartedAtTheSameInstant()
    {
        await using var run = await AppInBrowser.StartAsync(CalmCity);
        const string Playlist = "wifi:60,map-cctv:60";
        const string Slot = "() => { const w = document.querySelector('.wall'); return `${w?.dataset.view}@${w?.dataset.slotSince}`; }";

        var first = await run.Browser.NewPageAsync();
        await first.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}&play={Playlist}");
        await WaitForViewAsync(first, "wifi", "[data-tile='wifi']");
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Another display (its own browser context, signed in by its own token use) opens the same playlist later.
        var other = await run.Browser.NewContextAsync();
        var second = await other.NewPageAsync();
        await second.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}&play={Playlist}");
        await WaitForViewAsync(second, "wifi", "[data-tile='wifi']");

        var shown = (await first.EvaluateAsync<string>(Slot), await second.EvaluateAsync<string>(Slot));
        Assert.StartsWith("wifi@", shown.Item1, StringComparison.Ordinal);
        Assert.Equal(shown.Item1, shown.Item2);
    }

    [Fact]
    public async Task Wall_AreaIncidentOpens_HoldsOnTheMapAndNamesTheAreaWithItsKecamatanInsteadOfThePlaylist()
    {
        // Every simulator tick darkens a kelurahan: an area incident opens within the first ticks.
        await using var run = await AppInBrowser.StartAsync(new Dictionary<string, string>(FastCity)
        {
            ["DemoCity:Simulator:Tick"] = "00:00:02",
            ["DemoCity:Simulator:ComplaintsPerHour"] = "0",
            ["DemoCity:Simulator:DeviceChurnPerTick"] = "0",
            ["DemoCity:Simulator:AreaOutageChancePerTick"] = "1",
        });
        var page = await run.NewPageAsync();

        await page.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}&play=overview:30,league:30");
        await page.WaitForSelectorAsync(".wall[data-held='true'] [data-testid='hold']", new PageWaitForSelectorOptions { Timeout = 90_000 });

        Assert.StartsWith("map", await page.GetAttributeAsync(".wall", "data-view"), StringComparison.Ordinal);
        var hold = (await page.TextContentAsync("[data-testid='hold']"))!.Trim();
        Assert.StartsWith("DITAHAN · Insiden: ", hold, StringComparison.Ordinal);
        // "Insiden: Jabungan, Banyumanik" for a kelurahan, "Insiden: Ngaliyan" for a whole kecamatan.
        var subject = hold["DITAHAN · Insiden: ".Length..];
        var kecamatan = subject[(subject.LastIndexOf(", ", StringComparison.Ordinal) + 1)..].Trim();
        var marked = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.map-incident .map-name')].map(e => e.textContent.trim())");
        Assert.Contains(kecamatan, marked);
        Assert.Equal(0, await page.Locator("[data-testid='playlist']").CountAsync());
    }

    [Fact]
    public async Task Wall_ServerRestarts_ReconnectsAndUpdatesAgainWithoutAClick()
    {
        await using var run = await AppInBrowser.StartAsync(FastCity);
        var page = await run.NewPageAsync();
        await page.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
        var before = await VersionAfterAnUpdateAsync(page, 0);

        await run.App.StopAsync();
        await page.WaitForSelectorAsync("#components-reconnect-modal.components-reconnect-show, #components-reconnect-modal.components-reconnect-failed", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("Koneksi terputus", await page.TextContentAsync("#components-reconnect-modal"));
        Assert.Contains("offline", await page.GetAttributeAsync("#connection-state", "class") ?? "");
        await run.App.StartAsync();

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
