namespace SituationRoom.Core.Devices;

internal sealed record DarkDevice(AreaKey Kecamatan, AreaKey? Kelurahan, DateTimeOffset Since)
{
    public IEnumerable<AreaKey> Areas => Kelurahan is { } kelurahan ? [Kecamatan, kelurahan] : [Kecamatan];
}
