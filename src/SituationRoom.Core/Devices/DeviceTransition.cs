namespace SituationRoom.Core.Devices;

/// <summary>An active device crossing between up and not up; without a kelurahan it counts for its kecamatan only.</summary>
public sealed record DeviceTransition(string DeviceId, string KecamatanCode, string? KelurahanCode, bool IsUp, DateTimeOffset At);
