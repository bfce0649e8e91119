namespace SituationRoom.Core.Devices;

/// <summary>At least MinDevices and MinShare of an area's active devices dark within Window; closed under RecoveryShare.</summary>
public sealed record AreaIncidentPolicy(int MinDevices, double MinShare, TimeSpan Window, double RecoveryShare)
{
    public static readonly AreaIncidentPolicy Default = new(5, 0.5, TimeSpan.FromMinutes(10), 0.2);

    public int MinDevices { get; init; } = MinDevices >= 1
        ? MinDevices
        : throw new ArgumentOutOfRangeException(nameof(MinDevices), MinDevices, "At least one device.");

    public double MinShare { get; init; } = MinShare is > 0 and <= 1
        ? MinShare
        : throw new ArgumentOutOfRangeException(nameof(MinShare), MinShare, "A share in (0, 1].");

    public TimeSpan Window { get; init; } = Window > TimeSpan.Zero
        ? Window
        : throw new ArgumentOutOfRangeException(nameof(Window), Window, "Must be positive.");

    // Recovery below the opening share, or an incident could close on the same numbers that opened it.
    public double RecoveryShare { get; init; } = RecoveryShare >= 0 && RecoveryShare < MinShare
        ? RecoveryShare
        : throw new ArgumentOutOfRangeException(nameof(RecoveryShare), RecoveryShare, "A share in [0, MinShare).");
}
