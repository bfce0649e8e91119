using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class LivenessTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 14, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly LivenessPolicy Policy = LivenessPolicy.Default;

    [Fact]
    public void OnReport_SameStatus_NothingRecordedAndLastReportMoves()
    {
        var step = Liveness.OnReport(Online(), DeviceStatus.Online, At(60), Policy, Interval);

        Assert.Empty(step.Changes);
        Assert.Equal(At(60), step.State.LastReportAt);
        Assert.Equal(T0, step.State.Since);
    }

    [Fact]
    public void OnReport_FirstDownReportAfterDwell_RecordedAtOnce()
    {
        var step = Liveness.OnReport(Heard(DeviceStatus.Online, 240), DeviceStatus.Offline, At(300), Policy, Interval);

        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(300))], step.Changes);
        Assert.Equal(DeviceStatus.Offline, step.State.Status);
        Assert.Null(step.State.PendingStatus);
    }

    [Fact]
    public void OnReport_DownBeforeDwellHasPassed_RecordedWhenItHasDatedAtDwellEnd()
    {
        var (state, changes) = Feed(Online(), (30, DeviceStatus.Offline), (90, DeviceStatus.Offline));
        Assert.Empty(changes);
        Assert.Equal(DeviceStatus.Offline, state.PendingStatus);

        (state, changes) = Feed(state, (150, DeviceStatus.Offline));

        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(120))], changes);
    }

    [Fact]
    public void OnReport_OneUpReportAfterDown_NotYetRecorded()
    {
        var step = Liveness.OnReport(Offline(), DeviceStatus.Online, At(300), Policy, Interval);

        Assert.Empty(step.Changes);
        Assert.Equal(DeviceStatus.Offline, step.State.Status);
        Assert.Equal(DeviceStatus.Online, step.State.PendingStatus);
        Assert.Equal(1, step.State.PendingCount);
    }

    [Fact]
    public void OnReport_SecondConsecutiveUpReport_RecoveryRecordedAtTheFirst()
    {
        var (state, changes) = Feed(Offline(), (300, DeviceStatus.Online), (360, DeviceStatus.Online));

        Assert.Equal([new StatusChange(DeviceStatus.Offline, DeviceStatus.Online, At(300))], changes);
        Assert.Equal(At(300), state.Since);
    }

    [Fact]
    public void OnReport_UpRunBrokenByDownReport_RunStartsAgain()
    {
        var (state, changes) = Feed(
            Offline(),
            (300, DeviceStatus.Online),
            (360, DeviceStatus.Offline),
            (420, DeviceStatus.Online),
            (480, DeviceStatus.Online));

        Assert.Equal([new StatusChange(DeviceStatus.Offline, DeviceStatus.Online, At(420))], changes);
        Assert.Equal(DeviceStatus.Online, state.Status);
    }

    [Fact]
    public void OnReport_CameraRecoversThroughDegraded_UpRunCountsEitherUpStatus()
    {
        var (state, changes) = Feed(Heard(DeviceStatus.NoFrames, 240), (300, DeviceStatus.Degraded), (360, DeviceStatus.Online));

        Assert.Equal([new StatusChange(DeviceStatus.NoFrames, DeviceStatus.Online, At(300))], changes);
        Assert.Equal(DeviceStatus.Online, state.Status);
    }

    [Fact]
    public void OnReport_ChangeWithinUp_OneReportSuffices()
    {
        var (_, changes) = Feed(Heard(DeviceStatus.Online, 240), (300, DeviceStatus.Degraded));

        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Degraded, At(300))], changes);
    }

    [Fact]
    public void OnReport_ChangeWithinDown_OneReportSuffices()
    {
        var (_, changes) = Feed(Heard(DeviceStatus.NoFrames, 240), (300, DeviceStatus.Frozen));

        Assert.Equal([new StatusChange(DeviceStatus.NoFrames, DeviceStatus.Frozen, At(300))], changes);
    }

    [Fact]
    public void OnReport_ReceivedBeforeLastReport_ChangesNothing()
    {
        var state = Online() with { LastReportAt = At(600) };

        var step = Liveness.OnReport(state, DeviceStatus.Offline, At(540), Policy, Interval);

        Assert.Same(state, step.State);
        Assert.Empty(step.Changes);
    }

    [Fact]
    public void OnReport_DuplicateAtSameReceiveTime_ChangesNothing()
    {
        var first = Liveness.OnReport(Offline(), DeviceStatus.Online, At(300), Policy, Interval);

        var duplicate = Liveness.OnReport(first.State, DeviceStatus.Online, At(300), Policy, Interval);

        Assert.Same(first.State, duplicate.State);
        Assert.Equal(1, duplicate.State.PendingCount);
    }

    [Fact]
    public void OnReport_StaleReportsDeliveredLate_SameHistoryAsWithoutThem()
    {
        var reports = new[] { (60, DeviceStatus.Online), (120, DeviceStatus.Offline), (180, DeviceStatus.Offline), (240, DeviceStatus.Online), (300, DeviceStatus.Online) };
        var withStale = new[] { (60, DeviceStatus.Online), (120, DeviceStatus.Offline), (90, DeviceStatus.Online), (180, DeviceStatus.Offline), (240, DeviceStatus.Online), (120, DeviceStatus.Offline), (300, DeviceStatus.Online) };

        var clean = Feed(Online(), reports);
        var noisy = Feed(Online(), withStale);

        Assert.Equal(clean.Changes, noisy.Changes);
        Assert.Equal(clean.State, noisy.State);
    }

    [Fact]
    public void OnReport_DeviceClockHoursOff_HistoryDependsOnlyOnReceiveTime()
    {
        var received = new[] { 60, 120, 180, 240, 300, 360, 420 };
        var statuses = new[] { DeviceStatus.Online, DeviceStatus.Offline, DeviceStatus.Offline, DeviceStatus.Online, DeviceStatus.Online, DeviceStatus.Online, DeviceStatus.Offline };
        var fast = received.Select((r, i) => (DeviceAt: At(r).AddHours(9), ReceivedAt: At(r), Status: statuses[i]));
        var slow = received.Select((r, i) => (DeviceAt: At(r).AddHours(-7), ReceivedAt: At(r), Status: statuses[i]));

        var fromFast = Run(fast);
        var fromSlow = Run(slow);

        Assert.Equal(fromFast, fromSlow);
        Assert.All(fromFast, c => Assert.InRange(c.At, At(0), At(420)));

        static List<StatusChange> Run(IEnumerable<(DateTimeOffset DeviceAt, DateTimeOffset ReceivedAt, DeviceStatus Status)> reports)
        {
            var state = DeviceLiveState.Start(DeviceStatus.Online, T0);
            var changes = new List<StatusChange>();
            foreach (var report in reports)
            {
                var step = Liveness.OnReport(state, report.Status, report.ReceivedAt, Policy, Interval);
                (state, changes) = (step.State, [.. changes, .. step.Changes]);
            }

            return changes;
        }
    }

    [Fact]
    public void OnReport_FlappingEveryReport_OneDownChangeThenStaysDown()
    {
        var reports = Enumerable.Range(1, 120)
            .Select(i => (i * 60, i % 2 == 0 ? DeviceStatus.Online : DeviceStatus.Offline))
            .ToArray();

        var (state, changes) = Feed(Online(), reports);

        // The first down report (at 60 s) is confirmed by itself and recorded once the dwell allows; recovery never gets two up reports in a row.
        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(120))], changes);
        Assert.Equal(DeviceStatus.Offline, state.Status);
    }

    [Fact]
    public void OnReport_FlappingUpUpDownForHours_AtMostOneChangePerMinDwell()
    {
        var reports = Enumerable.Range(1, 180)
            .Select(i => (i * 60, i % 3 == 0 ? DeviceStatus.Offline : DeviceStatus.Online))
            .ToArray();

        var (_, changes) = Feed(Online(), reports);

        Assert.InRange(changes.Count, 1, (180 / 2) + 1);
        Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Policy.MinDwell));
    }

    [Fact]
    public void OnSilence_BeforeSilenceLimit_NothingRecorded()
    {
        var state = Online() with { LastReportAt = At(600) };

        var step = Liveness.OnSilence(state, At(600 + 179), Policy, Interval);

        Assert.Empty(step.Changes);
    }

    [Fact]
    public void OnSilence_AtSilenceLimit_OfflineDatedAtFirstMissedReport()
    {
        var state = Online() with { LastReportAt = At(600) };

        var step = Liveness.OnSilence(state, At(600 + 180), Policy, Interval);

        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(660))], step.Changes);
        Assert.Equal(At(660), step.State.Since);
    }

    [Fact]
    public void OnSilence_SweepRunsLate_SameDateAsOnTime()
    {
        var state = Online() with { LastReportAt = At(600) };

        var onTime = Liveness.OnSilence(state, At(780), Policy, Interval);
        var late = Liveness.OnSilence(state, At(4000), Policy, Interval);

        Assert.Equal(onTime.Changes, late.Changes);
    }

    [Fact]
    public void OnSilence_AlreadyOffline_NothingRecorded()
    {
        var step = Liveness.OnSilence(Offline(), At(3600), Policy, Interval);

        Assert.Empty(step.Changes);
    }

    [Fact]
    public void OnSilence_SilenceRightAfterAChange_OfflineWaitsForDwell()
    {
        var state = DeviceLiveState.Start(DeviceStatus.Online, T0) with { Since = At(100) };

        Assert.Empty(Liveness.OnSilence(state, At(200), Policy with { SilenceMultiple = 1 }, Interval).Changes);
        var step = Liveness.OnSilence(state, At(220), Policy with { SilenceMultiple = 1 }, Interval);

        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(220))], step.Changes);
    }

    [Fact]
    public void OnSilence_UpRunInterruptedBySilence_RunStartsAgain()
    {
        var (state, _) = Feed(Offline(), (300, DeviceStatus.Online));
        state = Liveness.OnSilence(state, At(300 + 180), Policy, Interval).State;

        var (_, changes) = Feed(state, (600, DeviceStatus.Online));

        Assert.Empty(changes);
    }

    [Fact]
    public void OnSilence_ConfirmedChangeWaitingOnDwell_RecordedBySweep()
    {
        var (state, changes) = Feed(Online(), (30, DeviceStatus.Offline));
        Assert.Empty(changes);

        var step = Liveness.OnSilence(state, At(125), Policy, Interval);

        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(120))], step.Changes);
    }

    [Fact]
    public void OnReport_AfterSilenceTheSweepMissed_OfflineRecordedAsIfTheSweepHadRun()
    {
        var state = Online() with { LastReportAt = At(600) };

        var step = Liveness.OnReport(state, DeviceStatus.Online, At(1200), Policy, Interval);

        Assert.Equal([new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(660))], step.Changes);
        Assert.Equal(DeviceStatus.Online, step.State.PendingStatus);
    }

    [Fact]
    public void OnReport_DownStatusAfterUnnoticedSilence_RecordsOfflineThenTheReportedStatus()
    {
        var state = Online() with { LastReportAt = At(600) };

        var step = Liveness.OnReport(state, DeviceStatus.Frozen, At(1200), Policy, Interval);

        Assert.Equal(
            [
                new StatusChange(DeviceStatus.Online, DeviceStatus.Offline, At(660)),
                new StatusChange(DeviceStatus.Offline, DeviceStatus.Frozen, At(1200)),
            ],
            step.Changes);
    }

    [Fact]
    public void Resume_AfterServerDowntime_DevicesNotDeclaredOffline()
    {
        var state = Online() with { LastReportAt = At(600) };

        state = Liveness.Resume(state, At(3600));

        Assert.Empty(Liveness.OnSilence(state, At(3660), Policy, Interval).Changes);
        Assert.Empty(Liveness.OnReport(state, DeviceStatus.Online, At(3660), Policy, Interval).Changes);
    }

    [Fact]
    public void Resume_EarlierThanLastReport_NoEffect()
    {
        var state = Online() with { LastReportAt = At(600) };

        Assert.Same(state, Liveness.Resume(state, At(300)));
    }

    [Fact]
    public void OnReport_NonPositiveInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Liveness.OnReport(Online(), DeviceStatus.Online, At(60), Policy, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0, 2, 120)]
    [InlineData(3, 0, 120)]
    [InlineData(3, 2, -1)]
    public void LivenessPolicy_OutOfRange_Throws(int silenceMultiple, int recoveryReports, int minDwellSeconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LivenessPolicy(silenceMultiple, recoveryReports, TimeSpan.FromSeconds(minDwellSeconds)));
    }

    [Fact]
    public void OnReportAndOnSilence_AnySequence_HistoryIsOrderedChainedAndNeverShorterThanDwell()
    {
        var input =
            from status in Gen.Elements(Enum.GetValues<DeviceStatus>())
            from gapSeconds in Gen.Frequency((6, Gen.Choose(0, 90)), (1, Gen.Choose(90, 900)))
            from sweep in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (status, gapSeconds, sweep);
        var sequences = Gen.ListOf(input).Select(l => l.ToArray()).ToArbitrary();

        Prop.ForAll(sequences, steps =>
        {
            var state = DeviceLiveState.Start(DeviceStatus.Online, T0);
            var now = T0;
            var changes = new List<StatusChange>();
            foreach (var (status, gap, sweep) in steps)
            {
                now = now.AddSeconds(gap);
                var step = sweep
                    ? Liveness.OnSilence(state, now, Policy, Interval)
                    : Liveness.OnReport(state, status, now, Policy, Interval);
                if (step.Changes.Any(c => c.At > now))
                {
                    return false;
                }

                state = step.State;
                changes.AddRange(step.Changes);
            }

            var chained = changes.Zip(changes.Skip(1)).All(p => p.First.To == p.Second.From && p.Second.At - p.First.At >= Policy.MinDwell);
            var startsRight = changes.Count == 0 || (changes[0].From == DeviceStatus.Online && changes[0].At - T0 >= Policy.MinDwell);
            var endsRight = changes.Count == 0 ? state.Since == T0 : state.Since == changes[^1].At && state.Status == changes[^1].To;
            return chained && startsRight && endsRight && changes.All(c => c.From != c.To);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void OnSilence_SweepsAtAnyTimes_SameHistoryAsNoSweeps()
    {
        var input =
            from status in Gen.Elements(Enum.GetValues<DeviceStatus>())
            from gapSeconds in Gen.Frequency((4, Gen.Choose(1, 90)), (1, Gen.Choose(90, 900)))
            from sweepAfter in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, 900)))
            select (status, gapSeconds, sweepAfter);
        var sequences = Gen.ListOf(input).Select(l => l.ToArray()).ToArbitrary();
        var policies = Gen.Elements(Policy, Policy with { MinDwell = TimeSpan.FromMinutes(10) }, new LivenessPolicy(1, 3, TimeSpan.Zero)).ToArbitrary();

        var property = Prop.ForAll(sequences, policies, (steps, policy) =>
        {
            var swept = Run(steps, policy, sweeps: true);
            var unswept = Run(steps, policy, sweeps: false);
            return swept.State == unswept.State && swept.Changes.SequenceEqual(unswept.Changes);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);

        static (DeviceLiveState State, List<StatusChange> Changes) Run((DeviceStatus, int, int)[] steps, LivenessPolicy policy, bool sweeps)
        {
            var state = DeviceLiveState.Start(DeviceStatus.Online, T0);
            var changes = new List<StatusChange>();
            var now = T0;
            foreach (var (status, gap, sweepAfter) in steps)
            {
                if (sweeps && sweepAfter >= 0 && sweepAfter < gap)
                {
                    var sweep = Liveness.OnSilence(state, now.AddSeconds(sweepAfter), policy, Interval);
                    (state, changes) = (sweep.State, [.. changes, .. sweep.Changes]);
                }

                now = now.AddSeconds(gap);
                var step = Liveness.OnReport(state, status, now, policy, Interval);
                (state, changes) = (step.State, [.. changes, .. step.Changes]);
            }

            var last = Liveness.OnSilence(state, now.AddHours(1), policy, Interval);
            return (last.State, [.. changes, .. last.Changes]);
        }
    }

    private static (DeviceLiveState State, List<StatusChange> Changes) Feed(DeviceLiveState state, params (int Seconds, DeviceStatus Status)[] reports)
    {
        var changes = new List<StatusChange>();
        foreach (var (seconds, status) in reports)
        {
            var step = Liveness.OnReport(state, status, At(seconds), Policy, Interval);
            state = step.State;
            changes.AddRange(step.Changes);
        }

        return (state, changes);
    }

    private static DeviceLiveState Online() => DeviceLiveState.Start(DeviceStatus.Online, T0);

    private static DeviceLiveState Offline() => DeviceLiveState.Start(DeviceStatus.Offline, T0);

    private static DeviceLiveState Heard(DeviceStatus status, int lastReportSeconds) =>
        DeviceLiveState.Start(status, T0) with { LastReportAt = At(lastReportSeconds) };

    private static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);
}
