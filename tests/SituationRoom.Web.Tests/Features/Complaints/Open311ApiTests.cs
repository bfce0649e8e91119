using System.Net;
using System.Text.Json;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>The GeoReport v2 contract (https://wiki.open311.org/GeoReport_v2): field names, types, statuses and the
/// error shape [{code, description}], as an existing Open311 client expects them.</summary>
public sealed class Open311ApiTests(ComplaintsAppFactory factory) : IClassFixture<ComplaintsAppFactory>
{
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    [Fact]
    public async Task Services_ListsEveryCategoryWithTheSpecFields()
    {
        using var client = factory.CreateClient();

        var services = (await client.GetFromJsonAsync<JsonElement>("/open311/v2/services.json")).EnumerateArray().ToList();

        Assert.Equal(Core.Complaints.ComplaintCategories.Default.Select(c => c.Code), services.Select(s => s.GetProperty("service_code").GetString()));
        foreach (var service in services)
        {
            Assert.Equal(["description", "group", "keywords", "metadata", "service_code", "service_name", "type"], service.EnumerateObject().Select(p => p.Name).Order().ToArray());
            Assert.False(service.GetProperty("metadata").GetBoolean());
            Assert.Equal("realtime", service.GetProperty("type").GetString());
        }

        Assert.Equal("Jalan dan jembatan", services[0].GetProperty("service_name").GetString());
    }

    [Fact]
    public async Task PostRequest_FormWithKey_CreatesAnOpen311ComplaintAndAnswersTheSpecShape()
    {
        using var client = factory.CreateClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = ComplaintsAppFactory.ComplaintSourceKey, ["service_code"] = "sampah", ["lat"] = "-6.9931", ["long"] = "110.4760",
            ["description"] = "Sampah menumpuk di TPS dekat pasar", ["phone"] = "081299990000", ["first_name"] = "Budi", ["media_url"] = "https://contoh.id/foto.jpg",
        });

        var response = await client.PostAsync("/open311/v2/requests.json", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        var id = created.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^LH-2026-\d{6}$", id);
        Assert.Contains("WIB", created.GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Open311|sampah|DLH|https://contoh.id/foto.jpg"], factory.Rows("SELECT Channel, CategoryCode, OpdCode, MediaUrl FROM Complaints WHERE Ticket = $t", ("$t", id)));

        var one = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json")).EnumerateArray());
        Assert.Equal(RequestFields.Order(), one.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("open", one.GetProperty("status").GetString());
        Assert.Equal("sampah", one.GetProperty("service_code").GetString());
        Assert.Equal(-6.9931, one.GetProperty("lat").GetDouble());
        Assert.Equal(110.4760, one.GetProperty("long").GetDouble());
        Assert.EndsWith("+07:00", one.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("081299990000", one.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRequests_FiltersByServiceStatusAndIds()
    {
        using var client = factory.CreateClient();

        var open = (await client.GetFromJsonAsync<JsonElement>("/open311/v2/requests.json?service_code=jalan&status=open")).EnumerateArray().ToList();
        var closed = (await client.GetFromJsonAsync<JsonElement>("/open311/v2/requests.json?status=closed")).EnumerateArray().ToList();

        Assert.NotEmpty(open);
        Assert.All(open, r => Assert.Equal(("jalan", "open"), (r.GetProperty("service_code").GetString(), r.GetProperty("status").GetString())));
        Assert.NotEmpty(closed);
        Assert.All(closed, r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        var ids = open.Take(2).Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        var byId = (await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests.json?service_request_id={string.Join(",", ids)}")).EnumerateArray();
        Assert.Equal(ids.Order(), byId.Select(r => r.GetProperty("service_request_id").GetString()).Order());
    }

    [Theory]
    [InlineData("/open311/v2/requests.json?service_code=nope", 400)]
    [InlineData("/open311/v2/requests.json?status=pending", 400)]
    [InlineData("/open311/v2/requests.json?start_date=2026-11-01", 400)]
    [InlineData("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z", 400)]
    [InlineData("/open311/v2/requests.xml", 400)]
    [InlineData("/open311/v2/services.xml", 400)]
    [InlineData("/open311/v2/requests/LH-2026-999999.json", 404)]
    public async Task Get_BadQuery_AnswersTheGeoReportErrorShape(string url, int status)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        AssertError(await response.Content.ReadFromJsonAsync<JsonElement>(), status);
    }

    [Theory]
    [InlineData("service_code", "nope")]
    [InlineData("description", "")]
    [InlineData("lat", "95")]
    [InlineData("media_url", "javascript:alert(1)")]
    public async Task PostRequest_BadField_AnswersTheErrorShapeNamingItAndWritesNothing(string field, string value)
    {
        using var client = factory.CreateClient();
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = ComplaintsAppFactory.ComplaintSourceKey, ["service_code"] = "jalan", ["lat"] = "-6.99", ["long"] = "110.42", ["description"] = "Jalan berlubang",
        };
        fields[field] = value;
        var before = factory.Counts();

        var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.Content.ReadFromJsonAsync<JsonElement>();
        AssertError(errors, 400);
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("description").GetString()!.StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Equal(before, factory.Counts());
    }

    [Fact]
    public async Task PostRequest_WithoutKey_Answers401InTheErrorShape()
    {
        using var client = factory.CreateClient();
        var before = factory.Counts();

        var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "jalan", ["description"] = "x" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertError(await response.Content.ReadFromJsonAsync<JsonElement>(), 401);
        Assert.Equal(before, factory.Counts());
    }

    [Theory]
    [InlineData(ComplaintsAppFactory.SmsGatewayKey, "dev-sms-gateway", "SmsGateway")]
    [InlineData(ComplaintsAppFactory.HotspotControllerKey, "dev-hotspot-controller", "HotspotController")]
    [InlineData(ComplaintsAppFactory.CameraSystemKey, "dev-camera-system", "CameraSystem")]
    public async Task PostRequest_KeyOfAnotherKindOfClient_Answers403InTheErrorShapeAuditedAndWritesNothing(string key, string clientName, string clientKind)
    {
        using var client = factory.CreateClient();
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "drainase", ["lat"] = "-6.9700", ["long"] = "110.4200", ["description"] = $"Saluran tersumbat ({clientKind})",
        };
        var before = factory.Counts();
        var audit = factory.Scalar("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

        var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var errors = await response.Content.ReadFromJsonAsync<JsonElement>();
        AssertError(errors, 403);
        Assert.Contains(
            $"hanya menerima kunci klien jenis ComplaintSource; kunci ini milik klien jenis {clientKind}.",
            Assert.Single(errors.EnumerateArray().ToList()).GetProperty("description").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(before, factory.Counts());
        Assert.Equal(
            [$"{clientName}|AccessDenied|route:/open311/v2/requests.json|POST /open311/v2/requests.json with a {clientKind} client's key; the endpoint takes ComplaintSource"],
            factory.Rows("SELECT Actor, Action, Subject, Detail FROM AuditEntries WHERE Id > $id", ("$id", audit)));

        fields["api_key"] = ComplaintsAppFactory.ComplaintSourceKey;
        var stored = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var id = Assert.Single((await stored.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()).GetProperty("service_request_id").GetString()!;
        Assert.Equal(["Open311|drainase"], factory.Rows("SELECT Channel, CategoryCode FROM Complaints WHERE Ticket = $t", ("$t", id)));
    }

    private static void AssertError(JsonElement body, int status)
    {
        var errors = body.EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.Equal(["code", "description"], e.EnumerateObject().Select(p => p.Name).Order().ToArray());
            Assert.Equal(status, e.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("description").GetString()));
        });
    }
}
