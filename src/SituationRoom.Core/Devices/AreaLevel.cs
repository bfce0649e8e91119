namespace SituationRoom.Core.Devices;

public enum AreaLevel
{
    Kelurahan,
    Kecamatan,
}
