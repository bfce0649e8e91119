namespace SituationRoom.Core.Devices;

/// <summary>Share of active devices up now; not average uptime over a window, which is <see cref="Uptime.Sum"/>.</summary>
public sealed record FleetSummary(int Up, int Total, int InMaintenance, int SwitchedOff, int Decommissioned)
{
    public int Down => Total - Up;

    public double? Share => Total > 0 ? (double)Up / Total : null;
}
