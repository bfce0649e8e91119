using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Tests.Infrastructure;
using static SituationRoom.Web.Tests.Features.Access.AccessFixture;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>
/// Every route in this branch against every role: allowed or refused, decided on the server. To protect a new route,
/// add its row here with the roles that may use it (docs/access.md lists the other branches' routes).
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
        ("GET", "/admin/indicators", Administrators),
        ("GET", "/admin/audit", Administrators),
        ("GET", "/api/admin/users", Administrators),
        ("GET", "/api/admin/ingestion-clients", Administrators),
        ("GET", "/api/admin/wall-devices", Administrators),
        ("GET", "/api/admin/audit", Administrators),
        ("POST", "/api/scorecards/indicators", Administrators),
        ("GET", "/hotspots", People),
        ("GET", "/hotspots?status=all", People),
        ("GET", "/cctv", People),
        ("GET", "/devices/WIFI-0001", People),
        ("GET", "/api/devices/WIFI-0001", People),
        ("GET", "/api/devices/maintenance", People),
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
        if (method is "POST" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/masuk", StringComparison.Ordinal) == true && !path.StartsWith("/culture", StringComparison.Ordinal));
        Assert.True(allowed != refused, $"{method} {path} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        if (!allowed && role != Anonymous)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{method} {path} as {role}: {(int)response.StatusCode}");
        }
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

    [Fact]
    public async Task OwnOpdScorecard_OpdHead_SeesItsInternals()
    {
        var client = await fixture.ClientAsync(SignIn.OpdHeadDpu);

        var card = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/scorecards/DPU");

        Assert.True(card.GetProperty("internals").GetBoolean());
    }
}
