using System.Text.Json;
using Microsoft.Playwright;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>An OPD officer works a complaint from the queue page in a real browser: each step over the circuit, a
/// resolve without a photo refused with the reason, then resolved with an uploaded photo shown on the ticket's page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComplaintsBrowserTests
{
    private static readonly Dictionary<string, string> SmallCity = new()
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "100",
        ["DemoCity:Cameras"] = "300",
        ["DemoCity:ComplaintDays"] = "10",
        ["DemoCity:Simulator:Enabled"] = "false",
    };

    // The smallest valid PNG: the evidence check reads the first bytes, not the name.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=");

    [Fact]
    public async Task OpdQueue_OfficerWorksAComplaint_EachStepStoredAndAMissingPhotoRefused()
    {
        await using var app = new AppProcess(SmallCity);
        await app.StartAsync();
        var ticket = await SubmitAsync(app, "KTP elektronik saya belum jadi sudah 3 bulan, blangko habis");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });

        await SignIn.SignInAsync(page, app.BaseUrl, SignIn.Administrator);
        await page.GotoAsync($"{app.BaseUrl}/opd/DISDUKCAPIL/complaints");
        await page.Locator("[data-testid=queue][data-interactive]").WaitForAsync();
        var row = page.Locator($"tr[data-ticket='{ticket}']");

        foreach (var (action, status) in new[] { ("Verified", "Verified"), ("Dispatched", "Dispatched"), ("InProgress", "InProgress") })
        {
            await row.Locator($"button[data-action={action}]").ClickAsync();
            await page.Locator($"[data-testid=action-panel][data-to={action}] button[data-action=confirm]").ClickAsync();
            await page.Locator($"tr[data-ticket='{ticket}'][data-status={status}]").WaitForAsync();
        }

        await row.Locator("button[data-action=Resolved]").ClickAsync();
        await page.FillAsync("#move-note", "Blangko sudah tersedia, KTP dicetak dan diambil pelapor");
        await page.Locator("[data-testid=action-panel] button[data-action=confirm]").ClickAsync();
        var refused = page.Locator("[data-testid=refused] li[data-field=evidence]");
        await refused.WaitForAsync();
        Assert.Contains("foto", (await refused.TextContentAsync())!, StringComparison.OrdinalIgnoreCase);

        await page.SetInputFilesAsync("#move-photo", new FilePayload { Name = "bukti.png", MimeType = "image/png", Buffer = Png });
        await page.Locator("[data-testid=action-panel] button[data-action=confirm]").ClickAsync();
        await page.Locator("[data-testid=done]").WaitForAsync();
        Assert.Equal(0, await page.Locator($"tr[data-ticket='{ticket}']").CountAsync());

        await page.GotoAsync($"{app.BaseUrl}/complaints/{ticket}");
        Assert.Equal("Resolved", await page.Locator("[data-testid=complaint]").GetAttributeAsync("data-status"));
        Assert.Contains(SignIn.Administrator, await page.Locator("[data-testid=history]").TextContentAsync() ?? "", StringComparison.Ordinal);
        var photo = await page.Locator("[data-testid=evidence] img").GetAttributeAsync("src");
        using var http = new HttpClient();
        var served = await http.GetAsync(app.BaseUrl + photo);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> SubmitAsync(AppProcess app, string text)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", "dev-lapor-hendi-1708");
        var response = await http.PostAsJsonAsync($"{app.BaseUrl}/api/complaints", new { channel = "CallCentre", text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
    }
}
