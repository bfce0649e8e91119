using Microsoft.Playwright;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>Leadership follows a down hotspot from the city list to its own page, which tells the same status.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DevicesBrowserTests() : BrowserAppTests(SmallCity)
{
    private static readonly Dictionary<string, string> SmallCity = new()
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "300",
        ["DemoCity:Cameras"] = "900",
        ["DemoCity:ComplaintDays"] = "20",
        ["DemoCity:Simulator:Enabled"] = "false",
    };

    [Fact]
    public async Task DownHotspot_Clicked_ItsPageShowsTheSameStatus()
    {
        var page = await NewPageAsync(SignIn.Leadership);
        await page.GotoAsync($"{App.BaseUrl}/hotspots");

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
