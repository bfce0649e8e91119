namespace SituationRoom.Core.Devices;

public readonly record struct AreaKey(AreaLevel Level, string Code)
{
    public static AreaKey Kelurahan(string code) => new(AreaLevel.Kelurahan, code);

    public static AreaKey Kecamatan(string code) => new(AreaLevel.Kecamatan, code);
}
