namespace SituationRoom.Core.Devices;

public static class Fleet
{
    public static FleetSummary UpNow(IEnumerable<(DeviceLifecycle Lifecycle, DeviceStatus Status)> devices)
    {
        int up = 0, total = 0, maintenance = 0, switchedOff = 0, decommissioned = 0;
        foreach (var (lifecycle, status) in devices)
        {
            switch (lifecycle)
            {
                case DeviceLifecycle.Active:
                    total++;
                    up += status.IsUp() ? 1 : 0;
                    break;
                case DeviceLifecycle.Maintenance:
                    maintenance++;
                    break;
                case DeviceLifecycle.SwitchedOff:
                    switchedOff++;
                    break;
                case DeviceLifecycle.Decommissioned:
                    decommissioned++;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(devices), lifecycle, "Unknown lifecycle.");
            }
        }

        return new FleetSummary(up, total, maintenance, switchedOff, decommissioned);
    }
}
