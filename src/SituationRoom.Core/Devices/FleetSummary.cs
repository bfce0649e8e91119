namespace SituationRoom.Core.Devices;

/// <summary>
/// The share of the fleet up now: active devices in an up status out of active devices. Devices in
/// maintenance, switched off by decision or decommissioned are counted beside it, never in it.
/// Not to be confused with average uptime over a window (<see cref="Uptime.Sum"/>).
/// </summary>
public sealed record FleetSummary(int Up, int Total, int InMaintenance, int SwitchedOff, int Decommissioned)
{
    public int Down => Total - Up;

    /// <summary>Up / total active, or null for a fleet with no active device.</summary>
    public double? Share => Total > 0 ? (double)Up / Total : null;
}
