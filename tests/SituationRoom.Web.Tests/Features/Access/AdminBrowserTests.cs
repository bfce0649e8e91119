using Microsoft.Playwright;
using SituationRoom.Web.Tests.Browser;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>The admin pages in a real browser against the app on a real port: a display token made on /admin/walls
/// opens the wall on a second browser, and revoking it on the page sends that live wall to the sign-in page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests
{
    private static readonly Dictionary<string, string> QuickCity = new()
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "300",
        ["DemoCity:Cameras"] = "900",
        ["DemoCity:ComplaintDays"] = "30",
        ["DemoCity:Simulator:Enabled"] = "false",
        ["Access:CircuitRevalidation"] = "00:00:01",
    };

    [Fact]
    public async Task RevokeDisplayToken_OnThePage_LiveWallLandsOnSignIn()
    {
        await using var app = new AppProcess(QuickCity);
        await app.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var admin = await (await browser.NewContextAsync()).NewPageAsync();
        await SignIn.SignInAsync(admin, app.BaseUrl, SignIn.Administrator);

        await admin.ClickAsync("[data-testid=admin-link]");
        await admin.ClickAsync("[data-testid=admin-nav] a[href='/admin/walls']");
        await admin.FillAsync("#new-name", "Layar uji peramban");
        await admin.ClickAsync("[data-testid=create-form] button[type=submit]");
        var url = (await admin.TextContentAsync("[data-testid=new-url]"))!.Trim();

        var wall = await (await browser.NewContextAsync()).NewPageAsync();
        await wall.GotoAsync(url);
        await wall.WaitForSelectorAsync(".wall", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.EndsWith("/wall", wall.Url, StringComparison.Ordinal);

        var row = admin.Locator("tr[data-device='Layar uji peramban']");
        await row.Locator("input[name=confirm]").CheckAsync();
        await row.Locator("button[type=submit]").ClickAsync();
        await admin.WaitForSelectorAsync("[data-testid=saved]");

        await wall.WaitForURLAsync("**/masuk**", new PageWaitForURLOptions { Timeout = 30_000 });
        Assert.Contains("/masuk", wall.Url, StringComparison.Ordinal);
    }
}
