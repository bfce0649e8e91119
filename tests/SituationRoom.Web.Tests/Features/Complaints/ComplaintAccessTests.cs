using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>Who sees what on the complaint pages, over HTTP as each demo user: the OPD queue read-only for city-wide
/// readers and workable for the OPD's own people, and the reporter's number shown only to an officer who may act on
/// the complaint's OPD, each look and each refusal in the audit trail.</summary>
public sealed class ComplaintAccessTests(ComplaintsAppFactory factory) : IClassFixture<ComplaintsAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData(SignIn.Leadership)]
    [InlineData(SignIn.Analyst)]
    public async Task OpdQueue_CityWideReader_SeesTheQueueWithoutActionsOrNumbers(string userName)
    {
        using var client = await factory.SignInAsync(userName);

        var response = await client.GetAsync("/opd/DPU/complaints");
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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

    private (string Ticket, string Phone) DpuComplaintWithPhone()
    {
        var row = factory.Rows("SELECT Ticket, ReporterPhone FROM Complaints WHERE OpdCode = 'DPU' AND ReporterPhone IS NOT NULL ORDER BY Id LIMIT 1").Single().Split('|');
        return (row[0], row[1]);
    }

    private long LastAuditId() => factory.Scalar("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

    private static string Token(IElement form) => form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>What the "Tampilkan nomor" button posts: the form's name and the session's antiforgery token.</summary>
    internal static async Task<(HttpStatusCode Status, string CacheControl, IDocument Page)> PostRevealAsync(HttpClient client, string ticket, string token)
    {
        using var response = await client.PostAsync(
            $"/complaints/{ticket}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "reporter", ["__RequestVerificationToken"] = token }));
        return (response.StatusCode, response.Headers.CacheControl?.ToString() ?? "", Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
