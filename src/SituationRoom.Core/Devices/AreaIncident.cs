using System.Globalization;

namespace SituationRoom.Core.Devices;

/// <param name="Id">From area and start, so replaying the same transitions after a restart finds the same incident.</param>
/// <param name="DevicesAffected">Devices that have been dark in it, including those back since.</param>
/// <param name="MergedInto">Set on a kelurahan incident taken over by its kecamatan's.</param>
public sealed record AreaIncident(
    string Id,
    AreaLevel Level,
    string AreaCode,
    DateTimeOffset OpenedAt,
    int DevicesDark,
    int DevicesAffected,
    int DevicesInArea,
    DateTimeOffset? ClosedAt = null,
    string? MergedInto = null)
{
    public bool IsOpen => ClosedAt is null;

    public AreaKey Area => new(Level, AreaCode);

    public static string IdFor(AreaKey area, DateTimeOffset openedAt) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(area.Level == AreaLevel.Kecamatan ? "kec" : "kel")}-{area.Code}-{openedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
}
