namespace SituationRoom.Core.Devices;

public static class DeviceStatusCodes
{
    private static readonly (string Wire, DeviceStatus Status)[] HotspotCodes =
    [
        ("up", DeviceStatus.Online),
        ("down", DeviceStatus.Offline),
    ];

    private static readonly (string Wire, DeviceStatus Status)[] CameraCodes =
    [
        ("online", DeviceStatus.Online),
        ("offline", DeviceStatus.Offline),
        ("degraded", DeviceStatus.Degraded),
        ("no_frames", DeviceStatus.NoFrames),
        ("frozen", DeviceStatus.Frozen),
    ];

    public static IReadOnlyList<string> WireValues(DeviceKind kind) => [.. Codes(kind).Select(c => c.Wire)];

    public static bool TryParse(DeviceKind kind, string? wire, out DeviceStatus status)
    {
        var word = wire?.Trim();
        foreach (var code in Codes(kind))
        {
            if (string.Equals(code.Wire, word, StringComparison.OrdinalIgnoreCase))
            {
                status = code.Status;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string ToWire(this DeviceStatus status, DeviceKind kind)
    {
        foreach (var code in Codes(kind))
        {
            if (code.Status == status)
            {
                return code.Wire;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(status), status, $"A {kind} never reports {status}.");
    }

    private static (string Wire, DeviceStatus Status)[] Codes(DeviceKind kind) => kind switch
    {
        DeviceKind.Hotspot => HotspotCodes,
        DeviceKind.Camera => CameraCodes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
