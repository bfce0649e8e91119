using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Tests.Browser;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>
/// A server-to-server consumer of /hubs/situation presents a wall device token as a bearer (header or access_token
/// query), against the app as its own process on a real Kestrel port: the hub answers, nothing else does, and a revoked
/// token ends both new and open connections.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HubBearerTests(HubBearerTests.App app) : IClassFixture<HubBearerTests.App>
{
    [Fact]
    public async Task Hub_DeviceTokenAsBearer_ConnectsReceivesSnapshotsAndAnswersCurrent()
    {
        var device = await app.IssueAsync("Ruang situasi provinsi (header)");
        using var client = app.Client(bearer: device.Token);

        var (hub, status) = await HubConversation.OpenAsync(client, SituationHub.Path);

        Assert.Equal(HttpStatusCode.OK, status);
        var pushed = Assert.Single(await hub!.PollUntilAsync(HubConversation.IsSnapshot), HubConversation.IsSnapshot);
        Assert.True(pushed.GetProperty("arguments")[0].GetProperty("version").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.OK, await hub.InvokeAsync("1", nameof(SituationHub.Current), []));
        var completion = Assert.Single(await hub.PollUntilAsync(m => HubConversation.IsCompletion(m, "1")), m => HubConversation.IsCompletion(m, "1"));
        Assert.True(completion.GetProperty("result").GetProperty("complaints").GetProperty("open").GetInt32() > 0);
        await hub.CloseAsync();

        var audit = await app.Admin.GetStringAsync("/api/admin/audit?action=" + AuditActions.WallDeviceSignedIn);
        Assert.Contains("bearer token, /hubs/situation", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_DeviceTokenInAccessTokenQuery_Connects()
    {
        var device = await app.IssueAsync("Ruang situasi provinsi (query)");
        using var client = app.Client();

        var (hub, status) = await HubConversation.OpenAsync(client, SituationHub.Path, accessToken: device.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(await hub!.PollUntilAsync(HubConversation.IsSnapshot), HubConversation.IsSnapshot);
        await hub.CloseAsync();
    }

    [Fact]
    public async Task DeviceTokenAsBearer_AnywhereButTheHub_OpensNothing()
    {
        var device = await app.IssueAsync("Ruang situasi provinsi (di luar hub)");
        using var client = app.Client(bearer: device.Token);
        using var noHeader = app.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/situation")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await noHeader.GetAsync("/api/situation?access_token=" + device.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/admin/wall-devices")).StatusCode);
        using var wall = new HttpRequestMessage(HttpMethod.Get, "/wall");
        wall.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(wall);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/masuk", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("sr.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Hub_UnknownToken_Refused401WithABearerChallenge()
    {
        using var client = app.Client(bearer: "srw_not-a-token-anyone-was-given");

        using var negotiate = await client.PostAsync($"{SituationHub.Path}/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal("Bearer", negotiate.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Hub_TokenRevokedWhileLongPolling_NextRequestRefusedAndNoNewConnection()
    {
        var device = await app.IssueAsync("Ruang situasi provinsi (dicabut, long polling)");
        using var client = app.Client(bearer: device.Token);
        var (hub, _) = await HubConversation.OpenAsync(client, SituationHub.Path);
        Assert.Contains(await hub!.PollUntilAsync(HubConversation.IsSnapshot), HubConversation.IsSnapshot);

        await app.RevokeAsync(device.Id);

        var polls = new List<HttpStatusCode>();
        for (var i = 0; i < 5 && (polls.Count == 0 || polls[^1] == HttpStatusCode.OK); i++)
        {
            polls.Add(await hub.PollAsync());
        }

        Assert.NotEqual(HttpStatusCode.OK, polls[^1]);
        using var again = await client.PostAsync($"{SituationHub.Path}/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Hub_TokenRevokedWhileOnAWebSocket_ServerClosesTheConnection()
    {
        var device = await app.IssueAsync("Ruang situasi provinsi (dicabut, WebSocket)");
        using var client = app.Client(bearer: device.Token);
        using var negotiate = await client.PostAsync($"{SituationHub.Path}/negotiate?negotiateVersion=1", null);
        var id = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + device.Token);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{app.Process.Port}{SituationHub.Path}?id={Uri.EscapeDataString(id!)}"), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + HubConversation.Separator), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.Contains("\"target\":\"snapshot\"", await ReceiveUntilAsync(socket, text => text.Contains("\"target\":\"snapshot\"", StringComparison.Ordinal)), StringComparison.Ordinal);

        await app.RevokeAsync(device.Id);

        // HubSessions re-checks every Access:CircuitRevalidation (1 s here); the socket then ends from the server's side.
        await ReceiveUntilAsync(socket, _ => false);
        Assert.NotEqual(WebSocketState.Open, socket.State);
        Assert.Contains("wall:" + device.Name + " is no longer valid; closing its hub connection", app.Process.Output, StringComparison.Ordinal);
    }

    /// <summary>Reads until a message matches or the socket ends; gives up after 30 seconds.</summary>
    private static async Task<string> ReceiveUntilAsync(ClientWebSocket socket, Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var text = new StringBuilder();
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (match(text.ToString()))
                {
                    break;
                }
            }
        }
        catch (WebSocketException)
        {
        }

        return text.ToString();
    }

    /// <summary>One app for the class, the simulator off, sessions re-checked every second; an administrator's client issues tokens.</summary>
    public sealed class App : IAsyncLifetime
    {
        public AppProcess Process { get; } = new(new Dictionary<string, string>
        {
            ["DemoCity:SeedWhenEmpty"] = "true",
            ["DemoCity:Hotspots"] = "300",
            ["DemoCity:Cameras"] = "900",
            ["DemoCity:ComplaintDays"] = "30",
            ["DemoCity:Simulator:Enabled"] = "false",
            ["Access:CircuitRevalidation"] = "00:00:01",
        });

        public HttpClient Admin { get; private set; } = null!;

        public HttpClient Client(string? bearer = null)
        {
            var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(Process.BaseUrl) };
            if (bearer is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            return client;
        }

        public async Task<IssuedDeviceToken> IssueAsync(string name)
        {
            using var response = await Admin.PostAsJsonAsync("/api/admin/wall-devices", new { name });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<IssuedDeviceToken>())!;
        }

        public async Task RevokeAsync(int id)
        {
            using var response = await Admin.PostAsync($"/api/admin/wall-devices/{id}/revoke", null);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        public async Task InitializeAsync()
        {
            await Process.StartAsync();
            Admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(Process.BaseUrl) };
            using var signIn = await SignIn.PostSignInAsync(Admin, SignIn.Administrator, SignIn.Password(SignIn.Administrator));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        public async Task DisposeAsync()
        {
            Admin.Dispose();
            await Process.DisposeAsync();
        }
    }
}
