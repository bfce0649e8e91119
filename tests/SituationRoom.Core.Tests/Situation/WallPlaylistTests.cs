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
    [InlineData("overview:30,weather:20", "'weather': unknown view")]
    [InlineData("overview:abc", "'overview:abc': seconds must be a whole number from 5 to 3600")]
    [InlineData("map:2", "'map:2': seconds must be a whole number from 5 to 3600")]
    [InlineData("map:-20", "'map:-20': seconds must be a whole number from 5 to 3600")]
    [InlineData("league:4000", "'league:4000': seconds must be a whole number from 5 to 3600")]
    [InlineData(" , ", "empty")]
    public void Parse_BadEntry_NamesItAndGivesNoPlaylist(string text, string error)
    {
        var parse = WallPlaylist.Parse(text, Defaults);

        Assert.Null(parse.Playlist);
        Assert.Equal([error], parse.Errors);
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
