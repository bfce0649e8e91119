namespace SituationRoom.Core.Devices;

public sealed record StatusChange(DeviceStatus From, DeviceStatus To, DateTimeOffset At);
