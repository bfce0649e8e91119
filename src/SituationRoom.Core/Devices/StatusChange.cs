namespace SituationRoom.Core.Devices;

/// <summary>A change recorded in a device's history: the interval in <see cref="From"/> closes and one in <see cref="To"/> opens at <see cref="At"/>.</summary>
public sealed record StatusChange(DeviceStatus From, DeviceStatus To, DateTimeOffset At);
