using SituationRoom.Core.Situation;

namespace SituationRoom.Core.Tests.Situation;

public sealed class MapScaleTests
{
    private static KecamatanFigures Area(int open = 0, int wifiActive = 0, double? uptime = null, int cameras = 0, int online = 0) =>
        new("33.74.01", "Semarang Tengah", open, 0, wifiActive, wifiActive, uptime, cameras, online, false);

    [Fact]
    public void For_ComplaintCounts_UsesRoundEqualStepsCoveringTheWorstArea()
    {
        var scale = MapScale.For(MapLayer.Complaints, [Area(open: 3), Area(open: 87), Area(open: 40)]);

        Assert.Equal([0.0, 20, 40, 60, 80], scale.Classes.Select(c => c.From));
        Assert.Null(scale.Classes[^1].To);
        Assert.Equal(4, scale.ClassOf(Area(open: 87)));
        Assert.Equal(2, scale.ClassOf(Area(open: 40)));
        Assert.Equal(0, scale.ClassOf(Area(open: 3)));
    }

    [Fact]
    public void For_NothingOpenAnywhere_EveryAreaIsInThePalestClass()
    {
        var scale = MapScale.For(MapLayer.Complaints, [Area(), Area()]);

        Assert.Equal(1, scale.Classes[1].From);
        Assert.Equal(0, scale.ClassOf(Area()));
    }

    [Theory]
    [InlineData(0.995, 0)]
    [InlineData(0.99, 0)]
    [InlineData(0.985, 1)]
    [InlineData(0.96, 3)]
    [InlineData(0.90, 4)]
    public void ClassOf_WifiUptime_FixedBandsWorstLast(double uptime, int expected)
    {
        var scale = MapScale.For(MapLayer.Wifi, []);

        Assert.Equal(expected, scale.ClassOf(Area(wifiActive: 10, uptime: uptime)));
    }

    [Fact]
    public void ClassOf_AreaWithoutDevicesOfTheLayer_HasNoClassRatherThanTheBestOne()
    {
        Assert.Null(MapScale.For(MapLayer.Wifi, []).ClassOf(Area()));
        Assert.Null(MapScale.For(MapLayer.Cctv, [Area(cameras: 10, online: 4)]).ClassOf(Area()));
        Assert.Equal(6, MapScale.ValueOf(MapLayer.Cctv, Area(cameras: 10, online: 4)));
    }
}
