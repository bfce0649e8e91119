using System.Net;
using System.Text.Json;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>POST /api/complaints for each channel that uses it, and GET /api/complaints/{ticket} as a citizen tracks it.</summary>
public sealed class ComplaintsApiTests(ComplaintsAppFactory factory) : IClassFixture<ComplaintsAppFactory>
{
    [Theory]
    [InlineData("CallCentre", "CallCentre")]
    [InlineData("app", "App")]
    [InlineData("WhatsApp", "WhatsApp")]
    [InlineData("socialmedia", "SocialMedia")]
    [InlineData("Web", "Web")]
    public async Task Submit_EachChannel_StoresTheComplaintWithThatChannel(string given, string stored)
    {
        using var client = factory.ComplaintSource();
        var text = $"Sampah menumpuk di TPS Pasar Karangayu sudah 3 hari ({given})";

        var response = await client.PostAsJsonAsync("/api/complaints", new { channel = given, text, reporterPhone = "081234567890" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ticket = answer.GetProperty("ticket").GetString()!;
        Assert.Equal("sampah", answer.GetProperty("category").GetString());
        Assert.Equal("DLH", answer.GetProperty("opd").GetString());
        Assert.False(answer.GetProperty("needsTriage").GetBoolean());
        Assert.Equal([$"{stored}|{text}|DLH|Received"], factory.Rows("SELECT Channel, Text, OpdCode, Status FROM Complaints WHERE Ticket = $t", ("$t", ticket)));
    }

    [Theory]
    [InlineData("Sms", "channel")]
    [InlineData("Open311", "channel")]
    [InlineData("pigeon", "channel")]
    public async Task Submit_ChannelWithItsOwnDoorOrUnknown_IsRefusedByField(string channel, string field)
    {
        using var client = factory.ComplaintSource();
        var before = factory.Counts();

        var response = await client.PostAsJsonAsync("/api/complaints", new { channel, text = "Jalan rusak di Genuk" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, factory.Counts());
    }

    [Fact]
    public async Task Submit_SeveralBadFields_NamesEachAndWritesNothing()
    {
        using var client = factory.ComplaintSource();
        var before = factory.Counts();

        var response = await client.PostAsJsonAsync("/api/complaints", new
        {
            channel = "App", text = " ", categoryCode = "nope", kecamatanCode = "33.74.01", kelurahanCode = "33.74.10.1001", latitude = "-6.99",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["categoryCode", "kelurahanCode", "longitude", "text"], errors.EnumerateObject().Select(p => p.Name).Where(n => n != "kecamatanCode").Order().ToArray());
        Assert.Equal(before, factory.Counts());
    }

    [Theory]
    [InlineData(ComplaintsAppFactory.SmsGatewayKey, "dev-sms-gateway", "SmsGateway")]
    [InlineData(ComplaintsAppFactory.HotspotControllerKey, "dev-hotspot-controller", "HotspotController")]
    [InlineData(ComplaintsAppFactory.CameraSystemKey, "dev-camera-system", "CameraSystem")]
    public async Task Submit_KeyOfAnotherKindOfClient_Refused403AuditedAndStoresNothing(string key, string clientName, string clientKind)
    {
        using var client = factory.Ingestion(key);
        var complaint = new { channel = "CallCentre", text = $"Lampu PJU mati di Jl. Pemuda ({clientKind})", reporterPhone = "081234567890" };
        var before = factory.Counts();
        var audit = factory.Scalar("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

        var response = await client.PostAsJsonAsync("/api/complaints", complaint);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["ComplaintSource"], problem.GetProperty("requiredKinds").EnumerateArray().Select(k => k.GetString()!).ToArray());
        Assert.Equal(clientKind, problem.GetProperty("clientKind").GetString());
        Assert.Contains("hanya menerima kunci klien jenis ComplaintSource", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, factory.Counts());
        Assert.Equal(
            [$"{clientName}|AccessDenied|route:/api/complaints|POST /api/complaints with a {clientKind} client's key; the endpoint takes ComplaintSource"],
            factory.Rows("SELECT Actor, Action, Subject, Detail FROM AuditEntries WHERE Id > $id", ("$id", audit)));

        using var source = factory.ComplaintSource();
        var stored = await source.PostAsJsonAsync("/api/complaints", complaint);

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var ticket = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
        Assert.Equal([$"CallCentre|{complaint.text}"], factory.Rows("SELECT Channel, Text FROM Complaints WHERE Ticket = $t", ("$t", ticket)));
    }

    [Fact]
    public async Task Get_Ticket_ShowsEveryTrackedFieldAndNoPersonalData()
    {
        using var client = factory.ComplaintSource();
        var created = await (await client.PostAsJsonAsync("/api/complaints", new
        {
            channel = "CallCentre",
            text = "Lampu PJU mati sepanjang jalan Srondol Kulon",
            reporterPhone = "081211112222",
            reporterName = "Siti Aminah",
            receivedAt = "2026-11-19T21:15:00+07:00",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var ticket = created.GetProperty("ticket").GetString()!;

        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/complaints/{ticket.ToLowerInvariant()}");
        var body = await response.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ticket, view.GetProperty("ticket").GetString());
        Assert.Equal("CallCentre", view.GetProperty("channel").GetString());
        Assert.Equal("Lampu PJU mati sepanjang jalan Srondol Kulon", view.GetProperty("text").GetString());
        Assert.Equal("33.74.11", view.GetProperty("kecamatan").GetProperty("code").GetString());
        Assert.Equal("Banyumanik", view.GetProperty("kecamatan").GetProperty("name").GetString());
        Assert.Equal("Srondol Kulon", view.GetProperty("kelurahan").GetProperty("name").GetString());
        Assert.Equal("pju", view.GetProperty("category").GetProperty("code").GetString());
        Assert.Equal("DISPERKIM", view.GetProperty("opd").GetProperty("code").GetString());
        Assert.Equal("Received", view.GetProperty("status").GetString());
        Assert.Equal("Diterima", view.GetProperty("statusName").GetString());
        Assert.Equal("2026-11-19T21:15:00+07:00", view.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-11-29T21:15:00+07:00", view.GetProperty("dueAt").GetString());
        var history = view.GetProperty("history").EnumerateArray().ToList();
        Assert.Single(history);
        Assert.Equal("Received", history[0].GetProperty("to").GetString());
        Assert.Equal("kanal:CallCentre", history[0].GetProperty("actor").GetString());
        Assert.Equal(new[] { "Closure", "Verification" }, view.GetProperty("sla").GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).Order().ToArray().Select(s => s ?? "").ToArray());
        Assert.DoesNotContain("081211112222", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LH-2026-999999", HttpStatusCode.NotFound)]
    [InlineData("bukan-tiket", HttpStatusCode.NotFound)]
    public async Task Get_UnknownTicket_IsNotFoundProblem(string ticket, HttpStatusCode status)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/complaints/{ticket}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("2026-10-31T23:30:00+07:00", "2026-11-10T23:30:00+07:00")]
    [InlineData("2026-10-31T16:30:00Z", "2026-11-10T23:30:00+07:00")]
    [InlineData("2026-09-30T20:00:00Z", "2026-10-11T03:00:00+07:00")]
    public async Task Submit_ReceivedAtAMonthEnd_IsDueTenWibDaysLater(string receivedAt, string dueAt)
    {
        using var client = factory.ComplaintSource();

        var response = await client.PostAsJsonAsync("/api/complaints", new { channel = "App", text = "Jalan ambles di Jl. Setiabudi dekat Vihara Watugong", receivedAt });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(dueAt, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueAt").GetString());
    }
}
