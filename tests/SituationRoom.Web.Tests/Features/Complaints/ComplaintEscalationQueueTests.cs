using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>The leadership queue is filtered, counted, sorted and paged by SQL on the EscalatesAt index: on generated
/// data (the demo city's complaints with random escalation instants, ties and some not yet due) its pages put together
/// are exactly a direct ORDER BY, and the plan reads the index without sorting.</summary>
public sealed class ComplaintEscalationQueueTests : IClassFixture<ComplaintsAppFactory>
{
    private const string DirectSql =
        "SELECT Ticket FROM Complaints WHERE EscalatesAt IS NOT NULL AND EscalatesAt < $now ORDER BY EscalatesAt, Id";

    private readonly ComplaintsAppFactory factory;

    public ComplaintEscalationQueueTests(ComplaintsAppFactory factory)
    {
        this.factory = factory;

        // The start-up refresh re-stamps open complaints; it must be done before the test stamps its own instants.
        var refresh = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ComplaintSlaRefresh>().Single();
        refresh.ExecuteTask?.GetAwaiter().GetResult();
        if (factory.Scalar("SELECT COUNT(*) FROM Complaints WHERE Text = 'antrean-uji'") == 0)
        {
            // Open complaints get random past instants within five days, every seventh one an instant still to come,
            // and a dozen share one instant so that the tie-break by id is exercised; one marker row says it is done.
            factory.Execute(
                "UPDATE Complaints SET EscalatesAt = strftime('%Y-%m-%d %H:%M:%S', '2026-11-15 00:00:00', '+' || (abs(random()) % 432000) || ' seconds') WHERE Status NOT IN ('Resolved', 'Rejected');" +
                "UPDATE Complaints SET EscalatesAt = '2026-12-01 00:00:00' WHERE Id % 7 = 0 AND EscalatesAt IS NOT NULL;" +
                "UPDATE Complaints SET EscalatesAt = '2026-11-16 08:00:00' WHERE Id IN (SELECT Id FROM Complaints WHERE EscalatesAt < '2026-12-01' ORDER BY Id DESC LIMIT 12);" +
                "UPDATE Complaints SET Text = 'antrean-uji' WHERE Id = (SELECT MIN(Id) FROM Complaints);");
        }
    }

    private static DateTimeOffset Now => SituationAppFactory.Now;

    [Fact]
    public async Task EscalatedAsync_AllPagesTogether_EqualADirectSqlOrderBy()
    {
        var expected = factory.Rows(DirectSql, ("$now", Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        var sla = factory.Services.GetRequiredService<ComplaintSla>();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();

        var first = await ComplaintQueries.EscalatedAsync(db, sla, Now, 1, CancellationToken.None);
        var tickets = new List<string>();
        for (var page = 1; page <= first.Pages; page++)
        {
            var slice = await ComplaintQueries.EscalatedAsync(db, sla, Now, page, CancellationToken.None);
            Assert.Equal(page, slice.Page);
            Assert.InRange(slice.Items.Count, 1, ComplaintQueries.EscalatedPageSize);
            tickets.AddRange(slice.Items.Select(i => i.Ticket));
        }

        Assert.True(expected.Count > 3 * ComplaintQueries.EscalatedPageSize, $"only {expected.Count} escalated rows generated");
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal((expected.Count + ComplaintQueries.EscalatedPageSize - 1) / ComplaintQueries.EscalatedPageSize, first.Pages);
        Assert.Equal(expected, tickets);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_000)]
    public async Task EscalatedAsync_PageOutOfRange_IsClampedToOneThatExists(int asked)
    {
        var sla = factory.Services.GetRequiredService<ComplaintSla>();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();

        var slice = await ComplaintQueries.EscalatedAsync(db, sla, Now, asked, CancellationToken.None);

        Assert.Equal(asked < 1 ? 1 : slice.Pages, slice.Page);
        Assert.NotEmpty(slice.Items);
    }

    [Fact]
    public async Task Escalated_QueryPlan_ReadsTheEscalatesAtIndexWithoutSorting()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();
        var sql = ComplaintQueries.Escalated(db, Now).Skip(100).Take(ComplaintQueries.EscalatedPageSize).Select(c => new { c.Id, c.Ticket, c.Status, c.Text }).ToQueryString();
        // EF writes the parameters as sqlite3 shell ".param set" lines; unbound, they are NULL, which leaves the plan as it is.
        var statement = string.Join("\n", sql.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal) && !line.StartsWith(".param", StringComparison.Ordinal)));

        var plan = string.Join("\n", factory.Rows("EXPLAIN QUERY PLAN " + statement));

        Assert.Contains("USING INDEX IX_Complaints_EscalatesAt", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SecondPage_ShowsTheNextFiftyInOrderWithTheCount()
    {
        var expected = factory.Rows(DirectSql, ("$now", Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        using var client = await factory.SignInAsync(SignIn.Leadership);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/complaints/escalated?halaman=2"));

        var rows = page.QuerySelectorAll("[data-testid='escalated-table'] tr[data-ticket]").Select(r => r.GetAttribute("data-ticket")).ToList();
        Assert.Equal(expected.Skip(ComplaintQueries.EscalatedPageSize).Take(ComplaintQueries.EscalatedPageSize), rows);
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid='escalated-count']")!.GetAttribute("data-count"));
        var pager = page.QuerySelector("[data-testid='escalated-pager']")!;
        Assert.Equal("2", pager.GetAttribute("data-page"));
        Assert.Equal("/complaints/escalated", pager.QuerySelector("a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("/complaints/escalated?halaman=3", pager.QuerySelector("a[rel='next']")!.GetAttribute("href"));
    }
}
