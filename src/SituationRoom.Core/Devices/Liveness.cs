namespace SituationRoom.Core.Devices;

/// <summary>Turns reports, by server receive time only, and silences into recorded status changes.</summary>
/// <remarks>
/// Down takes one report, back up takes RecoveryReports consecutive up reports, and nothing is recorded until
/// the current status has held MinDwell: a flapping device writes at most one change per MinDwell. Changes are
/// dated at their first report and silence at the first missed report, so honest uptime may date a change a
/// few intervals back. A report at or before LastReportAt is ignored; a batch shares one receive time, so pass
/// each device's last report in it.
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

        // Most reports change nothing: the list is made only for a change (this runs for every report).
        List<StatusChange>? changes = null;

        // What fell due before this report comes first, so the history never depends on when the sweep ran.
        state = Settle(state, receivedAt, policy, reportInterval, ref changes);
        state = Track(state with { LastReportAt = receivedAt }, reported, receivedAt);
        state = Settle(state, receivedAt, policy, reportInterval, ref changes);
        return new LivenessStep(state, (IReadOnlyList<StatusChange>?)changes ?? []);
    }

    /// <summary>The periodic sweep: Offline after the silence limit, dated LastReportAt + reportInterval (or at the dwell's end).</summary>
    public static LivenessStep OnSilence(DeviceLiveState state, DateTimeOffset now, LivenessPolicy policy, TimeSpan reportInterval)
    {
        RequirePositive(reportInterval);
        List<StatusChange>? changes = null;
        state = Settle(state, now, policy, reportInterval, ref changes);
        return new LivenessStep(state, (IReadOnlyList<StatusChange>?)changes ?? []);
    }

    /// <summary>The server's own downtime is not the devices' silence: call on start so a restart does not darken the fleet.</summary>
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

    // A confirmed change goes before silence unless its dwell ends later: events apply in the order they fell due.
    private static DeviceLiveState Settle(
        DeviceLiveState state,
        DateTimeOffset now,
        LivenessPolicy policy,
        TimeSpan reportInterval,
        ref List<StatusChange>? changes)
    {
        var dwellEnds = state.Since + policy.MinDwell;
        var silenceFalls = SilenceFalls(state, policy, reportInterval);
        if (state is { PendingStatus: { } pending, PendingSince: { } pendingSince }
            && state.PendingCount >= (pending.IsUp() && !state.Status.IsUp() ? policy.RecoveryReports : 1)
            && Uptime.Max(state.LastReportAt, dwellEnds) is var due && due <= now && due <= silenceFalls)
        {
            var at = Uptime.Max(pendingSince, dwellEnds);
            (changes ??= new List<StatusChange>(2)).Add(new StatusChange(state.Status, pending, at));
            state = state.WithoutPending() with { Status = pending, Since = at };
            silenceFalls = SilenceFalls(state, policy, reportInterval);
        }

        if (now < silenceFalls)
        {
            return state;
        }

        state = state.WithoutPending();
        if (state.Status == DeviceStatus.Offline)
        {
            return state;
        }

        var offlineAt = Uptime.Max(state.LastReportAt + reportInterval, state.Since + policy.MinDwell);
        (changes ??= new List<StatusChange>(2)).Add(new StatusChange(state.Status, DeviceStatus.Offline, offlineAt));
        return state with { Status = DeviceStatus.Offline, Since = offlineAt };
    }

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
