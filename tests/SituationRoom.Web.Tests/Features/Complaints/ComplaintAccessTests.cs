using System.Net;
using AngleSharp.Html.Parser;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>Who sees what on the complaint pages, over HTTP as each demo user: the OPD queue read-only for city-wide
/// readers and workable for the OPD's own people.</summary>
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
}
