using Microsoft.Playwright;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>Leadership follows a down hotspot from the city list to its own page, which tells the same status.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DevicesBrowserTests : IAsyncLifetime
{
    private readonly AppProcess app = new(new Dictionary<string, string>
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "300",
        ["DemoCity:Cameras"] = "900",
        ["DemoCity:ComplaintDays"] = "20",
        ["DemoCity:Simulator:Enabled"] = "false",
    });

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        await app.StartAsync();
        (playwright, browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task DownHotspot_Clicked_ItsPageShowsTheSameStatus()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        await SignIn.SignInAsync(page, app.BaseUrl, SignIn.Leadership);
        await page.GotoAsync($"{app.BaseUrl}/hotspots");

        var row = page.Locator("[data-testid=device-list] tr[data-device]").First;
        var id = await row.GetAttributeAsync("data-device");
        var status = await row.GetAttributeAsync("data-status");
        var word = (await row.Locator("[data-testid=status]").InnerTextAsync()).Trim();
        await row.Locator("a[data-testid=device-link]").ClickAsync();
        await page.WaitForURLAsync($"**/devices/{id}");

        var shown = page.Locator("[data-testid=device-status]");
        Assert.Equal("down", status);
        Assert.Equal(status, await shown.GetAttributeAsync("data-status"));
        Assert.Contains(word, await shown.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(id, await page.Locator("[data-testid=device]").GetAttributeAsync("data-device"));
    }
}
