using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>The complaint pages rendered over HTTP: citizens' text shown inert, phones masked, the public form files a
/// Web complaint or names the fields at fault, and the staff queues come in the order they promise.</summary>
public sealed class ComplaintPagesTests(ComplaintsAppFactory factory) : IClassFixture<ComplaintsAppFactory>
{
    [Theory]
    [InlineData("<script>alert(1)</script> jalan rusak di Genuk")]
    [InlineData("=HYPERLINK(\"http://jahat.example\",\"klik\") got mampet")]
    [InlineData("<img src=x onerror=alert(1)> lampu mati")]
    public async Task ComplaintPage_HostileText_IsStoredAsGivenAndShownAsText(string body)
    {
        using var ingest = factory.ComplaintSource();
        var answer = await (await ingest.PostAsJsonAsync("/api/complaints", new { channel = "App", text = body, reporterPhone = "081234567890" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var ticket = answer.GetProperty("ticket").GetString()!;
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/complaints/{ticket}");
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([body], factory.Rows("SELECT Text FROM Complaints WHERE Ticket = $t", ("$t", ticket)));
        Assert.Equal(body, page.QuerySelector("[data-testid='text']")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[data-testid='text'] *"));
        // The only scripts are the app's own files; nothing from the citizen runs.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Empty(page.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain("081234567890", html, StringComparison.Ordinal);
        Assert.Equal("0812********", page.QuerySelector("[data-field='phone']")!.TextContent.Trim());
    }

    [Fact]
    public async Task ComplaintPage_HandedOver_SaysSoPlainlyWithHistoryAndClocks()
    {
        var transitions = factory.Services.GetRequiredService<ComplaintTransitions>();
        var receipt = await factory.Services.GetRequiredService<ComplaintIntake>().SubmitAsync(
            new ComplaintSubmission(ComplaintChannel.App, "Saluran air mampet di Jl. Bulusan Raya", Infrastructure.SituationAppFactory.Now.AddHours(-3)),
            CancellationToken.None);
        foreach (var move in new ComplaintMove[]
        {
            new(ComplaintStatus.Verified, "uji"),
            new(ComplaintStatus.Dispatched, "uji", TargetOpdCode: "DPU"),
            new(ComplaintStatus.HandedOver, "uji", "Saluran lingkungan milik DLH", "DLH"),
        })
        {
            Assert.True((await transitions.MoveAsync(receipt.Id, move, CancellationToken.None)).Moved);
        }

        var ticket = receipt.Ticket;
        using var client = factory.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/complaints/{ticket}"));

        Assert.Contains("bukan kewenangan", page.QuerySelector("[data-testid='handover-now']")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid='handovers'] li"));
        Assert.Contains(page.QuerySelectorAll("[data-testid='history'] li"), li => li.GetAttribute("data-to") == "HandedOver");
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid='clocks'] tr[data-stage]"));
    }

    [Fact]
    public async Task ComplaintPage_Evidence_ShowsWhenAndWhereEachPhotoWasTakenAndFlagsOneOlderThanTheComplaint()
    {
        var transitions = factory.Services.GetRequiredService<ComplaintTransitions>();
        var received = Infrastructure.SituationAppFactory.Now.AddHours(-5);
        var receipt = await factory.Services.GetRequiredService<ComplaintIntake>().SubmitAsync(
            new ComplaintSubmission(ComplaintChannel.App, "Lubang besar di Jl. Pemuda depan Lawang Sewu", received),
            CancellationToken.None);
        var wib = TimeSpan.FromHours(7);
        foreach (var move in new ComplaintMove[]
        {
            new(ComplaintStatus.Verified, "uji"),
            new(ComplaintStatus.Dispatched, "uji", TargetOpdCode: "DPU"),
            new(ComplaintStatus.InProgress, "uji"),
            new(ComplaintStatus.Resolved, "uji", "Lubang ditambal", Evidence:
            [
                new Evidence("/complaints/evidence/sesudah.jpg", new DateTimeOffset(2026, 11, 20, 9, 3, 0, wib), -6.98123, 110.41, TakenAtFromPhoto: true, PlaceFromPhoto: true),
                new Evidence("/complaints/evidence/lama.jpg", received.AddDays(-3), null, null, TakenAtFromPhoto: true),
            ]),
        })
        {
            Assert.True((await transitions.MoveAsync(receipt.Id, move, CancellationToken.None)).Moved);
        }

        using var client = factory.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/complaints/{receipt.Ticket}"));

        var photos = page.QuerySelectorAll("[data-testid='evidence'] li").ToList();
        Assert.Equal(2, photos.Count);
        Assert.Equal("Foto diambil 20 Nov 2026 09.03 WIB, -6,98123; 110,41000", photos[0].QuerySelector("[data-testid='photo-line']")!.TextContent);
        Assert.Null(photos[0].QuerySelector("[data-testid='photo-before-received']"));
        Assert.Equal("Foto diambil 17 Nov 2026 05.00 WIB, tanpa koordinat", photos[1].QuerySelector("[data-testid='photo-line']")!.TextContent);
        Assert.Contains("sebelum pengaduan diterima", photos[1].QuerySelector("[data-testid='photo-before-received']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["/complaints/evidence/sesudah.jpg|1|1", "/complaints/evidence/lama.jpg|1|0"],
            factory.Rows("SELECT Url, TakenAtFromPhoto, PlaceFromPhoto FROM ComplaintEvidence WHERE ComplaintId = $id ORDER BY Id", ("$id", receipt.Id)));
    }

    [Fact]
    public async Task ComplaintPage_UnknownTicket_Is404WithAWayBack()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/complaints/LH-2026-999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid='not-found']"));
    }

    [Fact]
    public async Task Lapor_GoodForm_FilesAWebComplaintAndShowsTheTicket()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string text = "Jalan berlubang dalam di Jl. Fatmawati depan Indomaret, sudah 2 minggu <b>bahaya</b>";

        var response = await PostLaporAsync(client, new() { ["Input.Text"] = text, ["Input.KecamatanCode"] = "33.74.06", ["Input.ReporterPhone"] = "0812 3456 7890" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.Matches(@"^/complaints/LH-2026-\d{6}\?baru=true$", location);
        var ticket = location["/complaints/".Length..location.IndexOf('?', StringComparison.Ordinal)];
        Assert.Equal([$"Web|{text}|33.74.06|jalan|DPU|0812 3456 7890"], factory.Rows("SELECT Channel, Text, KecamatanCode, CategoryCode, OpdCode, ReporterPhone FROM Complaints WHERE Ticket = $t", ("$t", ticket)));
        var receipt = new HtmlParser().ParseDocument(await client.GetStringAsync(location));
        Assert.Contains(ticket, receipt.QuerySelector("[data-testid='receipt']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lapor_BadFields_NamesEachAndFilesNothing()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = factory.Counts();

        var response = await PostLaporAsync(client, new() { ["Input.Text"] = "rusak", ["Input.ReporterPhone"] = "halo", ["Input.KecamatanCode"] = "33.74.01", ["Input.KelurahanCode"] = "33.74.11.1006" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "kelurahanCode", "reporterPhone", "text" }, page.QuerySelectorAll("[data-testid='errors'] li").Select(li => li.GetAttribute("data-field")).Order().ToArray().Select(f => f ?? "").ToArray());
        Assert.NotNull(page.QuerySelector("[data-testid='error-reporterPhone']"));
        Assert.Equal("rusak", page.QuerySelector("#field-text")!.TextContent);
        Assert.Equal(before, factory.Counts());
    }

    [Fact]
    public async Task Lapor_PostWithoutAntiforgeryToken_IsRefusedAndFilesNothing()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = factory.Counts();

        var response = await client.PostAsync("/lapor", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "lapor", ["Input.Text"] = "Jalan rusak parah di Genuk sejak lama" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, factory.Counts());
    }

    [Theory]
    [InlineData("lh-2026-1", HttpStatusCode.Redirect)]
    [InlineData("LH-2026-999999", HttpStatusCode.NotFound)]
    [InlineData("nomor saya", HttpStatusCode.OK)]
    public async Task Lapor_TrackTicket_GoesToItsPageOrSaysWhy(string given, HttpStatusCode status)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/lapor?tiket=" + Uri.EscapeDataString(given));

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.Redirect)
        {
            Assert.Equal("/complaints/LH-2026-000001", response.Headers.Location!.PathAndQuery);
        }
        else
        {
            Assert.NotNull(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid='track-error']"));
        }
    }

    [Fact]
    public async Task Inbox_UnparsedSms_IsListedWithItsReasonAndMaskedSender()
    {
        using var ingest = factory.SmsGateway();
        await ingest.PostAsJsonAsync("/api/ingest/sms", new { messageId = "inbox-1", from = "+6285700001111", to = "1708", text = "PROMO! Paket internet 10GB cuma 10rb", receivedAt = "2026-11-20T09:00:00+07:00" });
        using var client = await factory.SignInAsync();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/complaints/inbox"));

        var row = page.QuerySelectorAll("[data-testid='sms'] tr[data-inbox]").Single(r => r.TextContent.Contains("PROMO!", StringComparison.Ordinal));
        Assert.Equal("no_keyword", row.QuerySelector("[data-reason]")!.GetAttribute("data-reason"));
        Assert.Contains("0857****1111", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("85700001111", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpdQueue_ListsOnlyThatOpdsOpenComplaintsMostUrgentFirst()
    {
        using var client = await factory.SignInAsync();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/opd/DPU/complaints"));

        var rows = page.QuerySelectorAll("[data-testid='queue-table'] tr[data-ticket]").ToList();
        Assert.NotEmpty(rows);
        var open = factory.Rows("SELECT Ticket FROM Complaints WHERE OpdCode = 'DPU' AND Status NOT IN ('Resolved', 'Rejected')").ToHashSet();
        Assert.All(rows, r => Assert.Contains(r.GetAttribute("data-ticket")!, open));
        var rank = rows.Select(r => r.QuerySelector("[data-sla]")!.GetAttribute("data-sla") switch { "Overdue" => 0, "AtRisk" => 1, _ => 2 }).ToList();
        Assert.Equal(rank.Order(), rank);
    }

    [Fact]
    public async Task Escalated_ListsTheLongestOverdueFirst()
    {
        using var client = await factory.SignInAsync();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/complaints/escalated"));

        var late = page.QuerySelectorAll("[data-testid='escalated-table'] tr[data-ticket]").Select(r => long.Parse(r.GetAttribute("data-late-minutes")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, l => Assert.True(l > 0));
        Assert.Equal(late.OrderDescending(), late);
    }

    private static async Task<HttpResponseMessage> PostLaporAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var form = new HtmlParser().ParseDocument(await client.GetStringAsync("/lapor"));
        fields["__RequestVerificationToken"] = form.QuerySelector("[data-testid='form'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        fields["_handler"] = form.QuerySelector("[data-testid='form'] input[name='_handler']")!.GetAttribute("value")!;
        return await client.PostAsync("/lapor", new FormUrlEncodedContent(fields));
    }
}

/// <summary>The public form's per-address limit, on an app whose limit is small enough to reach.</summary>
public sealed class LaporRateLimitTests(LaporRateLimitTests.TightLimit factory) : IClassFixture<LaporRateLimitTests.TightLimit>
{
    public sealed class TightLimit : ComplaintsAppFactory
    {
        protected override int PublicFormLimit => 2;
    }

    [Fact]
    public async Task Lapor_MorePostsThanTheLimit_AreRefusedWith429ButReadingStaysOpen()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var form = new HtmlParser().ParseDocument(await client.GetStringAsync("/lapor"));
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
                ["_handler"] = "lapor",
                ["Input.Text"] = $"Lampu jalan mati di gang {i} Kel. Bugangan sejak seminggu",
            };
            statuses.Add((await client.PostAsync("/lapor", new FormUrlEncodedContent(fields))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lapor")).StatusCode);
    }
}

/// <summary>The reopen form is limited like /lapor (its own app, so the two tests' posts do not add up).</summary>
public sealed class ReopenRateLimitTests(LaporRateLimitTests.TightLimit factory) : IClassFixture<LaporRateLimitTests.TightLimit>
{
    [Fact]
    public async Task Reopen_PostsShareThePublicFormLimit_AndReadingStaysOpen()
    {
        var ticket = factory.Rows("SELECT Ticket FROM Complaints WHERE Status = 'Resolved' ORDER BY Id LIMIT 1").Single();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ComplaintReopenTests.PostReopenAsync(client, ticket, "0000", "Belum selesai sama sekali")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/complaints/{ticket}")).StatusCode);
    }
}

/// <summary>The public-form limit is for anonymous posts: an officer revealing numbers from a shared office address is
/// signed in, audited, and not held to it (its own app, so no other test's posts count).</summary>
public sealed class RevealRateLimitTests(LaporRateLimitTests.TightLimit factory) : IClassFixture<LaporRateLimitTests.TightLimit>
{
    [Fact]
    public async Task Reveal_SignedInOfficerPostingMoreThanTheLimit_IsNeverRefusedWith429()
    {
        var ticket = factory.Rows("SELECT Ticket FROM Complaints WHERE OpdCode = 'DPU' AND ReporterPhone IS NOT NULL ORDER BY Id LIMIT 1").Single();
        using var client = await factory.SignInAsync(SignIn.OpdHeadDpu, allowAutoRedirect: false);
        var form = new HtmlParser().ParseDocument(await client.GetStringAsync($"/complaints/{ticket}")).QuerySelector("[data-testid=reveal-form]")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ComplaintAccessTests.PostRevealAsync(client, ticket, token)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(3, factory.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'ReporterViewed' AND Actor = $a AND Subject = $s", ("$a", SignIn.OpdHeadDpu), ("$s", "complaint:" + ticket)));
    }
}
