using System.Globalization;
using System.Text.Json;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>The devices' part of GET /api/situation (the wall's numbers) against counts and uptime taken straight from SQL.</summary>
public sealed class DevicePanelsApiTests(DeviceAppFactory factory) : IClassFixture<DeviceAppFactory>
{
    private const string ActiveHotspot = "Kind = 'Hotspot' AND Lifecycle = 'Active'";
    private const string ActiveCamera = "Kind = 'Camera' AND Lifecycle = 'Active'";
    private const string Up = "Status IN ('Online', 'Degraded')";

    // The wall's uptimes are rounded to four decimals.
    private const double Rounded = 0.00006;

    [Fact]
    public async Task Wifi_UpAndDownNowShareAndUptime24h_AreTheSqlFiguresUnderTheirOwnNames()
    {
        var wifi = (await SituationAsync()).GetProperty("wifi");

        var active = factory.Count($"SELECT COUNT(*) FROM Devices WHERE {ActiveHotspot}");
        var up = factory.Count($"SELECT COUNT(*) FROM Devices WHERE {ActiveHotspot} AND {Up}");
        var (upSeconds, monitored) = factory.UptimeSql("Hotspot", Now - TimeSpan.FromHours(24), Now);
        Assert.Equal(up, wifi.GetProperty("up").GetInt32());
        Assert.Equal(active - up, wifi.GetProperty("down").GetInt32());

        // Two numbers, two names: the share of the fleet up now, and the average uptime over the day.
        Assert.Equal((double)up / active, wifi.GetProperty("upShare").GetDouble(), 9);
        Assert.Equal(upSeconds / monitored, wifi.GetProperty("uptime24h").GetDouble(), Rounded);
        Assert.NotEqual(wifi.GetProperty("upShare").GetDouble(), wifi.GetProperty("uptime24h").GetDouble(), 4);
    }

    [Fact]
    public async Task Wifi_WorstKecamatan_AreTheLowest24hUptimesInSql()
    {
        var wifi = (await SituationAsync()).GetProperty("wifi");

        var uptimes = factory.Ids($"SELECT DISTINCT KecamatanCode FROM Devices WHERE {ActiveHotspot}")
            .ToDictionary(k => k, k => factory.UptimeSql("Hotspot", Now - TimeSpan.FromHours(24), Now, $"AND d.KecamatanCode = '{k}'") is var u ? u.Up / u.Monitored : 0);
        var worst = wifi.GetProperty("worstKecamatan").EnumerateArray().ToList();
        Assert.NotEmpty(worst);
        Assert.Equal(uptimes.Values.Min(), worst[0].GetProperty("uptime24h").GetDouble(), Rounded);
        Assert.All(worst, w => Assert.Equal(uptimes[w.GetProperty("code").GetString()!], w.GetProperty("uptime24h").GetDouble(), Rounded));
        var worstCodes = worst.Select(w => w.GetProperty("code").GetString()!).ToHashSet();
        Assert.All(uptimes.Where(u => !worstCodes.Contains(u.Key)), u => Assert.True(u.Value >= worst[^1].GetProperty("uptime24h").GetDouble() - Rounded));
    }

    [Fact]
    public async Task Cctv_OnlineOfTotalByOwnerAndDarkOver24h_AreTheSqlCounts()
    {
        var cctv = (await SituationAsync()).GetProperty("cctv");

        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {ActiveCamera}"), cctv.GetProperty("active").GetInt32());
        Assert.Equal(factory.Count($"SELECT COUNT(*) FROM Devices WHERE {ActiveCamera} AND {Up}"), cctv.GetProperty("online").GetInt32());
        Assert.Equal(
            factory.Count($"SELECT COUNT(*) FROM Devices WHERE {ActiveCamera} AND NOT {Up} AND StatusSince < '{DeviceAppFactory.Sql(Now.AddHours(-24))}'"),
            cctv.GetProperty("darkOver24h").GetInt32());
        var owners = factory.Values($"SELECT OpdCode, COUNT(*), SUM({Up}) FROM Devices WHERE {ActiveCamera} GROUP BY OpdCode")
            .ToDictionary(r => (string)r[0], r => (Convert.ToInt32(r[1], CultureInfo.InvariantCulture), Convert.ToInt32(r[2], CultureInfo.InvariantCulture)));
        var byOwner = cctv.GetProperty("byOwner").EnumerateArray().ToList();

        // The wall names the largest owners (up to ten), each with its online of total.
        var largest = owners.OrderByDescending(o => o.Value.Item1).ThenBy(o => o.Key, StringComparer.Ordinal).Take(10).Select(o => o.Key);
        Assert.Equal(largest, byOwner.Select(o => o.GetProperty("opdCode").GetString()!));
        Assert.All(byOwner, o => Assert.Equal(owners[o.GetProperty("opdCode").GetString()!], (o.GetProperty("active").GetInt32(), o.GetProperty("online").GetInt32())));
    }

    [Fact]
    public async Task AreaIncidents_Open_AreTheOpenRowsOfAreaIncidents()
    {
        var incidents = (await SituationAsync()).GetProperty("areaIncidents");

        Assert.Equal(
            factory.Ids("SELECT Id FROM AreaIncidents WHERE ClosedAt IS NULL ORDER BY Id"),
            incidents.GetProperty("open").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private async Task<JsonElement> SituationAsync()
    {
        using var client = await factory.SignInAsync(SignIn.Leadership);
        return await client.GetFromJsonAsync<JsonElement>("/api/situation");
    }
}
