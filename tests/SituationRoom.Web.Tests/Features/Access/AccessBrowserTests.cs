using System.Net;
using System.Text;
using Microsoft.Playwright;
using SituationRoom.Web.Tests.Browser;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>Access against the app as its own process on a real Kestrel port (limits that the in-memory test server
/// does not apply), and in a real browser where a live circuit is involved.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessBrowserTests
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
        await using var run = await AppInBrowser.StartAsync(QuickCity);
        var admin = await (await run.Browser.NewContextAsync()).NewPageAsync();
        await SignIn.SignInAsync(admin, run.BaseUrl, SignIn.Administrator);

        await admin.ClickAsync("[data-testid=admin-link]");
        await admin.ClickAsync("[data-testid=admin-nav] a[href='/admin/walls']");
        await admin.FillAsync("#new-name", "Layar uji peramban");
        await admin.ClickAsync("[data-testid=create-form] button[type=submit]");
        var url = (await admin.TextContentAsync("[data-testid=new-url]"))!.Trim();

        var wall = await (await run.Browser.NewContextAsync()).NewPageAsync();
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

    [Fact]
    public async Task Circuits_OverThePerUserCap_NewWindowRefused429()
    {
        await using var run = await AppInBrowser.StartAsync(new Dictionary<string, string>(QuickCity) { ["Access:Limits:CircuitsPerUser"] = "1" });
        var display = await run.Browser.NewContextAsync();
        var first = await display.NewPageAsync();
        // A render batch comes after the circuit's connection is counted (the circuit handlers run before the first
        // render). Any large frame would not do: the answer to StartCircuit carries the circuit's id, and the server
        // sends it before the handlers have run, so a loaded machine could open the second window in between.
        var rendered = new TaskCompletionSource();
        first.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Binary is { } bytes && Encoding.ASCII.GetString(bytes).Contains("JS.RenderBatch", StringComparison.Ordinal))
            {
                rendered.TrySetResult();
            }
        };
        await first.GotoAsync($"{run.BaseUrl}/wall?device={SignIn.DevelopmentWallToken}");
        await rendered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var second = await display.NewPageAsync();
        var negotiate = second.WaitForResponseAsync(r => r.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal), new PageWaitForResponseOptions { Timeout = 60_000 });
        await second.GotoAsync($"{run.BaseUrl}/wall");
        var refused = await negotiate;

        Assert.Equal(429, refused.Status);
        Assert.Equal("30", await refused.HeaderValueAsync("retry-after"));
    }

    [Fact]
    public async Task Limits_OversizedIngestionBodyAndHubMessage_RefusedOnKestrel()
    {
        await using var app = new AppProcess(QuickCity);
        await app.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        using var sms = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/sms")
        {
            Content = new StringContent("{\"messageId\":\"besar-1\",\"from\":\"+6281234567890\",\"to\":\"1708\",\"text\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        sms.Headers.Add("X-Api-Key", "dev-lapor-hendi-1708");
        using var tooLarge = await client.SendAsync(sms);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/wall?device={SignIn.DevelopmentWallToken}")).StatusCode);
        var (hub, status) = await HubConversation.OpenAsync(client, Web.Features.Situation.SituationHub.Path);
        Assert.Equal(HttpStatusCode.OK, status);
        await hub!.InvokeAsync("big", nameof(Web.Features.Situation.SituationHub.Current), [new string('x', 40 * 1024)]);
        var messages = await hub.PollUntilAsync(HubConversation.IsClose);

        Assert.Contains(messages, HubConversation.IsClose);
        Assert.DoesNotContain(messages, m => HubConversation.IsCompletion(m, "big"));
    }
}
