using SituationRoom.Core.Situation;

namespace SituationRoom.Core.Tests.Situation;

public sealed class WallPlaylistTests
{
    private static TimeSpan Defaults(WallView view) => view == WallView.Map ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(30);

    [Fact]
    public void Parse_ViewsWithAndWithoutSeconds_UsesGivenOrDefaultDurations()
    {
        var parse = WallPlaylist.Parse("overview:45, map-wifi ,complaints:10", Defaults);

        Assert.Empty(parse.Errors);
        var slots = parse.Playlist!.Slots;
        Assert.Equal([WallView.Overview, WallView.Map, WallView.Complaints], slots.Select(s => s.View));
        Assert.Equal(MapLayer.Wifi, slots[1].Layer);
        Assert.Equal([45.0, 20.0, 10.0], slots.Select(s => s.Duration.TotalSeconds));
        Assert.Equal("overview:45,map-wifi:20,complaints:10", parse.Playlist.ToString());
    }

    [Theory]
    [InlineData("overview:30,weather:20", "weather", WallPlaylistProblem.UnknownView)]
    [InlineData("overview:abc", "overview:abc", WallPlaylistProblem.BadSeconds)]
    [InlineData("map:2", "map:2", WallPlaylistProblem.BadSeconds)]
    [InlineData("map:-20", "map:-20", WallPlaylistProblem.BadSeconds)]
    [InlineData("league:3601", "league:3601", WallPlaylistProblem.BadSeconds)]
    [InlineData(" , ", "", WallPlaylistProblem.Empty)]
    public void Parse_BadEntry_NamesItAndGivesNoPlaylist(string text, string entry, WallPlaylistProblem problem)
    {
        var parse = WallPlaylist.Parse(text, Defaults);

        Assert.Null(parse.Playlist);
        Assert.Equal([new WallPlaylistError(entry, problem)], parse.Errors);
    }

    [Fact]
    public void Parse_LimitsThemselves_AreAccepted()
    {
        var parse = WallPlaylist.Parse("map:5,league:3600", Defaults);

        Assert.Equal([5.0, 3600.0], parse.Playlist!.Slots.Select(s => s.Duration.TotalSeconds));
    }

    [Theory]
    [InlineData("MAP-CCTV", WallView.Map, MapLayer.Cctv)]
    [InlineData("map", WallView.Map, MapLayer.Complaints)]
    [InlineData("wifi", WallView.Wifi, MapLayer.Wifi)]
    public void View_KnownName_IsReadWhateverTheCase(string token, WallView view, MapLayer layer)
    {
        Assert.Equal((view, layer), WallPlaylist.View(token));
    }

    [Fact]
    public void TokenOf_EveryName_RoundTrips()
    {
        foreach (var token in WallPlaylist.Tokens.Where(t => t != "map-complaints"))
        {
            var (view, layer) = WallPlaylist.View(token)!.Value;
            Assert.Equal(token, WallPlaylist.TokenOf(view, layer));
        }
    }
}
