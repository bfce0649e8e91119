using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Features.Wall;

namespace SituationRoom.Web.Tests.Features.Wall;

/// <summary>Screens on one playlist share one rotation (the holds themselves are WallRotationTests' part).</summary>
public sealed class WallRotationsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    private static readonly WallPlaylist WifiThenMap = Playlist("wifi:20,map-cctv:20");

    [Fact]
    public void At_SecondScreenOpensLater_ShowsTheFirstScreensSlotFromTheSameStart()
    {
        var rotations = Rotations();
        var first = rotations.At(WifiThenMap, T0);

        var second = rotations.At(Playlist("wifi:20, map-cctv:20"), T0.AddSeconds(7));

        Assert.Equal((0, WallView.Wifi, T0), (second.Index, second.View, second.Since));
        Assert.Equal(first, second);
    }

    [Fact]
    public void At_SlotRunsOut_TheFirstScreenToTickMovesItForEveryScreen()
    {
        var rotations = Rotations();
        rotations.At(WifiThenMap, T0);

        var moved = rotations.At(WifiThenMap, T0.AddSeconds(20.4));
        var other = rotations.At(WifiThenMap, T0.AddSeconds(20.9));

        Assert.Equal((1, WallView.Map, MapLayer.Cctv, T0.AddSeconds(20.4)), (moved.Index, moved.View, moved.Layer, moved.Since));
        Assert.Equal(moved, other);
    }

    [Fact]
    public void At_DifferentPlaylists_RotateEachOnItsOwn()
    {
        var rotations = Rotations();
        rotations.At(WifiThenMap, T0);

        var league = rotations.At(Playlist("league:30,overview:30"), T0.AddSeconds(25));

        Assert.Equal((0, WallView.League, T0.AddSeconds(25)), (league.Index, league.View, league.Since));
        Assert.Equal(1, rotations.At(WifiThenMap, T0.AddSeconds(25)).Index);
    }

    [Fact]
    public void At_PlaylistNobodyAskedAboutForLong_StartsAfreshForTheNextScreen()
    {
        var rotations = Rotations();
        rotations.At(WifiThenMap, T0);
        var later = T0 + WallRotations.Forget + TimeSpan.FromMinutes(1);
        rotations.At(Playlist("league:30,overview:30"), later);

        var again = rotations.At(WifiThenMap, later.AddSeconds(1));

        Assert.Equal((0, later.AddSeconds(1)), (again.Index, again.Since));
    }

    // No database behind it: the situation is the empty one, so nothing holds the rotation.
    private static WallRotations Rotations() => new(
        new LiveSituation(null!, TimeProvider.System, Options.Create(new SituationOptions()), NullLogger<LiveSituation>.Instance),
        Options.Create(new WallOptions()));

    private static WallPlaylist Playlist(string text) =>
        WallPlaylist.Parse(text, _ => TimeSpan.FromSeconds(30)).Playlist ?? throw new ArgumentException(text);
}
