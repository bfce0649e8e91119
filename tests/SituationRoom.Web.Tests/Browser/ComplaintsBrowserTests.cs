using System.Text.Json;
using Microsoft.Playwright;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>An OPD officer works a complaint from the queue page in a real browser: each step over the circuit, a
/// resolve without a photo refused with the reason, then resolved with an uploaded photo shown on the ticket's page;
/// and shows a reporter's number from the queue, which the audit trail records. In the inbox, an administrator routes
/// a complaint in triage while leadership reads the same inbox without any controls.</summary>
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
        await using var run = await AppInBrowser.StartAsync(SmallCity);
        var ticket = await SubmitAsync(run.App, "KTP elektronik saya belum jadi sudah 3 bulan, blangko habis");
        var page = await run.NewPageAsync();

        await SignIn.SignInAsync(page, run.BaseUrl, SignIn.Administrator);
        await page.GotoAsync($"{run.BaseUrl}/opd/DISDUKCAPIL/complaints");
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

        await page.GotoAsync($"{run.BaseUrl}/complaints/{ticket}");
        Assert.Equal("Resolved", await page.Locator("[data-testid=complaint]").GetAttributeAsync("data-status"));
        Assert.Contains(SignIn.Administrator, await page.Locator("[data-testid=history]").TextContentAsync() ?? "", StringComparison.Ordinal);
        var photo = await page.Locator("[data-testid=evidence] img").GetAttributeAsync("src");
        using var http = new HttpClient();
        var served = await http.GetAsync(run.BaseUrl + photo);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
    }

    // A 273-byte JPEG with EXIF (little-endian): DateTimeOriginal 2026:11:01 14:03:27, GPS 6°58'52.428" S 110°24'36" E.
    private static readonly byte[] ExifJpeg = Convert.FromBase64String(
        "/9j/4QC6RXhpZgAASUkqAAgAAAACAGmHBAABAAAAJgAAACWIBAABAAAAOAAAAAAAAAABAAOQAgAUAAAAbgAAAAAAAAAEAAEAAgACAAAAUwAAAAIABQADAAAAggAAAAMAAgACAAAARQAAAAQABQADAAAAmgAAAAAAAAAyMDI2OjExOjAxIDE0OjAzOjI3AAYAAAABAAAAOgAAAAEAAADMzAAA6AMAAG4AAAABAAAAGAAAAAEAAACgjAAA6AMAAP/bAEMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAAPwASNP/Z");

    [Fact]
    public async Task OpdQueue_PhotoWithExif_FillsTimeAndPlaceFromItAndFlagsItAsOlderThanTheComplaint()
    {
        await using var run = await AppInBrowser.StartAsync(SmallCity);
        var ticket = await SubmitAsync(run.App, "Lampu PJU mati sepanjang Jl. Pandanaran dekat Tugu Muda");
        var page = await run.NewPageAsync();
        await SignIn.SignInAsync(page, run.BaseUrl, SignIn.Administrator);
        using var http = new HttpClient();
        var opd = (await http.GetFromJsonAsync<JsonElement>($"{run.BaseUrl}/api/complaints/{ticket}")).GetProperty("opd").GetProperty("code").GetString();
        await page.GotoAsync($"{run.BaseUrl}/opd/{opd}/complaints");
        await page.Locator("[data-testid=queue][data-interactive]").WaitForAsync();
        var row = page.Locator($"tr[data-ticket='{ticket}']");
        foreach (var action in new[] { "Verified", "Dispatched", "InProgress" })
        {
            await row.Locator($"button[data-action={action}]").ClickAsync();
            await page.Locator($"[data-testid=action-panel][data-to={action}] button[data-action=confirm]").ClickAsync();
            await page.Locator($"tr[data-ticket='{ticket}'][data-status={action}]").WaitForAsync();
        }

        await row.Locator("button[data-action=Resolved]").ClickAsync();
        await page.FillAsync("#move-note", "Lampu diganti, menyala lagi");
        await page.SetInputFilesAsync("#move-photo", new FilePayload { Name = "bukti.jpg", MimeType = "image/jpeg", Buffer = ExifJpeg });
        var read = page.Locator("[data-testid=photo-exif]");
        await read.WaitForAsync();

        Assert.Contains("Foto diambil 1 Nov 2026 14.03 WIB, -6,98123; 110,41000", await read.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.NotNull(await read.Locator("[data-testid=photo-before-received]").ElementHandleAsync());
        Assert.True(await page.Locator("#move-taken").IsDisabledAsync());
        Assert.True(await page.Locator("#move-lat").IsDisabledAsync());

        await page.Locator("[data-testid=action-panel] button[data-action=confirm]").ClickAsync();
        await page.Locator("[data-testid=done]").WaitForAsync();
        var photo = (await http.GetFromJsonAsync<JsonElement>($"{run.BaseUrl}/api/complaints/{ticket}")).GetProperty("evidence")[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 14, 3, 27, TimeSpan.FromHours(7)), photo.GetProperty("takenAt").GetDateTimeOffset());
        Assert.Equal(-6.98123, photo.GetProperty("latitude").GetDouble(), 5);
        Assert.Equal(110.41, photo.GetProperty("longitude").GetDouble(), 5);
        Assert.True(photo.GetProperty("takenAtFromPhoto").GetBoolean());
        Assert.True(photo.GetProperty("placeFromPhoto").GetBoolean());
        Assert.True(photo.GetProperty("takenBeforeReceived").GetBoolean());
    }

    [Fact]
    public async Task OpdQueue_OfficerShowsAReportersNumber_TheFullNumberAppearsOverTheCircuitAndTheLookIsAudited()
    {
        // Few complaints, so the new one is surely among the queue's first rows.
        await using var run = await AppInBrowser.StartAsync(new Dictionary<string, string>(SmallCity) { ["DemoCity:ComplaintsPerDay"] = "20" });
        const string phone = "081234567001";
        var ticket = await SubmitAsync(run.App, "Jalan berlubang dalam di Jl. Fatmawati depan pasar, bahaya untuk motor", phone);
        var officer = await run.NewPageAsync();
        await SignIn.SignInAsync(officer, run.BaseUrl, SignIn.OpdHeadDpu);
        await officer.GotoAsync($"{run.BaseUrl}/opd/DPU/complaints");
        await officer.Locator("[data-testid=queue][data-interactive]").WaitForAsync();
        var reporter = officer.Locator($"tr[data-ticket='{ticket}'] [data-testid=reporter]");
        Assert.DoesNotContain(phone, await officer.ContentAsync(), StringComparison.Ordinal);

        await reporter.Locator("button[data-action=reveal]").ClickAsync();
        await reporter.Locator("[data-revealed=true]").WaitForAsync();

        Assert.Contains(phone, await reporter.Locator("[data-field=phone]").TextContentAsync() ?? "", StringComparison.Ordinal);
        var admin = await run.Browser.NewPageAsync();
        await SignIn.SignInAsync(admin, run.BaseUrl, SignIn.Administrator);
        var audit = await (await admin.APIRequest.GetAsync($"{run.BaseUrl}/api/admin/audit?action=ReporterViewed&actor={SignIn.OpdHeadDpu}")).JsonAsync();
        Assert.Contains(audit!.Value.EnumerateArray(), a => a.GetProperty("subject").GetString() == "complaint:" + ticket && a.GetProperty("opdCode").GetString() == "DPU");
    }

    [Fact]
    public async Task Inbox_AdministratorRoutesAComplaintOverTheCircuit_StoredWithThemAsActorWhileLeadershipGetsNoActions()
    {
        await using var run = await AppInBrowser.StartAsync(new Dictionary<string, string>(SmallCity) { ["DemoCity:ComplaintsPerDay"] = "20" });
        var ticket = await SubmitAsync(run.App, "Mohon perhatian bapak ibu untuk warga RT 03, terima kasih");
        var reader = await run.NewPageAsync();
        await SignIn.SignInAsync(reader, run.BaseUrl, SignIn.Leadership);
        await reader.GotoAsync($"{run.BaseUrl}/complaints/inbox");
        await reader.Locator("[data-testid=inbox][data-interactive]").WaitForAsync();

        Assert.Equal(1, await reader.Locator($"[data-testid=triage] tr[data-ticket='{ticket}']").CountAsync());
        Assert.Equal(0, await reader.Locator("[data-testid=inbox] button").CountAsync());
        Assert.Equal(1, await reader.Locator("[data-testid=read-only]").CountAsync());

        var admin = await run.NewPageAsync();
        await SignIn.SignInAsync(admin, run.BaseUrl, SignIn.Administrator);
        await admin.GotoAsync($"{run.BaseUrl}/complaints/inbox");
        await admin.Locator("[data-testid=inbox][data-interactive]").WaitForAsync();
        await admin.Locator($"[data-testid=triage] tr[data-ticket='{ticket}'] button[data-action=route]").ClickAsync();
        await admin.SelectOptionAsync("#route-category", "jalan");
        await admin.SelectOptionAsync("#route-opd", "DPU");
        await admin.Locator("[data-testid=triage-panel] button[data-action=confirm-route]").ClickAsync();
        await admin.Locator("[data-testid=done]").WaitForAsync();

        Assert.Equal(0, await admin.Locator($"[data-testid=triage] tr[data-ticket='{ticket}']").CountAsync());
        using var http = new HttpClient();
        var stored = await http.GetFromJsonAsync<JsonElement>($"{run.BaseUrl}/api/complaints/{ticket}");
        Assert.Equal("Dispatched", stored.GetProperty("status").GetString());
        Assert.Equal("DPU", stored.GetProperty("opd").GetProperty("code").GetString());
        Assert.Equal(
            ["Verified admin", "Dispatched admin"],
            stored.GetProperty("history").EnumerateArray().Skip(1).Select(h => $"{h.GetProperty("to").GetString()} {h.GetProperty("actor").GetString()}"));
        var audit = await (await admin.APIRequest.GetAsync($"{run.BaseUrl}/api/admin/audit?action=ComplaintTransition&actor={SignIn.Administrator}")).JsonAsync();
        Assert.Equal(2, audit!.Value.EnumerateArray().Count(a => a.GetProperty("subject").GetString() == "complaint:" + ticket));
        var denied = await (await admin.APIRequest.GetAsync($"{run.BaseUrl}/api/admin/audit?action=AccessDenied")).JsonAsync();
        Assert.DoesNotContain(denied!.Value.EnumerateArray(), a => a.GetProperty("subject").GetString() == "complaint:" + ticket);
    }

    private static async Task<string> SubmitAsync(AppProcess app, string text, string? reporterPhone = null)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", "dev-pengaduan-1708");
        var response = await http.PostAsJsonAsync($"{app.BaseUrl}/api/complaints", new { channel = "CallCentre", text, reporterPhone });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
    }
}
