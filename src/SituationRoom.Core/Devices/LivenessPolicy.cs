namespace SituationRoom.Core.Devices;

/// <summary>When silence means Offline, and how much agreement a new status needs before it enters the history.</summary>
/// <param name="SilenceMultiple">Report intervals without a report before the device is declared Offline.</param>
/// <param name="RecoveryReports">Consecutive up reports a down device needs before it is recorded up again.</param>
/// <param name="MinDwell">The least time a recorded status holds before the next change may be recorded.</param>
public sealed record LivenessPolicy(int SilenceMultiple, int RecoveryReports, TimeSpan MinDwell)
{
    public static readonly LivenessPolicy Default = new(3, 2, TimeSpan.FromMinutes(2));

    public int SilenceMultiple { get; init; } = SilenceMultiple >= 1
        ? SilenceMultiple
        : throw new ArgumentOutOfRangeException(nameof(SilenceMultiple), SilenceMultiple, "At least one report interval.");

    public int RecoveryReports { get; init; } = RecoveryReports >= 1
        ? RecoveryReports
        : throw new ArgumentOutOfRangeException(nameof(RecoveryReports), RecoveryReports, "At least one report.");

    public TimeSpan MinDwell { get; init; } = MinDwell >= TimeSpan.Zero
        ? MinDwell
        : throw new ArgumentOutOfRangeException(nameof(MinDwell), MinDwell, "Cannot be negative.");

    /// <summary>How long a device with this report interval may stay silent before it is declared Offline.</summary>
    public TimeSpan SilenceLimit(TimeSpan reportInterval) => reportInterval * SilenceMultiple;
}
