using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public sealed class AutomaticIndicatorsTests
{
    private static readonly DateTimeOffset MonthStart = new(2026, 10, 31, 17, 0, 0, TimeSpan.Zero);
    private static readonly TimeWindow November = new(MonthStart, MonthStart.AddDays(30));
    private static readonly DateTimeOffset Now = MonthStart.AddDays(20);

    [Fact]
    public void Compute_ComplaintsClosedOnTimeAndLate_GivesSlaShareAndMeanLateness()
    {
        var complaints = new[]
        {
            Closed(due: MonthStart.AddDays(5), closed: MonthStart.AddDays(4)),
            Closed(due: MonthStart.AddDays(5), closed: MonthStart.AddDays(7)),
            Closed(due: MonthStart.AddDays(5), closed: MonthStart.AddDays(9)),
            Closed(due: MonthStart.AddDays(8), closed: MonthStart.AddDays(6)),
        };

        var readings = AutomaticIndicators.Compute(complaints, [], November, Now);

        Assert.Equal(50, readings[AutomaticIndicators.SlaMet].Value);
        Assert.Equal(4, readings[AutomaticIndicators.SlaMet].Weight);
        Assert.Equal(3, readings[AutomaticIndicators.MeanDaysLate].Value);
    }

    [Fact]
    public void Compute_OpenComplaintPastDueInWindow_CountsAsMissed()
    {
        var open = new ComplaintOutcome(ComplaintStatus.InProgress, MonthStart.AddDays(10), null, Now.AddDays(-1), 0);

        var readings = AutomaticIndicators.Compute([open], [], November, Now);

        Assert.Equal(0, readings[AutomaticIndicators.SlaMet].Value);
        Assert.Equal(10, readings[AutomaticIndicators.MeanDaysLate].Value!.Value, 6);
    }

    [Fact]
    public void Compute_OpenComplaintNotYetDue_IsNotJudged()
    {
        var open = new ComplaintOutcome(ComplaintStatus.InProgress, Now.AddDays(3), null, Now, 0);

        var readings = AutomaticIndicators.Compute([open], [], November, Now);

        Assert.Null(readings[AutomaticIndicators.SlaMet].Value);
        Assert.Null(readings[AutomaticIndicators.MeanDaysLate].Value);
    }

    [Fact]
    public void Compute_AllOnTime_MeanDaysLateIsZeroNotUnknown()
    {
        var readings = AutomaticIndicators.Compute([Closed(MonthStart.AddDays(5), MonthStart.AddDays(2))], [], November, Now);

        Assert.Equal(0, readings[AutomaticIndicators.MeanDaysLate].Value);
    }

    [Fact]
    public void Compute_ReopenedComplaint_LowersNotReopenedShare()
    {
        var complaints = new[]
        {
            Closed(MonthStart.AddDays(9), MonthStart.AddDays(2)),
            Closed(MonthStart.AddDays(9), MonthStart.AddDays(3)) with { ReopenCount = 1 },
        };

        var readings = AutomaticIndicators.Compute(complaints, [], November, Now);

        Assert.Equal(50, readings[AutomaticIndicators.NotReopened].Value);
    }

    [Fact]
    public void Compute_NoComplaintsNoDevices_EveryReadingIsNotApplicable()
    {
        var readings = AutomaticIndicators.Compute([], [], November, Now);

        Assert.All(readings.Values, r => Assert.Null(r.Value));
    }

    [Fact]
    public void Compute_PastWindow_DoesNotJudgeCurrentFreshness()
    {
        var october = new TimeWindow(MonthStart.AddDays(-31), MonthStart);

        var readings = AutomaticIndicators.Compute([Closed(MonthStart.AddDays(-5), MonthStart.AddDays(-6))], [], october, Now);

        Assert.False(readings.ContainsKey(AutomaticIndicators.ComplaintsUpdated));
        Assert.False(readings.ContainsKey(AutomaticIndicators.FeedsConnected));
    }

    [Fact]
    public void Compute_Devices_UptimeOnlyFromActiveOnesAndSwitchedOffPullsSystemicDown()
    {
        var devices = new[]
        {
            Hotspot(DeviceLifecycle.Active, [new StatusInterval(DeviceStatus.Online, MonthStart, MonthStart.AddDays(15)), new StatusInterval(DeviceStatus.Offline, MonthStart.AddDays(15), null)], Now),
            Hotspot(DeviceLifecycle.Active, [new StatusInterval(DeviceStatus.Online, MonthStart, null)], Now.AddMinutes(-1)),
            Hotspot(DeviceLifecycle.SwitchedOff, [new StatusInterval(DeviceStatus.Offline, MonthStart, null)], null),
            Hotspot(DeviceLifecycle.Decommissioned, [], null),
        };

        var readings = AutomaticIndicators.Compute([], devices, November, Now);

        Assert.Equal(87.5, readings[AutomaticIndicators.HotspotUptime].Value!.Value, 6);
        Assert.Null(readings[AutomaticIndicators.CameraUptime].Value);
        Assert.Equal(200.0 / 3, readings[AutomaticIndicators.FeedsConnected].Value!.Value, 6);
        Assert.Equal(100, readings[AutomaticIndicators.AssetsReporting].Value);
    }

    private static ComplaintOutcome Closed(DateTimeOffset due, DateTimeOffset closed) =>
        new(ComplaintStatus.Resolved, due, closed, closed, 0);

    private static DeviceStanding Hotspot(DeviceLifecycle lifecycle, StatusInterval[] history, DateTimeOffset? lastReport) =>
        new(DeviceKind.Hotspot, lifecycle, lastReport, TimeSpan.FromMinutes(1), history);
}
