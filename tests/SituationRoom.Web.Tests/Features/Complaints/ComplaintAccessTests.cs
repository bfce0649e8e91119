using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>Who sees what on the complaint pages, over HTTP as each demo user: the OPD queue read-only for city-wide
/// readers and workable for the OPD's own people, the inbox read-only for leadership and analysts and workable for
/// administrators, and the reporter's number shown only to an officer who may act on the complaint's OPD, each look and
/// each refusal in the audit trail. A forged inbox event reaches the same services the page calls, with the session's
/// principal, so those are called here as the circuit would.</summary>
public sealed class ComplaintAccessTests(ComplaintsAppFactory factory) : IClassFixture<ComplaintsAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData(SignIn.Leadership)]
    [InlineData(SignIn.Analyst)]
    public async Task OpdQueue_CityWideReader_SeesTheQueueWithoutActionsOrNumbers(string userName)
    {
        var (status, page) = await PageAsync(userName, "/opd/DPU/complaints");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("[data-testid=not-allowed]"));
        Assert.NotNull(page.QuerySelector("[data-testid=read-only]"));
        var rows = page.QuerySelectorAll("[data-testid=queue-table] tr[data-ticket]");
        Assert.NotEmpty(rows);
        Assert.Empty(page.QuerySelectorAll("[data-testid=queue] button"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=queue] form, [data-testid=queue] input, [data-testid=queue] textarea, [data-testid=queue] select"));
        Assert.Null(page.QuerySelector("[data-testid=officer]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=reporter]"));
    }

    [Fact]
    public async Task OpdQueue_OwnStaff_GetsTheActionsAndAMaskedNumberWithItsRevealControl()
    {
        using var client = await factory.SignInAsync(SignIn.OpdStaffDpu);
        var phones = factory.Rows("SELECT Ticket, ReporterPhone FROM Complaints WHERE OpdCode = 'DPU' AND ReporterPhone IS NOT NULL").ToDictionary(r => r.Split('|')[0], r => r.Split('|')[1]);

        var html = await client.GetStringAsync("/opd/DPU/complaints");
        var page = Parser.ParseDocument(html);

        Assert.Null(page.QuerySelector("[data-testid=read-only]"));
        Assert.Equal(SignIn.OpdStaffDpu, page.QuerySelector("[data-testid=officer]")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("[data-testid=queue-table] tr[data-ticket]").ToList();
        Assert.All(rows, r => Assert.NotEmpty(r.QuerySelectorAll("button[data-action]:not([data-action=reveal])")));
        var withPhone = rows.Where(r => phones.ContainsKey(r.GetAttribute("data-ticket")!)).ToList();
        Assert.NotEmpty(withPhone);
        Assert.All(withPhone, r => Assert.NotNull(r.QuerySelector("[data-testid=reporter] button[data-action=reveal]")));
        Assert.All(withPhone, r => Assert.DoesNotContain(phones[r.GetAttribute("data-ticket")!], html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComplaintPage_RevealByAnOfficerOfItsOpd_ShowsTheFullNumberAndAuditsTheLook()
    {
        var (ticket, phone) = DpuComplaintWithPhone();
        using var client = await factory.SignInAsync(SignIn.OpdStaffDpu, allowAutoRedirect: false);
        var before = Parser.ParseDocument(await client.GetStringAsync($"/complaints/{ticket}"));
        var audit = LastAuditId();

        var (status, cacheControl, page) = await PostRevealAsync(client, ticket, Token(before.QuerySelector("[data-testid=reveal-form]")!));

        Assert.DoesNotContain(phone, before.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(phone, page.QuerySelector("[data-field=phone] [data-testid=phone]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=revealed]"));
        Assert.Null(page.QuerySelector("[data-testid=reveal-form]"));
        Assert.Contains("no-store", cacheControl, StringComparison.Ordinal);
        Assert.Equal([$"{SignIn.OpdStaffDpu}|ReporterViewed|complaint:{ticket}|DPU"], factory.Rows("SELECT Actor, Action, Subject, OpdCode FROM AuditEntries WHERE Id > $id", ("$id", audit)));
    }

    [Theory]
    [InlineData(SignIn.OpdHeadDinkes)]
    [InlineData(SignIn.Leadership)]
    [InlineData(SignIn.Analyst)]
    [InlineData("anonymous")]
    public async Task ComplaintPage_RevealForgedByAnyoneElse_IsRefusedAndAudited(string userName)
    {
        var (ticket, phone) = DpuComplaintWithPhone();
        using var client = userName == "anonymous"
            ? factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : await factory.SignInAsync(userName, allowAutoRedirect: false);
        var shown = Parser.ParseDocument(await client.GetStringAsync($"/complaints/{ticket}"));
        // Any form's token of this session will do: the page itself offers no reveal form to forge from.
        var token = Token(Parser.ParseDocument(await client.GetStringAsync("/lapor")).QuerySelector("form[method=post]")!);
        var audit = LastAuditId();

        var (status, _, page) = await PostRevealAsync(client, ticket, token);

        Assert.Null(shown.QuerySelector("[data-testid=reveal-form]"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.NotNull(page.QuerySelector("[data-testid=reveal-refused]"));
        Assert.DoesNotContain(phone, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var actor = userName == "anonymous" ? "anonim" : userName;
        Assert.Equal([$"{actor}|AccessDenied|complaint:{ticket}|DPU"], factory.Rows("SELECT Actor, Action, Subject, OpdCode FROM AuditEntries WHERE Id > $id", ("$id", audit)));
    }

    [Theory]
    [InlineData(SignIn.Leadership)]
    [InlineData(SignIn.Analyst)]
    public async Task Inbox_CityWideReader_SeesBothListsWithoutActions(string userName)
    {
        await UnparsedSmsAsync();
        await TriageComplaintAsync();
        var (status, page) = await PageAsync(userName, "/complaints/inbox");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("[data-testid=inbox] [data-testid=read-only]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=sms] tr[data-inbox]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=triage] tr[data-ticket]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=inbox] button, [data-testid=inbox] [data-action]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=inbox] form, [data-testid=inbox] input, [data-testid=inbox] textarea, [data-testid=inbox] select"));
        Assert.Null(page.QuerySelector("[data-testid=officer]"));
    }

    [Fact]
    public async Task Inbox_Administrator_GetsTheActionsOnEveryRowAndIsTheOfficer()
    {
        await UnparsedSmsAsync();
        await TriageComplaintAsync();
        using var client = await factory.SignInAsync(SignIn.Administrator);

        var page = Parser.ParseDocument(await client.GetStringAsync("/complaints/inbox"));

        Assert.Null(page.QuerySelector("[data-testid=read-only]"));
        Assert.Equal(SignIn.Administrator, page.QuerySelector("[data-testid=officer]")!.TextContent.Trim());
        var sms = page.QuerySelectorAll("[data-testid=sms] tr[data-inbox]").ToList();
        var triage = page.QuerySelectorAll("[data-testid=triage] tr[data-ticket]").ToList();
        Assert.NotEmpty(sms);
        Assert.NotEmpty(triage);
        Assert.All(sms, r => Assert.Equal(["convert", "dismiss"], r.QuerySelectorAll("button[data-action]").Select(b => b.GetAttribute("data-action")!)));
        Assert.All(triage, r => Assert.Equal(["route", "reject"], r.QuerySelectorAll("button[data-action]").Select(b => b.GetAttribute("data-action")!)));
    }

    [Theory]
    [InlineData(SignIn.Leadership, "route")]
    [InlineData(SignIn.Leadership, "reject")]
    [InlineData(SignIn.Analyst, "route")]
    [InlineData(SignIn.Analyst, "reject")]
    public async Task InboxMove_ForgedByACityWideReader_IsRefusedAuditedAndChangesNothing(string userName, string action)
    {
        var (id, ticket) = await TriageComplaintAsync();
        var reader = await PersonAsync(userName);
        var before = factory.Counts();
        var audit = LastAuditId();

        var outcome = await Transitions.MoveAsync(id, InboxMoves(action, reader), CancellationToken.None);

        Assert.False(outcome.Moved);
        Assert.True(outcome.Errors.ContainsKey("complaint"));
        Assert.Equal(["Received||"], factory.Rows("SELECT Status, OpdCode, CategoryCode FROM Complaints WHERE Id = $id", ("$id", id)));
        Assert.Equal(before, factory.Counts());
        var written = Assert.Single(factory.Rows("SELECT Actor, Action, Subject, OpdCode, Detail FROM AuditEntries WHERE Id > $id", ("$id", audit))).Split('|');
        Assert.Equal([userName, "AccessDenied", "complaint:" + ticket, ""], written[..4]);
        var to = action == "route" ? "Verified" : "Rejected";
        Assert.StartsWith($"move Received -> {to} of a complaint in triage as ", written[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboxMove_RouteByAnAdministrator_IsStoredWithThemAsActor()
    {
        var (id, ticket) = await TriageComplaintAsync();
        var admin = await PersonAsync(SignIn.Administrator);
        var audit = LastAuditId();

        var outcome = await Transitions.MoveAsync(id, InboxMoves("route", admin), CancellationToken.None);

        Assert.True(outcome.Moved, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        Assert.Equal(["Dispatched|DPU|jalan"], factory.Rows("SELECT Status, OpdCode, CategoryCode FROM Complaints WHERE Id = $id", ("$id", id)));
        Assert.Equal(
            ["Received|Verified|admin", "Verified|Dispatched|admin"],
            factory.Rows("SELECT FromStatus, ToStatus, Actor FROM ComplaintEvents WHERE ComplaintId = $id AND FromStatus IS NOT NULL ORDER BY Id", ("$id", id)));
        Assert.Equal(
            [$"admin|ComplaintTransition|complaint:{ticket}", $"admin|ComplaintTransition|complaint:{ticket}"],
            factory.Rows("SELECT Actor, Action, Subject FROM AuditEntries WHERE Id > $id ORDER BY Id", ("$id", audit)));
    }

    [Theory]
    [InlineData(SignIn.Leadership, "convert")]
    [InlineData(SignIn.Leadership, "dismiss")]
    [InlineData(SignIn.Analyst, "convert")]
    [InlineData(SignIn.Analyst, "dismiss")]
    public async Task InboxSms_ForgedByACityWideReader_IsRefusedAuditedAndChangesNothing(string userName, string action)
    {
        var inboxId = await UnparsedSmsAsync();
        var reader = await PersonAsync(userName);
        var before = factory.Counts();
        var audit = LastAuditId();

        var outcome = action == "convert"
            ? await Triage.ConvertAsync(inboxId, reader, new SmsConversion("Jalan berlubang di Jl. Majapahit", "jalan", "DPU"), CancellationToken.None)
            : await Triage.DismissAsync(inboxId, reader, "promosi operator", CancellationToken.None);

        Assert.False(outcome.Done);
        Assert.True(outcome.Errors.ContainsKey("inboxId"));
        Assert.Equal(["Unparsed||"], factory.Rows("SELECT State, HandledBy, ComplaintId FROM SmsInbox WHERE Id = $id", ("$id", inboxId)));
        Assert.Equal(before, factory.Counts());
        var written = Assert.Single(factory.Rows("SELECT Actor, Action, Subject, OpdCode, Detail FROM AuditEntries WHERE Id > $id", ("$id", audit))).Split('|');
        Assert.Equal([userName, "AccessDenied", $"sms:{inboxId}", ""], written[..4]);
        Assert.StartsWith($"{action} an unparsed SMS in triage as ", written[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("dismiss")]
    public async Task InboxSms_ByAnAdministrator_IsStoredWithThemAsHandler(string action)
    {
        var inboxId = await UnparsedSmsAsync();
        var admin = await PersonAsync(SignIn.Administrator);

        var outcome = action == "convert"
            ? await Triage.ConvertAsync(inboxId, admin, new SmsConversion("Jalan berlubang di Jl. Majapahit", "jalan", "DPU"), CancellationToken.None)
            : await Triage.DismissAsync(inboxId, admin, "promosi operator", CancellationToken.None);

        Assert.True(outcome.Done, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        var state = action == "convert" ? "Converted" : "Dismissed";
        Assert.Equal([$"{state}|admin"], factory.Rows("SELECT State, HandledBy FROM SmsInbox WHERE Id = $id", ("$id", inboxId)));
        if (action == "convert")
        {
            Assert.Equal(["DPU|jalan"], factory.Rows("SELECT c.OpdCode, c.CategoryCode FROM Complaints c JOIN SmsInbox m ON m.ComplaintId = c.Id WHERE m.Id = $id", ("$id", inboxId)));
        }
    }

    private ComplaintTransitions Transitions => factory.Services.GetRequiredService<ComplaintTransitions>();

    private SmsTriage Triage => factory.Services.GetRequiredService<SmsTriage>();

    /// <summary>What the inbox's buttons send for a complaint in triage: route is verify then dispatch with a category,
    /// reject is one move with a reason; each carries the session's principal.</summary>
    private static ComplaintMove[] InboxMoves(string action, ClaimsPrincipal officer) => action == "route"
        ?
        [
            new(ComplaintStatus.Verified, Audit.Actor(officer), ExpectedStatus: ComplaintStatus.Received, Officer: officer),
            new(ComplaintStatus.Dispatched, Audit.Actor(officer), TargetOpdCode: "DPU", CategoryCode: "jalan", Officer: officer),
        ]
        : [new(ComplaintStatus.Rejected, Audit.Actor(officer), "spam", ExpectedStatus: ComplaintStatus.Received, Officer: officer)];

    /// <summary>The principal a session of this demo user carries, made the way sign-in makes it.</summary>
    private async Task<ClaimsPrincipal> PersonAsync(string userName)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<Web.Data.SituationDbContext>>().CreateDbContextAsync();
        return Sessions.Person(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));
    }

    /// <summary>A fresh complaint whose text names no category, so no OPD owns it: it waits in the inbox's triage queue.</summary>
    private async Task<(long Id, string Ticket)> TriageComplaintAsync()
    {
        var receipt = await factory.Services.GetRequiredService<ComplaintIntake>().SubmitAsync(
            new ComplaintSubmission(ComplaintChannel.CallCentre, "Mohon perhatian bapak ibu untuk warga RT 03, terima kasih", SituationAppFactory.Now.AddHours(-1)),
            CancellationToken.None);
        Assert.Null(receipt.OpdCode);
        return (receipt.Id, receipt.Ticket);
    }

    /// <summary>A fresh SMS without the keyword, through the gateway's endpoint: it waits in the inbox unparsed.</summary>
    private async Task<long> UnparsedSmsAsync()
    {
        using var gateway = factory.SmsGateway();
        var response = await gateway.PostAsJsonAsync("/api/ingest/sms", new
        {
            messageId = "inbox-access-" + Guid.NewGuid().ToString("N"),
            from = "+6285700002222",
            to = "1708",
            text = "PROMO! Paket internet 10GB cuma 10rb",
            receivedAt = "2026-11-20T09:00:00+07:00",
        });
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("unparsed", answer.GetProperty("outcome").GetString());
        return long.Parse(answer.GetProperty("inboxId").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private (string Ticket, string Phone) DpuComplaintWithPhone()
    {
        var row = factory.Rows("SELECT Ticket, ReporterPhone FROM Complaints WHERE OpdCode = 'DPU' AND ReporterPhone IS NOT NULL ORDER BY Id LIMIT 1").Single().Split('|');
        return (row[0], row[1]);
    }

    private long LastAuditId() => factory.Scalar("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

    private static string Token(IElement form) => form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>What the "Tampilkan nomor" button posts: the form's name and the session's antiforgery token.</summary>
    private async Task<(HttpStatusCode Status, IDocument Page)> PageAsync(string userName, string url)
    {
        using var client = await factory.SignInAsync(userName);
        var response = await client.GetAsync(url);
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    internal static async Task<(HttpStatusCode Status, string CacheControl, IDocument Page)> PostRevealAsync(HttpClient client, string ticket, string token)
    {
        using var response = await client.PostAsync(
            $"/complaints/{ticket}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "reporter", ["__RequestVerificationToken"] = token }));
        return (response.StatusCode, response.Headers.CacheControl?.ToString() ?? "", Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
