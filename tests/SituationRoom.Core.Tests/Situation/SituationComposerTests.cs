using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;

namespace SituationRoom.Core.Tests.Situation;

public sealed class SituationComposerTests
{
    // 10:00 WIB on 20 November 2026.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private static readonly SituationNames Names = new(
        new Dictionary<string, string> { ["DPU"] = "DPU", ["DLH"] = "DLH" },
        new Dictionary<string, string> { ["33.74.05"] = "Genuk", ["33.74.06"] = "Pedurungan" });

    [Fact]
    public void Complaints_MixedFacts_CountsOpenNewTodayOverdueAndTriage()
    {
        var facts = new[]
        {
            Complaint(1, ComplaintStatus.InProgress, "DPU", received: Now.AddDays(-12)),
            Complaint(2, ComplaintStatus.Received, null, received: Now.AddHours(-2)),
            Complaint(3, ComplaintStatus.Resolved, "DLH", received: Now.AddDays(-5), closed: Now.AddDays(-1)),
            Complaint(4, ComplaintStatus.HandedOver, "DLH", received: Now.AddDays(-3)),
            Complaint(5, ComplaintStatus.Rejected, "DPU", received: Now.AddHours(-1), closed: Now.AddMinutes(-30)),
        };

        var panel = SituationComposer.Complaints(facts, Now, Names, Now);

        Assert.Equal(3, panel.Open);
        Assert.Equal(2, panel.NewToday);
        Assert.Equal(1, panel.Overdue);
        Assert.Equal(1, panel.InTriage);
        Assert.Equal(2, panel.ClosedLast30Days);
        Assert.Equal(2, panel.ClosedWithinSlaLast30Days);
        Assert.Equal(["DPU", "DLH"], panel.WorstBacklogs.Select(b => b.OpdCode));
        Assert.Equal(1, panel.WorstBacklogs[0].Overdue);
    }

    [Fact]
    public void Complaints_ReceivedJustBeforeMidnightWib_IsNotNewToday()
    {
        var lateYesterday = new DateTimeOffset(2026, 11, 19, 16, 59, 0, TimeSpan.Zero);
        var earlyToday = new DateTimeOffset(2026, 11, 19, 17, 0, 0, TimeSpan.Zero);

        var panel = SituationComposer.Complaints(
            [Complaint(1, ComplaintStatus.Received, "DPU", lateYesterday), Complaint(2, ComplaintStatus.Received, "DPU", earlyToday)],
            Now,
            Names,
            Now);

        Assert.Equal(1, panel.NewToday);
    }

    [Fact]
    public void Complaints_NothingClosed_WithinSlaShareIsUnknownNotZero()
    {
        var panel = SituationComposer.Complaints([Complaint(1, ComplaintStatus.Received, "DPU", Now)], Now, Names, Now);

        Assert.Null(panel.WithinSlaShare);
    }

    [Fact]
    public void Complaints_SameFactsTwice_GiveEqualPanels()
    {
        var facts = new[] { Complaint(1, ComplaintStatus.InProgress, "DPU", Now.AddDays(-1)) };

        Assert.Equal(SituationComposer.Complaints(facts, Now, Names, Now), SituationComposer.Complaints(facts, Now, Names, Now));
    }

    [Fact]
    public void Wifi_InactiveHotspots_AreShownApartAndNeverCountedDown()
    {
        var devices = new[]
        {
            Device("W1", DeviceKind.Hotspot, DeviceStatus.Online, DeviceLifecycle.Active, "33.74.05"),
            Device("W2", DeviceKind.Hotspot, DeviceStatus.Offline, DeviceLifecycle.Active, "33.74.05"),
            Device("W3", DeviceKind.Hotspot, DeviceStatus.Offline, DeviceLifecycle.Maintenance, "33.74.06"),
            Device("W4", DeviceKind.Hotspot, DeviceStatus.Offline, DeviceLifecycle.Decommissioned, "33.74.06"),
        };

        var panel = SituationComposer.Wifi(devices, Now, Names);

        Assert.Equal(2, panel.Active);
        Assert.Equal(1, panel.Up);
        Assert.Equal(1, panel.Down);
        Assert.Equal(2, panel.NotActive);
        Assert.Equal(0.5, panel.UpShare);
    }

    [Fact]
    public void Wifi_HotspotDownForSixOfTheLast24Hours_Has75PercentUptime()
    {
        var history = new[]
        {
            new StatusInterval(DeviceStatus.Online, Now.AddDays(-2), Now.AddHours(-6)),
            new StatusInterval(DeviceStatus.Offline, Now.AddHours(-6), null),
        };
        var device = Device("W1", DeviceKind.Hotspot, DeviceStatus.Offline, DeviceLifecycle.Active, "33.74.05") with { Recent = history };

        var panel = SituationComposer.Wifi([device], Now, Names);

        Assert.Equal(0.75, panel.Uptime24h);
        Assert.Equal("Genuk", panel.WorstKecamatan.Single().Name);
    }

    [Fact]
    public void Cctv_NoFramesAndFrozen_AreDarkAndSwitchedOffIsCountedApart()
    {
        var cameras = new[]
        {
            Device("C1", DeviceKind.Camera, DeviceStatus.Online, DeviceLifecycle.Active, "33.74.05"),
            Device("C2", DeviceKind.Camera, DeviceStatus.Degraded, DeviceLifecycle.Active, "33.74.05"),
            Device("C3", DeviceKind.Camera, DeviceStatus.NoFrames, DeviceLifecycle.Active, "33.74.05"),
            Device("C4", DeviceKind.Camera, DeviceStatus.Frozen, DeviceLifecycle.Active, "33.74.05", since: Now.AddDays(-2)),
            Device("C5", DeviceKind.Camera, DeviceStatus.Offline, DeviceLifecycle.SwitchedOff, "33.74.05"),
        };

        var panel = SituationComposer.Cctv(cameras, Now, Names);

        Assert.Equal(4, panel.Active);
        Assert.Equal(2, panel.Online);
        Assert.Equal(1, panel.Degraded);
        Assert.Equal(2, panel.Dark);
        Assert.Equal(1, panel.DarkOver24h);
        Assert.Equal(1, panel.SwitchedOff);
    }

    [Fact]
    public void Complaints_OpenByPlace_CountsPerKecamatanAndTheLatestEscalation()
    {
        var facts = new[]
        {
            Complaint(1, ComplaintStatus.InProgress, "DPU", received: Now.AddDays(-12)) with { EscalatesAt = Now.AddDays(-4) },
            Complaint(2, ComplaintStatus.Received, null, received: Now.AddHours(-2)) with { KecamatanCode = "33.74.06", EscalatesAt = Now.AddMinutes(-1) },
            Complaint(3, ComplaintStatus.Received, "DPU", received: Now.AddHours(-1)) with { EscalatesAt = Now.AddDays(2) },
            Complaint(4, ComplaintStatus.Resolved, "DLH", received: Now.AddDays(-5), closed: Now.AddDays(-1)),
            Complaint(5, ComplaintStatus.Received, null, received: Now.AddHours(-1)) with { KecamatanCode = null },
        };

        var panel = SituationComposer.Complaints(facts, Now, Names, Now);

        Assert.Equal([new AreaComplaints("33.74.05", 2, 1), new AreaComplaints("33.74.06", 1, 0)], panel.ByKecamatan);
        Assert.Equal(Now.AddMinutes(-1), panel.LastEscalatedAt);
    }

    [Fact]
    public void Map_StreamsReportSomeAreas_EveryKecamatanGetsALineWithZerosOrNothingWhereUnreported()
    {
        var complaints = ComplaintsPanel.Empty with { ByKecamatan = new[] { new AreaComplaints("33.74.05", 7, 2) }.ToValueList() };
        var wifi = WifiPanel.Empty with { ByKecamatan = new[] { new AreaHealth("33.74.06", "Pedurungan", 10, 9, 0.95) }.ToValueList() };
        var cctv = CctvPanel.Empty with { ByKecamatan = new[] { new AreaHealth("33.74.05", "Genuk", 40, 31, null) }.ToValueList() };
        var incident = new AreaIncidentLine("i", "kelurahan", "33.74.06.1003", "Tlogosari Kulon", "Pedurungan", Now, 5, 5, 8);

        var map = SituationComposer.Map(Names, complaints, wifi, cctv, new AreaIncidentsPanel(new[] { incident }.ToValueList(), 5));

        Assert.Equal(
            [
                new KecamatanFigures("33.74.05", "Genuk", 7, 2, 0, 0, null, 40, 31, false),
                new KecamatanFigures("33.74.06", "Pedurungan", 0, 0, 10, 9, 0.95, 0, 0, true),
            ],
            map.Areas);
        Assert.Equal(9, map.Areas[0].CamerasDark);
    }

    private static ComplaintFact Complaint(long id, ComplaintStatus status, string? opd, DateTimeOffset received, DateTimeOffset? closed = null) =>
        new(id, $"LH-2026-{id:000000}", status, ComplaintChannel.Sms, opd, "33.74.05", "jalan", received, received.AddDays(10), closed, null, "teks");

    private static DeviceFact Device(string id, DeviceKind kind, DeviceStatus status, DeviceLifecycle lifecycle, string kecamatan, DateTimeOffset? since = null) =>
        new(id, kind, "DISKOMINFO", kecamatan, null, lifecycle, status, since ?? Now.AddHours(-1), Now, [new StatusInterval(status, since ?? Now.AddHours(-1), null)]);
}
