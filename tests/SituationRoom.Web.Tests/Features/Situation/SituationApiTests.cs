using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SituationRoom.Core;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Situation;

public sealed class SituationApiTests(SituationAppFactory factory) : IClassFixture<SituationAppFactory>
{
    [Fact]
    public async Task GetSituation_DemoCity_AgreesWithCountsTakenStraightFromTheDatabase()
    {
        // The start-up clock refresh rewrites stored dues in batches: compare once it is done (and composed in).
        await factory.SettledSituationAsync();
        using var client = await factory.SignInAsync();

        var json = await client.GetFromJsonAsync<JsonElement>("/api/situation");

        var now = SituationAppFactory.Now.UtcDateTime;
        var today = Wib.StartOfDayUtc(Wib.DateOf(SituationAppFactory.Now));
        var complaints = json.GetProperty("complaints");
        Assert.Equal(Count("SELECT COUNT(*) FROM Complaints WHERE Status NOT IN ('Resolved','Rejected')"), complaints.GetProperty("open").GetInt32());
        Assert.Equal(Count("SELECT COUNT(*) FROM Complaints WHERE Status NOT IN ('Resolved','Rejected') AND DueAt < @now", ("@now", now)), complaints.GetProperty("overdue").GetInt32());
        Assert.Equal(Count("SELECT COUNT(*) FROM Complaints WHERE ReceivedAt >= @today", ("@today", today)), complaints.GetProperty("newToday").GetInt32());
        Assert.Equal(Count("SELECT COUNT(*) FROM Complaints WHERE Status NOT IN ('Resolved','Rejected') AND OpdCode IS NULL"), complaints.GetProperty("inTriage").GetInt32());

        var wifi = json.GetProperty("wifi");
        Assert.Equal(Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active'"), wifi.GetProperty("active").GetInt32());
        Assert.Equal(Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Hotspot' AND Lifecycle = 'Active' AND Status IN ('Online','Degraded')"), wifi.GetProperty("up").GetInt32());
        Assert.InRange(wifi.GetProperty("uptime24h").GetDouble(), 0.5, 1.0);

        var cctv = json.GetProperty("cctv");
        Assert.Equal(Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active'"), cctv.GetProperty("active").GetInt32());
        Assert.Equal(Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' AND Status IN ('Online','Degraded')"), cctv.GetProperty("online").GetInt32());
        Assert.Equal(Count("SELECT COUNT(*) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'SwitchedOff'"), cctv.GetProperty("switchedOff").GetInt32());
    }

    [Fact]
    public async Task GetHealth_DatabaseReachable_ReportsHealthy()
    {
        using var client = await factory.SignInAsync();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetWall_Prerendered_ShowsTheFourStreamsInIndonesian()
    {
        using var client = await factory.SignInAsync();

        var html = await client.GetStringAsync("/wall");

        Assert.Contains("Pengaduan Warga", html);
        Assert.Contains("Liga SMART OPD", html);
        Assert.Contains("Wi-Fi Publik", html);
        Assert.Contains("CCTV Kota", html);
    }

    [Fact]
    public async Task GetSituation_League_CarriesThePeriodKeyAndEachBandWithBothNames()
    {
        using var client = await factory.SignInAsync();

        var league = await RankedLeagueAsync(client);

        Assert.Equal("2026-11", league.GetProperty("periodKey").GetString());
        var band = league.GetProperty("top")[0].GetProperty("band");
        var expected = Core.Scorecards.DefaultRuleSets.Smart2026.Bands.Single(b => b.Name == band.GetProperty("name").GetString());
        Assert.Equal(expected.NameEn, band.GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task GetWall_LeagueViewInEachLanguage_NamesTheBandsInThatLanguage()
    {
        using var client = await factory.SignInAsync();
        var league = await RankedLeagueAsync(client);
        var bands = Core.Scorecards.DefaultRuleSets.Smart2026.Bands;
        var shown = league.GetProperty("top").EnumerateArray().Concat(league.GetProperty("bottom").EnumerateArray())
            .Select(e => bands.Single(b => b.Name == e.GetProperty("band").GetProperty("name").GetString()))
            .ToList();

        var indonesian = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/wall?view=league"));
        var english = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/culture/en?returnUrl=%2Fwall%3Fview%3Dleague"));

        Assert.Equal(shown.Select(b => b.NameEn), english.QuerySelectorAll(".league-row .band").Select(e => e.TextContent.Trim()));
        Assert.Equal(shown.Select(b => b.Name), indonesian.QuerySelectorAll(".league-row .band").Select(e => e.TextContent.Trim()));
        Assert.Equal("· November 2026", english.QuerySelector("[data-testid='league-period']")!.TextContent.Trim());
    }

    /// <summary>The league scorer runs in the background from start: waits until the wall's league has ranked OPDs.</summary>
    private static async Task<JsonElement> RankedLeagueAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var league = (await client.GetFromJsonAsync<JsonElement>("/api/situation")).GetProperty("league");
            if (league.GetProperty("ranked").GetInt32() > 0 || DateTime.UtcNow > deadline)
            {
                return league;
            }

            await Task.Delay(250);
        }
    }

    private int Count(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
