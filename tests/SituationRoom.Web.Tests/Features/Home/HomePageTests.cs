using System.Net;
using AngleSharp.Html.Parser;
using SituationRoom.Web.Tests.Features.Access;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Home;

/// <summary>The start page shows each person the areas their role may open, and every card it shows opens.</summary>
public sealed class HomePageTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    [Theory]
    [InlineData(SignIn.Administrator, new[] { "wall", "league", "inbox", "escalated", "hotspots", "cctv", "trends", "users", "clients", "walls", "audit", "indicators", "lapor" }, new[] { "my-opd" })]
    [InlineData(SignIn.Leadership, new[] { "wall", "league", "inbox", "escalated", "hotspots", "cctv", "trends" }, new[] { "users", "clients", "audit", "indicators", "my-opd" })]
    [InlineData(SignIn.Analyst, new[] { "trends", "devices-trends", "inbox" }, new[] { "audit", "my-queue" })]
    [InlineData(SignIn.OpdHeadDpu, new[] { "my-opd", "my-queue", "my-rapor", "league", "wall" }, new[] { "inbox", "escalated", "trends", "audit" })]
    [InlineData(SignIn.OpdStaffDpu, new[] { "my-opd", "my-queue", "league" }, new[] { "inbox", "trends", "indicators" })]
    public async Task Home_ShowsTheAreasOfTheRole(string user, string[] shown, string[] hidden)
    {
        var areas = await AreasAsync(user);

        Assert.All(shown, a => Assert.Contains(a, areas.Keys));
        Assert.All(hidden, a => Assert.DoesNotContain(a, areas.Keys));
    }

    [Theory]
    [InlineData(SignIn.Administrator)]
    [InlineData(SignIn.Leadership)]
    [InlineData(SignIn.Analyst)]
    [InlineData(SignIn.OpdHeadDpu)]
    [InlineData(SignIn.OpdStaffDpu)]
    public async Task Home_EveryCardShown_OpensForThatPerson(string user)
    {
        var client = await fixture.ClientAsync(user);
        var areas = await AreasAsync(user);

        foreach (var (key, href) in areas)
        {
            using var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: card {key} ({href}) answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Home_OpdHead_CardsPointAtTheirOwnOpd()
    {
        var areas = await AreasAsync(SignIn.OpdHeadDpu);

        Assert.Equal("/opd/DPU", areas["my-opd"]);
        Assert.Equal("/opd/DPU/complaints", areas["my-queue"]);
    }

    [Fact]
    public async Task Home_Anonymous_IsSentToSignIn()
    {
        var client = await fixture.ClientAsync(AccessFixture.Anonymous);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/masuk", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> AreasAsync(string user)
    {
        var client = await fixture.ClientAsync(user);
        var html = await client.GetStringAsync("/");
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("[data-testid=home] a[data-area]")
            .ToDictionary(a => a.GetAttribute("data-area")!, a => a.GetAttribute("href")!);
    }
}
