using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>Ingestion keys, device tokens, lockout, the audit trail and the headers, over real HTTP on a real SQLite file.</summary>
public sealed class AccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string DevelopmentComplaintSourceKey = "dev-pengaduan-1708";

    [Fact]
    public async Task CreateClient_ComplaintSourceThroughTheApi_ItsKeyFilesOpen311RequestsButNoSms()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);

        var created = await admin.PostAsJsonAsync("/api/admin/ingestion-clients", new { name = "aplikasi-warga-api", kind = IngestionClientKinds.ComplaintSource });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = (await created.Content.ReadFromJsonAsync<IssuedKey>())!;
        Assert.Equal(IngestionClientKinds.ComplaintSource, issued.Kind);
        using var open311 = fixture.Factory.CreateClient();
        var request = await open311.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = issued.Key, ["service_code"] = "jalan", ["lat"] = "-7.0051", ["long"] = "110.4381", ["description"] = "Jalan berlubang di depan pasar",
        }));
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await SmsAsync(issued.Key));
    }

    [Fact]
    public async Task RotateAndRevoke_IngestionKeys_TwoValidAtOnceThenRefused()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        var created = await admin.PostAsJsonAsync("/api/admin/ingestion-clients", new { name = "sms-gateway-rotation", kind = IngestionClientKinds.SmsGateway });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<IssuedKey>();
        Assert.StartsWith(IngestionKeys.KeyPrefix, first!.Key);
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(first.Key));

        var second = await (await admin.PostAsync($"/api/admin/ingestion-clients/{first.ClientId}/rotate", null)).Content.ReadFromJsonAsync<IssuedKey>();
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(first.Key));
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(second!.Key));

        var third = await (await admin.PostAsync($"/api/admin/ingestion-clients/{first.ClientId}/rotate", null)).Content.ReadFromJsonAsync<IssuedKey>();
        Assert.Equal([first.CredentialId], third!.Retired);
        Assert.Equal(HttpStatusCode.Unauthorized, await SmsAsync(first.Key));
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(second.Key));
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(third.Key));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/ingestion-clients/{first.ClientId}/keys/{second.CredentialId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SmsAsync(second.Key));
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(third.Key));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/ingestion-clients/{first.ClientId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SmsAsync(third.Key));

        await using var db = await Db();
        var stored = await db.IngestionCredentials.Where(k => k.ClientId == first.ClientId).Select(k => k.KeyHash).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.DoesNotContain(stored, h => h == first.Key || h == second.Key || h == third.Key);
        Assert.Contains(stored, h => h == Secrets.Hash(third.Key));
        var actions = await db.AuditEntries.Where(a => a.Subject == "ingestion-client:sms-gateway-rotation").Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.ClientCreated, AuditActions.CredentialRotated, AuditActions.CredentialRotated, AuditActions.CredentialRevoked, AuditActions.ClientRevoked], actions);
    }

    [Fact]
    public async Task CreateClient_BadFields_ValidationProblemNamesThemAndNothingStored()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);

        var response = await admin.PostAsJsonAsync("/api/admin/ingestion-clients", new { name = "x", kind = "Toaster" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"name\"", body, StringComparison.Ordinal);
        Assert.Contains("\"kind\"", body, StringComparison.Ordinal);
        await using var db = await Db();
        Assert.False(await db.IngestionClients.AnyAsync(c => c.Name == "x"));
    }

    [Fact]
    public async Task WallDevice_Revoked_NextRequestRefused()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        var issued = await (await admin.PostAsJsonAsync("/api/admin/wall-devices", new { name = "Layar uji" })).Content.ReadFromJsonAsync<IssuedDeviceToken>();
        using var wall = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var exchange = await wall.GetAsync(issued!.Url);
        Assert.Equal(HttpStatusCode.Redirect, exchange.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/api/situation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync("/api/scorecards")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/wall-devices/{issued.Id}/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync("/api/situation")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync(issued.Url)).StatusCode);
    }

    [Fact]
    public async Task SignIn_RepeatedWrongPasswords_LocksEvenTheRightOne()
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SignIn.PostSignInAsync(client, SignIn.OpdStaffDpu, "wrong password " + i)).StatusCode);
        }

        var right = await SignIn.PostSignInAsync(client, SignIn.OpdStaffDpu, SignIn.Password(SignIn.OpdStaffDpu));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)423], statuses);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        await using var db = await Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.LockedOut && a.Actor == SignIn.OpdStaffDpu));
    }

    [Fact]
    public async Task SignIn_ForeignReturnUrl_StaysOnThisSite()
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SignIn.PostSignInAsync(client, SignIn.Leadership, SignIn.Password(SignIn.Leadership), "//evil.example/x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal(("localhost", "/"), (target.Host, target.AbsolutePath));
    }

    [Fact]
    public async Task AuditTrail_UpdateOrDelete_RefusedByTheDatabase()
    {
        await using var db = await Db();
        Assert.True(await db.AuditEntries.AnyAsync());

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'someone else'"));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));
    }

    [Fact]
    public async Task ManualIndicator_Saved_CopiedIntoTheAuditTrail()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        await using var db = await Db();
        var change = new Web.Features.Scorecards.SmartIndicatorChange
        {
            OpdCode = "DPU", PeriodKind = "Month", PeriodStart = new DateOnly(2026, 11, 1), IndicatorCode = "S.test", Value = 3, Reason = "uji audit", ChangedBy = "admin", ChangedAt = DateTime.UtcNow,
        };
        db.SmartIndicatorChanges.Add(change);
        await db.SaveChangesAsync();

        var trail = await admin.GetFromJsonAsync<List<AccessApi.AuditView>>("/api/admin/audit?action=ManualIndicator");

        Assert.Contains(trail!, a => a.Subject == "indicator:DPU/S.test/2026-11" && a.Actor == "admin" && a.Detail!.Contains("uji audit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AccessFixture.Anonymous, "/masuk")]
    [InlineData(AccessFixture.Anonymous, "/wall")]
    [InlineData(AccessFixture.Anonymous, "/api/situation")]
    [InlineData(AccessFixture.Anonymous, "/health")]
    [InlineData(AccessFixture.Anonymous, "/app.css")]
    [InlineData(AccessFixture.Anonymous, "/no-such-page")]
    [InlineData(SignIn.Analyst, "/trends")]
    [InlineData(SignIn.Analyst, "/admin/audit")]
    [InlineData(SignIn.OpdHeadDpu, "/opd/DPU")]
    [InlineData(SignIn.Administrator, "/admin/audit")]
    [InlineData(SignIn.Administrator, "/api/admin/users")]
    [InlineData(AccessFixture.Wall, "/wall")]
    public async Task AnyResponse_HasTheSecurityHeaders(string role, string path)
    {
        var client = await fixture.ClientAsync(role);

        using var response = await client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ComplaintWithMarkup_ReadBack_IsJsonNeverHtml()
    {
        using var source = fixture.Factory.CreateClient();
        source.DefaultRequestHeaders.Add("X-Api-Key", DevelopmentComplaintSourceKey);
        var script = "<script>alert('x')</script><img src=x onerror=alert(1)> jalan rusak di Tembalang";
        var stored = await source.PostAsJsonAsync("/api/complaints", new { channel = "App", text = script });
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var ticket = (await stored.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("ticket").GetString();

        using var anonymous = fixture.Factory.CreateClient();
        using var read = await anonymous.GetAsync($"/api/complaints/{ticket}");

        Assert.Equal("application/json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", read.Headers.GetValues("X-Content-Type-Options").Single());
        // The text comes back as the citizen sent it, but only ever as JSON data: with nosniff no browser renders it.
        Assert.Equal(script, (await read.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task ComplaintWithMarkup_OnItsPage_RenderedAsTextNeverAsMarkup()
    {
        using var source = fixture.Factory.CreateClient();
        source.DefaultRequestHeaders.Add("X-Api-Key", DevelopmentComplaintSourceKey);
        var script = "<script>alert('x')</script><img src=x onerror=alert(1)><b>tebal</b> lampu mati di Banyumanik";
        var stored = await source.PostAsJsonAsync("/api/complaints", new { channel = "App", text = script });
        var ticket = (await stored.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("ticket").GetString();

        using var anonymous = fixture.Factory.CreateClient();
        var html = await anonymous.GetStringAsync($"/complaints/{ticket}");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain(page.QuerySelectorAll("b"), b => b.TextContent == "tebal");
        Assert.Contains(script, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporter_OfficerOfTheOpd_SeesUnmaskedAndIsAudited_OthersMaskedOrRefused()
    {
        await using var db = await Db();
        var complaint = await db.Complaints.Where(c => c.OpdCode == "DPU" && c.ReporterPhone != null).Select(c => new { c.Ticket, c.ReporterPhone }).FirstAsync();

        var officer = await (await fixture.ClientAsync(SignIn.OpdStaffDpu)).GetFromJsonAsync<AccessApi.ReporterView>($"/api/complaints/{complaint.Ticket}/reporter");
        var leader = await (await fixture.ClientAsync(SignIn.Leadership)).GetFromJsonAsync<AccessApi.ReporterView>($"/api/complaints/{complaint.Ticket}/reporter");
        using var other = await (await fixture.ClientAsync(SignIn.OpdHeadDinkes)).GetAsync($"/api/complaints/{complaint.Ticket}/reporter");

        Assert.Equal(complaint.ReporterPhone, officer!.Phone);
        Assert.False(officer.Masked);
        Assert.True(leader!.Masked);
        Assert.Contains("*", leader.Phone, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ReporterViewed && a.Actor == SignIn.OpdStaffDpu && a.Subject == "complaint:" + complaint.Ticket));
    }

    private Task<HttpStatusCode> SmsAsync(string key) => fixture.SmsWithKeyAsync(key, "+6281234567890", "LaporHendi lampu jalan mati di Jl. Pemuda");

    private Task<Web.Data.SituationDbContext> Db() => fixture.DbAsync();
}

/// <summary>The limiter with small limits of its own: invalid traffic is cut off, a valid gateway never is.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly LimitedFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task InvalidKeys_OverTheLimit_429WithRetryAfter_WhileAValidGatewayIsNeverRefused()
    {
        using var client = factory.CreateClient();
        var invalid = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            invalid.Add(await SmsAsync(client, "sr_not-a-key", i));
        }

        var valid = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            valid.Add(await SmsAsync(client, "dev-lapor-hendi-1708", 100 + i));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], invalid);
        Assert.All(valid, s => Assert.Equal(HttpStatusCode.Created, s));
    }

    [Fact]
    public async Task AnonymousPages_OverTheLimit_429_SignedInNotLimited()
    {
        using var anonymous = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await anonymous.GetAsync("/open311/v2/services.json")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        using var limited = await anonymous.GetAsync("/open311/v2/services.json");
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    private static async Task<HttpStatusCode> SmsAsync(HttpClient client, string key, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/sms")
        {
            Content = JsonContent.Create(new { messageId = "limit-" + n, from = "+628111000" + n, to = "1708", text = "LaporHendi banjir di Kaligawe", receivedAt = SituationAppFactory.Now }),
        };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private sealed class LimitedFactory : SituationAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Access:Limits:InvalidPerMinute"] = "3",
            ["Access:Limits:AnonymousPerMinute"] = "10",
        };
    }
}
