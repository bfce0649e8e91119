using System.Net;
using System.Text.Json;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>POST /api/ingest/sms as the SMS gateway sees it: stored before it is answered, once per message id, and
/// never lost, whatever the text; bad requests are refused by field and write nothing.</summary>
public sealed class SmsIngestionApiTests(ComplaintsAppFactory factory) : IClassFixture<ComplaintsAppFactory>
{
    private const string ReceivedAt = "2026-11-20T09:30:00+07:00";

    [Fact]
    public async Task Ingest_Complaint_StoresRawMessageAndComplaintBeforeAnswering()
    {
        using var client = factory.SmsGateway();
        const string raw = "LaporHendi jalan berlubang di Jl. Fatmawati depan Indomaret, Pedurungan\n--\nBudi\n081234567890";

        var response = await client.PostAsJsonAsync("/api/ingest/sms", Sms("raw-1", raw));

        // The answer comes after the commit: a second connection sees both rows at once.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("complaint", answer.GetProperty("outcome").GetString());
        var ticket = answer.GetProperty("ticket").GetString()!;
        Assert.Equal($"/api/complaints/{ticket}", response.Headers.Location!.OriginalString);
        Assert.Equal(
            [$"{raw}|Complaint|{ticket}"],
            factory.Rows("SELECT m.Text, m.State, c.Ticket FROM SmsInbox m JOIN Complaints c ON c.Id = m.ComplaintId WHERE m.MessageId = 'raw-1'"));
        Assert.Equal(
            ["jalan berlubang di Jl. Fatmawati depan Indomaret, Pedurungan|Sms|jalan|DPU|33.74.06|Received|+6281234567890"],
            factory.Rows("SELECT Text, Channel, CategoryCode, OpdCode, KecamatanCode, Status, ReporterPhone FROM Complaints WHERE Ticket = $t", ("$t", ticket)));
        Assert.Equal(1, factory.Scalar("SELECT COUNT(*) FROM SmsOutbox o JOIN Complaints c ON c.Id = o.ComplaintId WHERE c.Ticket = $t AND o.Text LIKE '%' || $t || '%'", ("$t", ticket)));
    }

    [Fact]
    public async Task Ingest_SameMessageIdAgain_ReturnsTheSameTicketAndWritesNothing()
    {
        using var client = factory.SmsGateway();
        var first = await client.PostAsJsonAsync("/api/ingest/sms", Sms("repeat-1", "LaporHendi sampah menumpuk di TPS Pasar Karangayu"));
        var before = factory.Counts();

        var again = await client.PostAsJsonAsync("/api/ingest/sms", Sms("repeat-1", "LaporHendi sampah menumpuk di TPS Pasar Karangayu"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (a, b) = (await first.Content.ReadFromJsonAsync<JsonElement>(), await again.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("ticket").GetString(), b.GetProperty("ticket").GetString());
        Assert.Equal(a.GetProperty("inboxId").GetString(), b.GetProperty("inboxId").GetString());
        Assert.Equal(before, factory.Counts());
    }

    [Fact]
    public async Task Ingest_SameMessageIdWithOtherText_IsAConflictAndWritesNothing()
    {
        using var client = factory.SmsGateway();
        await client.PostAsJsonAsync("/api/ingest/sms", Sms("conflict-1", "LaporHendi lampu PJU mati di Srondol Kulon"));
        var before = factory.Counts();

        var response = await client.PostAsJsonAsync("/api/ingest/sms", Sms("conflict-1", "LaporHendi something else entirely"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, factory.Counts());
    }

    [Fact]
    public async Task Ingest_TwentyConcurrentCopies_MakeExactlyOneComplaint()
    {
        var before = factory.Scalar("SELECT COUNT(*) FROM Complaints");
        var posts = Enumerable.Range(0, 20).Select(async _ =>
        {
            using var client = factory.SmsGateway();
            var response = await client.PostAsJsonAsync("/api/ingest/sms", Sms("burst-1", "LaporHendi banjir rob setinggi lutut di Kemijen"));
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        });

        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Single(answers.Select(a => a.Body.GetProperty("ticket").GetString()).Distinct());
        Assert.Equal(before + 1, factory.Scalar("SELECT COUNT(*) FROM Complaints"));
        Assert.Equal(1, factory.Scalar("SELECT COUNT(*) FROM SmsInbox WHERE MessageId = 'burst-1'"));
    }

    [Theory]
    [InlineData("Selamat siang, saya mau tanya jadwal pengambilan KTP", "no_keyword")]
    [InlineData("LaporHendi", "keyword_only")]
    [InlineData("", "empty")]
    public async Task Ingest_NotAComplaint_IsKeptUnparsedWithItsReason(string text, string reason)
    {
        using var client = factory.SmsGateway();
        var id = "unparsed-" + reason;
        var complaints = factory.Scalar("SELECT COUNT(*) FROM Complaints");

        var response = await client.PostAsJsonAsync("/api/ingest/sms", Sms(id, text));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unparsed", answer.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("ticket").ValueKind);
        Assert.Equal([$"{text}|Unparsed|{reason}|"], factory.Rows("SELECT Text, State, Reason, ComplaintId FROM SmsInbox WHERE MessageId = $id", ("$id", id)));
        Assert.Equal(complaints, factory.Scalar("SELECT COUNT(*) FROM Complaints"));
    }

    [Fact]
    public async Task Ingest_FormEncoded_WorksLikeJson()
    {
        using var client = factory.SmsGateway();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["messageId"] = "form-1", ["from"] = "085712345678", ["to"] = "1708",
            ["text"] = "LaporHendi parkir liar di depan Stasiun Poncol", ["receivedAt"] = ReceivedAt,
        });

        var response = await client.PostAsync("/api/ingest/sms", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString();
        Assert.Equal(["lalu-lintas|2026-11-20 02:30:00"], factory.Rows("SELECT CategoryCode, ReceivedAt FROM Complaints WHERE Ticket = $t", ("$t", ticket!)));
    }

    [Theory]
    [InlineData("""{"from":"0812","to":"1708","text":"LaporHendi x","receivedAt":"2026-11-20T09:30:00+07:00"}""", "messageId")]
    [InlineData("""{"messageId":"bad-2","to":"1708","text":"LaporHendi x","receivedAt":"2026-11-20T09:30:00+07:00"}""", "from")]
    [InlineData("""{"messageId":"bad-3","from":"0812","to":"1708","receivedAt":"2026-11-20T09:30:00+07:00"}""", "text")]
    [InlineData("""{"messageId":"bad-4","from":"0812","to":"1708","text":"LaporHendi x"}""", "receivedAt")]
    [InlineData("""{"messageId":"bad-5","from":"0812","to":"1708","text":"LaporHendi x","receivedAt":"2026-11-20 09:30"}""", "receivedAt")]
    [InlineData("""{"messageId":"bad-6","from":"0812","to":"1708","text":"LaporHendi x","receivedAt":"2027-01-01T00:00:00+07:00"}""", "receivedAt")]
    [InlineData("""{"messageId":"bad-7","from":"0812","to":"1708","text":{"nested":true},"receivedAt":"2026-11-20T09:30:00+07:00"}""", "text")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""{"messageId": """, "body")]
    public async Task Ingest_MalformedRequest_IsAProblemNamingTheFieldAndWritesNothing(string json, string field)
    {
        using var client = factory.SmsGateway();
        var before = factory.Counts();

        var response = await client.PostAsync("/api/ingest/sms", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Equal(before, factory.Counts());
    }

    [Fact]
    public async Task Ingest_TextBody_IsRefusedAsBody()
    {
        using var client = factory.SmsGateway();
        var before = factory.Counts();

        var response = await client.PostAsync("/api/ingest/sms", new StringContent("LaporHendi jalan rusak"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(before, factory.Counts());
    }

    [Fact]
    public async Task Ingest_WithoutKey_IsUnauthorisedAndWritesNothing()
    {
        using var client = factory.CreateClient();
        var before = factory.Counts();

        var response = await client.PostAsJsonAsync("/api/ingest/sms", Sms("nokey-1", "LaporHendi jalan rusak di Genuk"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, factory.Counts());
    }

    [Theory]
    [InlineData(ComplaintsAppFactory.ComplaintSourceKey, "dev-complaint-source", "ComplaintSource")]
    [InlineData(ComplaintsAppFactory.HotspotControllerKey, "dev-hotspot-controller", "HotspotController")]
    [InlineData(ComplaintsAppFactory.CameraSystemKey, "dev-camera-system", "CameraSystem")]
    public async Task Ingest_KeyOfAnotherKindOfClient_Refused403AuditedAndStoresNothing(string key, string clientName, string clientKind)
    {
        using var client = factory.Ingestion(key);
        var sms = Sms("kind-" + clientKind, "LaporHendi jalan berlubang di Jl. Majapahit depan SPBU");
        var before = factory.Counts();
        var audit = factory.Scalar("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

        var response = await client.PostAsJsonAsync("/api/ingest/sms", sms);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["SmsGateway"], problem.GetProperty("requiredKinds").EnumerateArray().Select(k => k.GetString()!).ToArray());
        Assert.Equal(clientKind, problem.GetProperty("clientKind").GetString());
        Assert.Equal(before, factory.Counts());
        Assert.Equal(
            [$"{clientName}|AccessDenied|route:/api/ingest/sms|POST /api/ingest/sms with a {clientKind} client's key; the endpoint takes SmsGateway"],
            factory.Rows("SELECT Actor, Action, Subject, Detail FROM AuditEntries WHERE Id > $id", ("$id", audit)));

        using var gateway = factory.SmsGateway();
        var stored = await gateway.PostAsJsonAsync("/api/ingest/sms", sms);

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal("complaint", (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(["dev-sms-gateway"], factory.Rows("SELECT Client FROM SmsInbox WHERE MessageId = $m", ("$m", "kind-" + clientKind)));
    }

    [Fact]
    public async Task Ingest_StoreCannotWrite_Answers503AndTheRetryIsStoredOnce()
    {
        using var client = factory.SmsGateway();
        var before = factory.Counts();
        factory.Execute("CREATE TRIGGER refuse_sms BEFORE INSERT ON SmsInbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        HttpResponseMessage refused;
        try
        {
            refused = await client.PostAsJsonAsync("/api/ingest/sms", Sms("full-1", "LaporHendi got mampet di Jl. Bulusan Raya"));
        }
        finally
        {
            factory.Execute("DROP TRIGGER refuse_sms");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(before, factory.Counts());

        var retried = await client.PostAsJsonAsync("/api/ingest/sms", Sms("full-1", "LaporHendi got mampet di Jl. Bulusan Raya"));

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, factory.Scalar("SELECT COUNT(*) FROM SmsInbox WHERE MessageId = 'full-1' AND State = 'Complaint'"));
    }

    private static object Sms(string messageId, string text) =>
        new { messageId, from = "+6281234567890", to = "1708", text, receivedAt = ReceivedAt };
}
