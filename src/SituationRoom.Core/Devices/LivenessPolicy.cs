namespace SituationRoom.Core.Devices;

/// <summary>Silence limit in report intervals, up reports needed to recover, and the least time between recorded changes.</summary>
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

    public TimeSpan SilenceLimit(TimeSpan reportInterval) => reportInterval * SilenceMultiple;
}
