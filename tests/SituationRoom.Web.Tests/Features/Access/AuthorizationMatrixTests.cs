using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Tests.Infrastructure;
using static SituationRoom.Web.Tests.Features.Access.AccessFixture;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>
/// Every route and every hub method against every role: allowed or refused, decided on the server. A route mapped
/// without a row here fails <see cref="Routes_EveryMappedEndpoint_HasARow"/>, a hub method without one
/// <see cref="HubMethods_EveryPublicMethodOfEveryHub_HasARow"/>: add the row with the roles that may use it.
/// </summary>
public sealed class AuthorizationMatrixTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly string[] Roles =
        [Anonymous, SignIn.Administrator, SignIn.Leadership, SignIn.Analyst, SignIn.OpdHeadDpu, SignIn.OpdStaffDpu, SignIn.OpdHeadDinkes, AccessFixture.Wall];

    private static readonly string[] Everyone = Roles;
    private static readonly string[] People = [SignIn.Administrator, SignIn.Leadership, SignIn.Analyst, SignIn.OpdHeadDpu, SignIn.OpdStaffDpu, SignIn.OpdHeadDinkes];
    private static readonly string[] WallViewers = [.. People, AccessFixture.Wall];
    private static readonly string[] CityWide = [SignIn.Administrator, SignIn.Leadership, SignIn.Analyst];
    private static readonly string[] Dpu = [.. CityWide, SignIn.OpdHeadDpu, SignIn.OpdStaffDpu];
    private static readonly string[] Dinkes = [.. CityWide, SignIn.OpdHeadDinkes];
    private static readonly string[] Exporters = [SignIn.Administrator, SignIn.Analyst];
    private static readonly string[] Administrators = [SignIn.Administrator];
    private static readonly string[] Nobody = [];

    /// <summary>Method, path, who may.</summary>
    private static readonly (string Method, string Path, string[] Allowed)[] Routes =
    [
        ("GET", "/", People),
        ("GET", "/wall", WallViewers),
        ("GET", "/api/situation", WallViewers),
        ("GET", "/scorecards", People),
        ("GET", "/scorecards/rules", People),
        ("GET", "/api/scorecards", People),
        ("GET", "/api/scorecards/rules", People),
        ("GET", "/opd/DPU", Dpu),
        ("GET", "/opd/DPU/explain", Dpu),
        ("GET", "/api/scorecards/DPU", Dpu),
        ("GET", "/api/scorecards/DPU/explain", Dpu),
        ("GET", "/trends/rapor/DPU", Dpu),
        ("GET", "/opd/DINKES", Dinkes),
        ("GET", "/api/scorecards/DINKES", Dinkes),
        ("GET", "/trends", CityWide),
        ("GET", "/trends/complaints", CityWide),
        ("GET", "/trends/devices", CityWide),
        ("GET", "/trends/export/complaints.csv", Exporters),
        ("GET", "/trends/export/devices.csv", Exporters),
        ("GET", "/trends/export/series.csv", Exporters),
        ("GET", "/scorecards/evidence/999999", People),
        ("GET", "/admin/indicators", Administrators),
        ("GET", "/admin/audit", Administrators),
        ("GET", "/admin/users", Administrators),
        ("GET", "/admin/clients", Administrators),
        ("GET", "/admin/walls", Administrators),
        ("GET", "/api/admin/users", Administrators),
        ("GET", "/api/admin/ingestion-clients", Administrators),
        ("GET", "/api/admin/wall-devices", Administrators),
        ("GET", "/api/admin/audit", Administrators),
        // Writes aimed at ids that do not exist (or bodies that fail validation): an administrator gets 404/400,
        // everyone else a refusal, and the shared app's own users, keys and displays stay as they are.
        ("POST", "/api/admin/users", Administrators),
        ("PUT", "/api/admin/users/999999", Administrators),
        ("POST", "/api/admin/users/999999/disable", Administrators),
        ("POST", "/api/admin/users/999999/enable", Administrators),
        ("POST", "/api/admin/ingestion-clients", Administrators),
        ("POST", "/api/admin/ingestion-clients/999999/rotate", Administrators),
        ("POST", "/api/admin/ingestion-clients/999999/keys/999999/revoke", Administrators),
        ("POST", "/api/admin/ingestion-clients/999999/revoke", Administrators),
        ("POST", "/api/admin/wall-devices", Administrators),
        ("POST", "/api/admin/wall-devices/999999/revoke", Administrators),
        ("POST", "/api/scorecards/indicators", Administrators),
        // Without its antiforgery token a sign-out is refused (400) for those allowed to sign out, so nobody here leaves.
        ("POST", "/keluar", WallViewers),
        ("GET", "/lapor", Everyone),
        ("GET", "/complaints/LH-0000-000000", Everyone),
        ("GET", "/complaints/evidence/none.jpg", Everyone),
        ("GET", "/open311/v2/requests/LH-0000-000000.json", Everyone),
        ("GET", "/complaints/inbox", CityWide),
        ("GET", "/complaints/escalated", CityWide),
        // City-wide roles get the chooser; an OPD's head and staff are redirected to their own queue (below).
        ("GET", "/complaints/opd", People),
        ("GET", "/opd/DPU/complaints", Dpu),
        ("GET", "/opd/DINKES/complaints", Dinkes),
        ("GET", "/api/devices/maintenance", People),
        ("GET", "/api/devices/HS-0000", People),
        ("POST", "/hubs/situation/negotiate?negotiateVersion=1", WallViewers),
        ("POST", "/_blazor/negotiate?negotiateVersion=1", WallViewers),
        ("GET", "/hotspots", People),
        ("GET", "/hotspots?status=all", People),
        ("GET", "/cctv", People),
        ("GET", "/devices/WIFI-0001", People),
        ("GET", "/api/devices/WIFI-0001", People),
        ("POST", "/api/devices", Administrators),
        ("PATCH", "/api/devices/WIFI-0001", Administrators),
        ("POST", "/api/devices/WIFI-0001/lifecycle", Administrators),
        ("POST", "/api/devices/import", Administrators),
        ("POST", "/api/devices/maintenance", Administrators),
        ("POST", "/api/devices/maintenance/999999/cancel", Administrators),
        ("GET", "/health", Everyone),
        ("GET", "/masuk", Everyone),
        ("GET", "/culture/en?returnUrl=/masuk", Everyone),
        ("GET", "/api/complaints/LH-0000-000000", Everyone),
        ("GET", "/open311/v2/services.json", Everyone),
        ("GET", "/open311/v2/requests.json", Everyone),
        ("GET", "/api/complaints/LH-0000-000000/reporter", People),
        // Ingestion takes a key, never a cookie: nobody here holds one.
        ("POST", "/api/ingest/sms", Nobody),
        ("POST", "/api/complaints", Nobody),
        ("POST", "/api/ingest/hotspots", Nobody),
        ("POST", "/api/ingest/cameras", Nobody),
        ("POST", "/open311/v2/requests.json", Nobody),
    ];

    /// <summary>Routes that take an ingestion key (the rows above show no cookie opens them) and the kinds of client
    /// whose key each takes. A route taking a key without a row here fails <see cref="IngestionRoutes_EveryEndpointTakingAKey_HasARowWithItsKinds"/>.</summary>
    private static readonly (string Method, string Path, string[] Kinds)[] IngestionRoutes =
    [
        ("POST", "/api/ingest/sms", [IngestionClientKinds.SmsGateway]),
        ("POST", "/api/complaints", [IngestionClientKinds.ComplaintSource]),
        ("POST", "/open311/v2/requests.json", [IngestionClientKinds.ComplaintSource]),
        ("POST", "/api/ingest/hotspots", [IngestionClientKinds.HotspotController]),
        ("POST", "/api/ingest/cameras", [IngestionClientKinds.CameraSystem]),
    ];

    /// <summary>Every method of every hub, with arguments to call it with, and who may call it.</summary>
    private static readonly (Type Hub, string Path, string Method, object[] Arguments, string[] Allowed)[] HubMethods =
    [
        (typeof(Web.Features.Situation.SituationHub), Web.Features.Situation.SituationHub.Path, nameof(Web.Features.Situation.SituationHub.Current), [], WallViewers),
    ];

    /// <summary>Endpoints no row needs: static files (anonymous by design), the framework's own script and circuit
    /// plumbing (the negotiate rows above decide who gets a circuit or hub connection), and the development file fallback.</summary>
    private static bool Exempt(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
        || endpoint.Metadata.Any(m => m.GetType().Name == "FallbackMetadata")
        || endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("_framework", StringComparison.Ordinal)
        || (endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal) && endpoint.Metadata.GetMetadata<NegotiateMetadata>() is null)
        || (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.SignalR.HubMetadata>() is not null && endpoint.Metadata.GetMetadata<NegotiateMetadata>() is null);

    public static TheoryData<string, string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (method, path, allowed) in Routes)
        {
            foreach (var role in Roles)
            {
                data.Add(method, path, role, allowed.Contains(role));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_Role_AllowedOrRefused(string method, string path, string role, bool allowed)
    {
        var client = await fixture.ClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("text/html");
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/masuk", StringComparison.Ordinal) == true && !path.StartsWith("/culture", StringComparison.Ordinal));
        Assert.True(allowed != refused, $"{method} {path} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        // Allowed or refused, every answer carries the security headers.
        Assert.Contains("object-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        if (!allowed && role != Anonymous)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{method} {path} as {role}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void Routes_EveryMappedEndpoint_HasARow()
    {
        using var _ = fixture.Factory.CreateClient();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => !Exempt(e)).ToList();

        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = PatternOf(endpoint);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD").ToList() ?? [];
            // A page answers POST only for its own forms (antiforgery, then the page's policy again): GET is its row.
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            {
                methods = ["GET"];
            }

            foreach (var method in methods.Count == 0 ? [""] : methods)
            {
                if (!Routes.Any(r => (method.Length == 0 || r.Method == method) && pattern.IsMatch(r.Path.Split('?')[0].TrimEnd('/') is { Length: > 0 } p ? p : "/")))
                {
                    missing.Add($"{method} {endpoint.RoutePattern.RawText}");
                }
            }
        }

        Assert.True(missing.Count == 0, "No matrix row for: " + string.Join(", ", missing));
    }

    public static TheoryData<string, string, string, bool> IngestionMatrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (method, path, kinds) in IngestionRoutes)
        {
            foreach (var kind in IngestionClientKinds.All)
            {
                data.Add(method, path, kind, kinds.Contains(kind));
            }
        }

        return data;
    }

    /// <summary>Each ingestion route with a valid key of each kind of client, and an empty body: a key of a kind the route
    /// takes reaches the handler (which refuses the body), any other kind gets 403 naming the kinds it takes (in
    /// GeoReport's error list on Open311), and an audit line.</summary>
    [Theory]
    [MemberData(nameof(IngestionMatrix))]
    public async Task IngestionRoute_ClientKind_AllowedOrRefused(string method, string path, string kind, bool allowed)
    {
        var key = await fixture.IngestionKeyAsync(kind);
        var client = await fixture.ClientAsync(Anonymous);
        await using var db = await fixture.DbAsync();
        var audit = await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add(Web.Features.Complaints.IngestionAuth.HeaderName, key);

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        var denied = await db.AuditEntries.Where(a => a.Id > audit && a.Action == AuditActions.AccessDenied && a.Actor == AccessFixture.IngestionClientName(kind)).ToListAsync();
        if (allowed)
        {
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{method} {path} with a {kind} key: {(int)response.StatusCode} {body}");
            Assert.Empty(denied);
            return;
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var takes = IngestionRoutes.Single(r => r.Method == method && r.Path == path).Kinds;
        var answer = System.Text.Json.JsonDocument.Parse(body).RootElement;
        if (path.StartsWith("/open311/", StringComparison.Ordinal))
        {
            var error = Assert.Single(answer.EnumerateArray().ToList());
            Assert.Equal(["code", "description"], error.EnumerateObject().Select(p => p.Name).Order().ToArray());
            Assert.Equal(403, error.GetProperty("code").GetInt32());
            Assert.Contains($"jenis {string.Join(", ", takes)}; kunci ini milik klien jenis {kind}.", error.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(takes, answer.GetProperty("requiredKinds").EnumerateArray().Select(k => k.GetString()!).ToArray());
            Assert.Equal(kind, answer.GetProperty("clientKind").GetString());
        }

        Assert.Equal("route:" + path, Assert.Single(denied).Subject);
    }

    [Fact]
    public void IngestionRoutes_EveryEndpointTakingAKey_HasARowWithItsKinds()
    {
        using var _ = fixture.Factory.CreateClient();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IngestionEndpoint>() is not null)
            .ToList();

        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = PatternOf(endpoint);
            var takes = endpoint.Metadata.GetMetadata<IngestionEndpoint>()!.Kinds is { Count: > 0 } kinds ? kinds : IngestionClientKinds.All;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var row = IngestionRoutes.SingleOrDefault(r => r.Method == method && pattern.IsMatch(r.Path));
                if (row.Path is null || !row.Kinds.Order().SequenceEqual(takes.Order()))
                {
                    wrong.Add($"{method} {endpoint.RoutePattern.RawText} takes {string.Join(", ", takes)}");
                }
            }
        }

        Assert.NotEmpty(endpoints);
        Assert.True(wrong.Count == 0, "No ingestion row, or another kind in it, for: " + string.Join("; ", wrong));
    }

    [Fact]
    public void HubMethods_EveryPublicMethodOfEveryHub_HasARow()
    {
        var hubs = typeof(Program).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Microsoft.AspNetCore.SignalR.Hub).IsAssignableFrom(t));
        var methods = hubs.SelectMany(h => h.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && !m.Name.StartsWith("On", StringComparison.Ordinal)).Select(m => (h, m.Name)));

        Assert.All(methods, m => Assert.Contains(HubMethods, row => row.Hub == m.h && row.Method == m.Name));
    }

    /// <summary>A route pattern as a regular expression over concrete paths: each {parameter} matches one segment.</summary>
    private static Regex PatternOf(RouteEndpoint endpoint) =>
        new("^/" + Regex.Replace(Regex.Escape(endpoint.RoutePattern.RawText!.Trim('/')), @"\\\{[^}]+}", "[^/]+") + "$");

    public static TheoryData<string, string, string, bool> HubMatrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (_, path, method, _, allowed) in HubMethods)
        {
            foreach (var role in Roles)
            {
                data.Add(path, method, role, allowed.Contains(role));
            }
        }

        return data;
    }

    /// <summary>A real SignalR conversation over long polling (no .NET SignalR client here): negotiate, handshake,
    /// invoke, read the completion. A refused caller never gets a connection to invoke on.</summary>
    [Theory]
    [MemberData(nameof(HubMatrix))]
    public async Task HubMethod_Role_AllowedOrRefused(string path, string method, string role, bool allowed)
    {
        var client = await fixture.ClientAsync(role);
        var arguments = HubMethods.Single(h => h.Path == path && h.Method == method).Arguments;

        var (conversation, status) = await HubConversation.OpenAsync(client, path);

        if (!allowed)
        {
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{path} as {role}: {(int)status}");
            return;
        }

        Assert.NotNull(conversation);
        Assert.Equal(HttpStatusCode.OK, await conversation.InvokeAsync("1", method, arguments));
        var messages = await conversation.PollUntilAsync(m => HubConversation.IsCompletion(m, "1"));

        var completion = Assert.Single(messages, m => HubConversation.IsCompletion(m, "1"));
        Assert.False(completion.TryGetProperty("error", out var error), $"{method} as {role}: {error}");
        Assert.True(completion.TryGetProperty("result", out _));
        await conversation.CloseAsync();
    }

    /// <summary>Every post form on every page an administrator (who sees them all) can open carries exactly one
    /// antiforgery token: none is refused by the server, two are read as one invalid token and refused as well.</summary>
    [Fact]
    public async Task Pages_EveryPostForm_HasExactlyOneAntiforgeryToken()
    {
        var client = await fixture.ClientAsync(SignIn.Administrator);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var pages = Routes.Where(r => r.Method == "GET" && r.Allowed.Contains(SignIn.Administrator) && !r.Path.StartsWith("/api", StringComparison.Ordinal) && !r.Path.Contains('.', StringComparison.Ordinal) && r.Path != "/health" && !r.Path.StartsWith("/culture", StringComparison.Ordinal));

        var wrong = new List<string>();
        var forms = 0;
        foreach (var (_, path, _) in pages)
        {
            using var response = await client.GetAsync(path);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                forms++;
                var tokens = form.QuerySelectorAll("input[name=__RequestVerificationToken]").Length;
                if (tokens != 1)
                {
                    wrong.Add($"{path} form {form.QuerySelector("input[name=_handler]")?.GetAttribute("value") ?? form.GetAttribute("action")}: {tokens} tokens");
                }
            }
        }

        Assert.True(forms > 5, $"only {forms} forms found");
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public async Task OtherOpdInternals_ByUrl_RefusedWith403AndAudited()
    {
        var client = await fixture.ClientAsync(SignIn.OpdHeadDpu);

        using var page = await client.GetAsync("/opd/DINKES/explain");
        using var api = await client.GetAsync("/api/scorecards/DINKES");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<Web.Data.SituationDbContext>>().CreateDbContextAsync();
        var denied = await db.AuditEntries.Where(a => a.Action == AuditActions.AccessDenied && a.Actor == SignIn.OpdHeadDpu && a.OpdCode == "DINKES").ToListAsync();
        Assert.Contains(denied, a => a.Detail!.Contains("/opd/DINKES/explain", StringComparison.Ordinal));
        Assert.Contains(denied, a => a.Detail!.Contains("/api/scorecards/DINKES", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SignIn.OpdHeadDpu, "/opd/DPU/complaints")]
    [InlineData(SignIn.OpdStaffDpu, "/opd/DPU/complaints")]
    [InlineData(SignIn.OpdHeadDinkes, "/opd/DINKES/complaints")]
    public async Task OpdQueueChooser_OpdHeadOrStaff_IsRedirectedToTheirOwnQueue(string role, string queue)
    {
        var client = await fixture.ClientAsync(role);

        using var chooser = await client.GetAsync("/complaints/opd");
        var location = new Uri(client.BaseAddress!, chooser.Headers.Location ?? new Uri("/complaints/opd", UriKind.Relative));
        using var landed = await client.GetAsync(location);

        Assert.Equal(HttpStatusCode.Redirect, chooser.StatusCode);
        Assert.Equal(client.BaseAddress!.Authority, location.Authority);
        Assert.Equal(queue, location.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
    }

    [Theory]
    [InlineData(SignIn.Administrator)]
    [InlineData(SignIn.Leadership)]
    [InlineData(SignIn.Analyst)]
    public async Task OpdQueueChooser_CityWideRole_ListsEveryOpdWithALinkToItsQueue(string role)
    {
        var client = await fixture.ClientAsync(role);
        await using var db = await fixture.DbAsync();
        var opds = await db.Opds.Select(o => o.Code).ToListAsync();

        using var response = await client.GetAsync("/complaints/opd");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("[data-testid=opd-chooser] tr[data-opd]").ToList();
        Assert.Equal(opds.Order(), rows.Select(r => r.GetAttribute("data-opd")!).Order());
        Assert.All(rows, r => Assert.Equal($"/opd/{r.GetAttribute("data-opd")}/complaints", r.QuerySelector("a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task OwnOpdScorecard_OpdHead_SeesItsInternals()
    {
        var client = await fixture.ClientAsync(SignIn.OpdHeadDpu);

        var card = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/scorecards/DPU");

        Assert.True(card.GetProperty("internals").GetBoolean());
    }
}
