namespace SituationRoom.Core.Devices;

/// <summary>
/// Turns a device's reports, and its silences, into recorded status changes. Only the server's receive time is
/// used: a device clock that is hours off cannot make a device look alive or dead.
/// </summary>
/// <remarks>
/// <para>Hysteresis, by direction:</para>
/// <list type="bullet">
/// <item>Going down (an up status to a not-up one) needs one report: a dark device is news at once.</item>
/// <item>Coming back up needs <see cref="LivenessPolicy.RecoveryReports"/> consecutive up reports, so a device
/// flapping between up and down stays recorded down instead of writing an interval per report.</item>
/// <item>Within a direction (Online to Degraded, NoFrames to Frozen) one report suffices.</item>
/// <item>In every direction a change waits until the recorded status has held <see cref="LivenessPolicy.MinDwell"/>,
/// so every closed interval in the history lasts at least MinDwell and a flapping device writes at most one
/// change per MinDwell.</item>
/// </list>
/// <para>
/// A change is dated when its first report arrived (or MinDwell after the previous change, if later), not when
/// it was confirmed: confirmation delays the record, it does not move time between up and down. Silence is
/// dated at the first missed report, <c>LastReportAt + reportInterval</c>, for the same reason; the device was
/// not heard from then on. Changes can therefore be dated a few report intervals before the call that records
/// them: rollups of an hour are final only once that delay (plus the sweep period) has passed.
/// </para>
/// <para>
/// A report received at or before <see cref="DeviceLiveState.LastReportAt"/> changes nothing, so duplicates
/// and out-of-order deliveries are harmless. Reports of one batch share a receive time: pass each device's
/// last report in the batch.
/// </para>
/// </remarks>
public static class Liveness
{
    public static LivenessStep OnReport(
        DeviceLiveState state,
        DeviceStatus reported,
        DateTimeOffset receivedAt,
        LivenessPolicy policy,
        TimeSpan reportInterval)
    {
        RequirePositive(reportInterval);
        if (receivedAt <= state.LastReportAt)
        {
            return new LivenessStep(state, []);
        }

        var changes = new List<StatusChange>(2);

        // What fell due since the last report (a silence the sweep has not acted on yet) comes first, so the
        // history is the same whether or not, and whenever, the sweep ran.
        state = Settle(state, receivedAt, policy, reportInterval, changes);
        state = Track(state with { LastReportAt = receivedAt }, reported, receivedAt);
        state = Settle(state, receivedAt, policy, reportInterval, changes);
        return new LivenessStep(state, changes);
    }

    /// <summary>
    /// The periodic sweep: records a confirmed change whose dwell has now passed, and declares a device Offline
    /// once it has been silent for <see cref="LivenessPolicy.SilenceLimit"/>. Offline is dated at the first
    /// missed report (<c>LastReportAt + reportInterval</c>), or MinDwell after the previous change if later.
    /// </summary>
    public static LivenessStep OnSilence(DeviceLiveState state, DateTimeOffset now, LivenessPolicy policy, TimeSpan reportInterval)
    {
        RequirePositive(reportInterval);
        var changes = new List<StatusChange>(2);
        state = Settle(state, now, policy, reportInterval, changes);
        return new LivenessStep(state, changes);
    }

    /// <summary>
    /// After the server itself was down, its silence is not the devices' silence: restart their silence clocks
    /// at <paramref name="resumedAt"/> so a restart does not send the whole fleet Offline.
    /// </summary>
    public static DeviceLiveState Resume(DeviceLiveState state, DateTimeOffset resumedAt) =>
        resumedAt > state.LastReportAt ? state with { LastReportAt = resumedAt } : state;

    private static DeviceLiveState Track(DeviceLiveState state, DeviceStatus reported, DateTimeOffset at)
    {
        if (reported == state.Status)
        {
            return state.WithoutPending();
        }

        if (state.PendingStatus is { } pending && pending.IsUp() == reported.IsUp())
        {
            return state with { PendingStatus = reported, PendingCount = state.PendingCount + 1 };
        }

        return state with { PendingStatus = reported, PendingCount = 1, PendingSince = at };
    }

    /// <summary>
    /// Applies, in the order they fell due, what is due by <paramref name="now"/> without a new report: a confirmed
    /// pending change once its dwell has passed, then silence. A confirmed change was confirmed by a report
    /// before the silence began, so it goes first unless its dwell ends after the silence limit.
    /// </summary>
    private static DeviceLiveState Settle(
        DeviceLiveState state,
        DateTimeOffset now,
        LivenessPolicy policy,
        TimeSpan reportInterval,
        List<StatusChange> changes)
    {
        var dwellEnds = state.Since + policy.MinDwell;
        var silenceFalls = SilenceFalls(state, policy, reportInterval);
        if (state is { PendingStatus: { } pending, PendingSince: { } pendingSince }
            && state.PendingCount >= (pending.IsUp() && !state.Status.IsUp() ? policy.RecoveryReports : 1)
            && Uptime.Max(state.LastReportAt, dwellEnds) is var due && due <= now && due <= silenceFalls)
        {
            var at = Uptime.Max(pendingSince, dwellEnds);
            changes.Add(new StatusChange(state.Status, pending, at));
            state = state.WithoutPending() with { Status = pending, Since = at };
            silenceFalls = SilenceFalls(state, policy, reportInterval);
        }

        if (now < silenceFalls)
        {
            return state;
        }

        // Silence also breaks any run of reports that was building towards a change.
        state = state.WithoutPending();
        if (state.Status == DeviceStatus.Offline)
        {
            return state;
        }

        var offlineAt = Uptime.Max(state.LastReportAt + reportInterval, state.Since + policy.MinDwell);
        changes.Add(new StatusChange(state.Status, DeviceStatus.Offline, offlineAt));
        return state with { Status = DeviceStatus.Offline, Since = offlineAt };
    }

    /// <summary>When silence takes effect: at the silence limit, or once the dwell allows recording Offline.</summary>
    private static DateTimeOffset SilenceFalls(DeviceLiveState state, LivenessPolicy policy, TimeSpan reportInterval)
    {
        var limit = state.LastReportAt + policy.SilenceLimit(reportInterval);
        return state.Status == DeviceStatus.Offline ? limit : Uptime.Max(limit, state.Since + policy.MinDwell);
    }

    private static void RequirePositive(TimeSpan reportInterval)
    {
        if (reportInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reportInterval), reportInterval, "A report interval must be positive.");
        }
    }
}
