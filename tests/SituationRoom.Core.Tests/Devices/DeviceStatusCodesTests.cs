using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class DeviceStatusCodesTests
{
    [Theory]
    [InlineData("up", DeviceStatus.Online)]
    [InlineData("down", DeviceStatus.Offline)]
    [InlineData("UP", DeviceStatus.Online)]
    [InlineData(" Down ", DeviceStatus.Offline)]
    public void TryParse_HotspotWords_Parsed(string wire, DeviceStatus expected)
    {
        Assert.True(DeviceStatusCodes.TryParse(DeviceKind.Hotspot, wire, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("online", DeviceStatus.Online)]
    [InlineData("offline", DeviceStatus.Offline)]
    [InlineData("degraded", DeviceStatus.Degraded)]
    [InlineData("no_frames", DeviceStatus.NoFrames)]
    [InlineData("frozen", DeviceStatus.Frozen)]
    [InlineData("NO_FRAMES", DeviceStatus.NoFrames)]
    [InlineData("Frozen", DeviceStatus.Frozen)]
    public void TryParse_CameraWords_Parsed(string wire, DeviceStatus expected)
    {
        Assert.True(DeviceStatusCodes.TryParse(DeviceKind.Camera, wire, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(DeviceKind.Hotspot, "frozen")]
    [InlineData(DeviceKind.Hotspot, "online")]
    [InlineData(DeviceKind.Hotspot, "degraded")]
    [InlineData(DeviceKind.Camera, "up")]
    [InlineData(DeviceKind.Camera, "down")]
    [InlineData(DeviceKind.Camera, "no-frames")]
    [InlineData(DeviceKind.Camera, "noframes")]
    [InlineData(DeviceKind.Camera, "")]
    [InlineData(DeviceKind.Camera, "   ")]
    [InlineData(DeviceKind.Hotspot, null)]
    public void TryParse_WordNotOfThatKind_Refused(DeviceKind kind, string? wire)
    {
        Assert.False(DeviceStatusCodes.TryParse(kind, wire, out _));
    }

    [Theory]
    [InlineData(DeviceKind.Hotspot)]
    [InlineData(DeviceKind.Camera)]
    public void ToWire_EveryWordOfAKind_RoundTrips(DeviceKind kind)
    {
        foreach (var wire in DeviceStatusCodes.WireValues(kind))
        {
            Assert.True(DeviceStatusCodes.TryParse(kind, wire, out var status));
            Assert.Equal(wire, status.ToWire(kind));
        }
    }

    [Fact]
    public void ToWire_CameraStatuses_AllHaveAWord()
    {
        Assert.All(Enum.GetValues<DeviceStatus>(), s => Assert.False(string.IsNullOrEmpty(DeviceStatusCodes.ToWire(s, DeviceKind.Camera))));
    }

    [Theory]
    [InlineData(DeviceStatus.Frozen)]
    [InlineData(DeviceStatus.NoFrames)]
    [InlineData(DeviceStatus.Degraded)]
    public void ToWire_HotspotStatusItCannotHave_Throws(DeviceStatus status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => status.ToWire(DeviceKind.Hotspot));
    }

    [Fact]
    public void WireValues_Hotspot_UpAndDown()
    {
        Assert.Equal(["up", "down"], DeviceStatusCodes.WireValues(DeviceKind.Hotspot));
    }
}
