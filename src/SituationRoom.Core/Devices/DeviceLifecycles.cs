namespace SituationRoom.Core.Devices;

/// <summary>Lifecycles as the registry API writes them: active, maintenance, switched_off, decommissioned.</summary>
public static class DeviceLifecycles
{
    private static readonly (string Wire, DeviceLifecycle Lifecycle)[] Codes =
    [
        ("active", DeviceLifecycle.Active),
        ("maintenance", DeviceLifecycle.Maintenance),
        ("switched_off", DeviceLifecycle.SwitchedOff),
        ("decommissioned", DeviceLifecycle.Decommissioned),
    ];

    public static IReadOnlyList<string> WireValues { get; } = [.. Codes.Select(c => c.Wire)];

    public static DeviceLifecycle? Parse(string? wire)
    {
        var word = wire?.Trim();
        foreach (var (code, lifecycle) in Codes)
        {
            if (string.Equals(code, word, StringComparison.OrdinalIgnoreCase))
            {
                return lifecycle;
            }
        }

        return null;
    }

    public static string ToWire(DeviceLifecycle lifecycle) => Codes.First(c => c.Lifecycle == lifecycle).Wire;
}
