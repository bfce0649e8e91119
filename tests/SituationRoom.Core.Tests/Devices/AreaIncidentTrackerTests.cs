using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

public sealed class AreaIncidentTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 14, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly AreaIncidentPolicy Policy = AreaIncidentPolicy.Default;

    /// <summary>16 kecamatan of 10 kelurahan of 40 active devices each: 6,400 devices.</summary>
    private static readonly Device[] City =
    [
        .. from kecamatan in Enumerable.Range(1, 16)
           from kelurahan in Enumerable.Range(1, 10)
           from n in Enumerable.Range(1, 40)
           let kecamatanCode = $"33.74.{kecamatan:00}"
           let kelurahanCode = $"{kecamatanCode}.{1000 + kelurahan}"
           select new Device($"{kelurahanCode}/{n:00}", kecamatanCode, kelurahanCode),
    ];

    private static readonly AreaPopulation Population = AreaPopulation.Count(City.Select(d => (d.Kecamatan, (string?)d.Kelurahan)));

    [Fact]
    public void OnTransition_ThirtyOfFortyInAKelurahanWithinThreeMinutes_ExactlyOneIncidentThatClosesWhenTheyReturn()
    {
        var dark = InKelurahan("33.74.01.1001").Take(30).ToArray();
        var run = new Run();

        run.Feed(dark.Select((d, i) => d.Down(T0.AddSeconds(i * 6))));

        var opened = Assert.Single(run.Events, e => e.Kind == AreaIncidentEventKind.Opened).Incident;
        Assert.Equal((AreaLevel.Kelurahan, "33.74.01.1001"), (opened.Level, opened.AreaCode));
        Assert.Equal(T0, opened.OpenedAt);
        var open = Assert.Single(run.State.OpenIncidents);
        Assert.Equal((30, 30, 40), (open.DevicesDark, open.DevicesAffected, open.DevicesInArea));
        Assert.Equal(opened.Id, open.Id);

        var back = T0.AddMinutes(40);
        run.Feed(dark.Select((d, i) => d.Up(back.AddSeconds(i * 10))));

        var closed = Assert.Single(run.Events, e => e.Kind == AreaIncidentEventKind.Closed).Incident;
        Assert.Equal(opened.Id, closed.Id);
        Assert.Equal(back.AddSeconds(22 * 10), closed.ClosedAt);
        Assert.Null(closed.MergedInto);
        Assert.Single(run.Events, e => e.Kind == AreaIncidentEventKind.Opened);
        Assert.Empty(run.State.OpenIncidents);
    }

    [Fact]
    public void OnTransition_ScatteredFailuresAcrossTheCity_NoIncident()
    {
        var random = new Random(2025);
        var transitions = new List<DeviceTransition>();
        foreach (var device in City.OrderBy(_ => random.Next()).Take(600))
        {
            var down = T0.AddSeconds(random.Next(0, 3 * 3600));
            transitions.Add(device.Down(down));
            if (random.NextDouble() < 0.7)
            {
                transitions.Add(device.Up(down.AddMinutes(random.Next(2, 90))));
            }
        }

        var run = new Run();
        run.Feed(transitions.OrderBy(t => t.At));

        Assert.DoesNotContain(run.Events, e => e.Kind == AreaIncidentEventKind.Opened);
        Assert.Empty(run.State.OpenIncidents);
    }

    [Fact]
    public void OnTransition_DeviceGoesDarkWhileIncidentIsOpen_JoinsIt()
    {
        var kelurahan = InKelurahan("33.74.02.1003").ToArray();
        var run = new Run();
        run.Feed(kelurahan.Take(25).Select((d, i) => d.Down(T0.AddSeconds(i * 5))));
        var before = run.Events.Count;

        run.Feed([kelurahan[30].Down(T0.AddMinutes(45))]);

        var update = Assert.Single(run.Events.Skip(before));
        Assert.Equal(AreaIncidentEventKind.Updated, update.Kind);
        Assert.Equal((26, 26), (update.Incident.DevicesDark, update.Incident.DevicesAffected));
        Assert.Single(run.State.OpenIncidents);
    }

    [Fact]
    public void OnTransition_WholeKecamatanGoesDark_KelurahanIncidentsMergedIntoOneKecamatanIncident()
    {
        var kelurahans = Enumerable.Range(1, 8).Select(k => InKelurahan($"33.74.05.{1000 + k}").ToArray()).ToArray();
        var interleaved = Enumerable.Range(0, 40).SelectMany(n => kelurahans.Select(k => k[n])).ToArray();
        var run = new Run();

        run.Feed(interleaved.Select((d, i) => d.Down(T0.AddSeconds(i))));

        var incident = Assert.Single(run.State.OpenIncidents);
        Assert.Equal((AreaLevel.Kecamatan, "33.74.05"), (incident.Level, incident.AreaCode));
        Assert.Equal((320, 400), (incident.DevicesDark, incident.DevicesInArea));
        var merged = run.Events.Where(e => e.Kind == AreaIncidentEventKind.Closed).Select(e => e.Incident).ToList();
        Assert.Equal(8, merged.Count);
        Assert.All(merged, m => Assert.Equal(incident.Id, m.MergedInto));
        Assert.Equal(9, run.Events.Count(e => e.Kind == AreaIncidentEventKind.Opened));

        run.Feed(InKelurahan("33.74.05.1009").Take(25).Select((d, i) => d.Down(T0.AddMinutes(20).AddSeconds(i))));
        Assert.Equal(9, run.Events.Count(e => e.Kind == AreaIncidentEventKind.Opened));

        var before = run.Events.Count;
        run.Feed(interleaved.Concat(InKelurahan("33.74.05.1009").Take(25)).Select((d, i) => d.Up(T0.AddHours(2).AddSeconds(i))));
        var closed = Assert.Single(run.Events.Skip(before), e => e.Kind == AreaIncidentEventKind.Closed);
        Assert.Equal(incident.Id, closed.Incident.Id);
        Assert.Empty(run.State.OpenIncidents);
    }

    [Fact]
    public void OnTransitions_CityWideBlackout_OneIncidentPerKecamatan()
    {
        var random = new Random(17);
        var blackout = City.Select(d => d.Down(T0.AddSeconds(random.Next(0, 300)))).ToList();

        var step = AreaIncidentTracker.OnTransitions(AreaIncidentState.Empty, blackout, Population, Policy);

        Assert.Equal(16, step.State.OpenIncidents.Count);
        Assert.All(step.State.OpenIncidents, i => Assert.Equal((AreaLevel.Kecamatan, 400), (i.Level, i.DevicesDark)));
    }

    [Fact]
    public void OnTransition_FewDevicesOfALargeArea_NoIncident()
    {
        var run = new Run();

        run.Feed(InKelurahan("33.74.03.1002").Take(19).Select((d, i) => d.Down(T0.AddSeconds(i * 5))));

        Assert.Empty(run.Events);
    }

    [Fact]
    public void OnTransition_SmallAreaBelowMinimumDeviceCount_NoIncident()
    {
        var tiny = Enumerable.Range(1, 4).Select(n => new Device($"tiny/{n}", "33.74.16", "33.74.16.9999")).ToArray();
        var population = AreaPopulation.Count(tiny.Select(d => (d.Kecamatan, (string?)d.Kelurahan)));
        var state = AreaIncidentState.Empty;

        var step = AreaIncidentTracker.OnTransitions(state, tiny.Select(d => d.Down(T0)), population, Policy);

        Assert.Empty(step.Events);
    }

    [Fact]
    public void OnTransition_DevicesGoingDarkOneByOneOverHours_NoIncident()
    {
        var run = new Run();

        run.Feed(InKelurahan("33.74.04.1001").Take(35).Select((d, i) => d.Down(T0.AddMinutes(i * 4))));

        Assert.Empty(run.Events);
        Assert.Equal(35, run.State.DarkDevices);
    }

    [Fact]
    public void OnTransition_DevicesDarkSinceYesterday_NeitherStartNorHoldAnIncident()
    {
        var kelurahan = InKelurahan("33.74.06.1004").ToArray();
        var run = new Run();
        run.Feed(kelurahan.Take(12).Select((d, i) => d.Down(T0.AddDays(-1).AddMinutes(i))));
        run.Feed(kelurahan.Skip(12).Take(19).Select((d, i) => d.Down(T0.AddSeconds(i))));
        Assert.Empty(run.Events);

        run.Feed(kelurahan.Skip(31).Take(1).Select(d => d.Down(T0.AddSeconds(30))));
        var opened = Assert.Single(run.Events).Incident;
        Assert.Equal(20, opened.DevicesDark);

        run.Feed(kelurahan.Skip(12).Take(20).Select((d, i) => d.Up(T0.AddHours(1).AddSeconds(i))));
        Assert.Empty(run.State.OpenIncidents);
        Assert.Equal(12, run.State.DarkDevices);
    }

    [Fact]
    public void OnTransitions_SameOutageInAnyOrder_SameIncidentId()
    {
        var transitions = InKelurahan("33.74.07.1005").Take(24).Select((d, i) => d.Down(T0.AddSeconds(i * 7))).ToArray();

        var inOrder = AreaIncidentTracker.OnTransitions(AreaIncidentState.Empty, transitions, Population, Policy);
        var shuffled = AreaIncidentTracker.OnTransitions(AreaIncidentState.Empty, transitions.AsEnumerable().Reverse(), Population, Policy);

        Assert.Equal("kel-33.74.07.1005-20251014T010000Z", Assert.Single(inOrder.State.OpenIncidents).Id);
        Assert.Equal(inOrder.State.OpenIncidents, shuffled.State.OpenIncidents);
    }

    [Fact]
    public void OnTransition_ThresholdCrossedByALateDelivery_StillOneIncidentFromTheFirstDevice()
    {
        var dark = InKelurahan("33.74.08.1002").Take(20).ToArray();
        var run = new Run();

        run.Feed(dark.Skip(1).Select((d, i) => d.Down(T0.AddSeconds((i + 1) * 10))));
        run.Feed([dark[0].Down(T0)]);

        var opened = Assert.Single(run.Events).Incident;
        Assert.Equal(T0, opened.OpenedAt);
    }

    [Fact]
    public void OnTransition_NewOutageRightAfterOneCloses_NewIncidentWithItsOwnIdAndOnlyNewDevices()
    {
        var kelurahan = InKelurahan("33.74.12.1003").ToArray();
        var run = new Run();
        run.Feed(kelurahan.Take(30).Select((d, i) => d.Down(T0.AddSeconds(i))));
        run.Feed(kelurahan.Take(23).Select((d, i) => d.Up(T0.AddMinutes(2).AddSeconds(i))));
        var first = Assert.Single(run.Events, e => e.Kind == AreaIncidentEventKind.Closed).Incident;

        run.Feed(kelurahan.Skip(30).Concat(kelurahan.Take(15)).Select((d, i) => d.Down(T0.AddMinutes(4).AddSeconds(i))));

        var second = Assert.Single(run.State.OpenIncidents);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(T0.AddMinutes(4), second.OpenedAt);
        Assert.Equal(25, second.DevicesDark);
    }

    [Fact]
    public void OnTransition_SameDeviceReportedDarkTwice_CountedOnce()
    {
        var dark = InKelurahan("33.74.09.1007").Take(22).ToArray();
        var run = new Run();

        run.Feed(dark.Select((d, i) => d.Down(T0.AddSeconds(i))));
        run.Feed([dark[3].Down(T0.AddMinutes(1))]);

        Assert.Equal(22, Assert.Single(run.State.OpenIncidents).DevicesDark);
        Assert.Equal(22, run.State.DarkDevices);
    }

    [Fact]
    public void OnTransition_ReturnOfADeviceNeverDark_Ignored()
    {
        var step = AreaIncidentTracker.OnTransition(AreaIncidentState.Empty, City[0].Up(T0), Population, Policy);

        Assert.Same(AreaIncidentState.Empty, step.State);
        Assert.Empty(step.Events);
    }

    [Fact]
    public void OnDeviceInactive_CamerasSwitchedOffByDecision_IncidentCloses()
    {
        var dark = InKelurahan("33.74.10.1001").Take(30).ToArray();
        var run = new Run();
        run.Feed(dark.Select((d, i) => d.Down(T0.AddSeconds(i))));

        var remaining = City.Except(dark).ToArray();
        var population = AreaPopulation.Count(remaining.Select(d => (d.Kecamatan, (string?)d.Kelurahan)));
        foreach (var device in dark)
        {
            var step = AreaIncidentTracker.OnDeviceInactive(run.State, device.Id, T0.AddHours(1), population, Policy);
            run.State = step.State;
            run.Events.AddRange(step.Events);
        }

        Assert.Contains(run.Events, e => e.Kind == AreaIncidentEventKind.Closed);
        Assert.Empty(run.State.OpenIncidents);
        Assert.Equal(0, run.State.DarkDevices);
    }

    [Fact]
    public void OnTransition_DevicesWithoutKelurahan_CountAtKecamatanLevel()
    {
        var devices = Enumerable.Range(1, 10).Select(n => new Device($"pole/{n}", "33.74.11", null)).ToArray();
        var population = AreaPopulation.Count(devices.Select(d => (d.Kecamatan, d.Kelurahan)));

        var step = AreaIncidentTracker.OnTransitions(AreaIncidentState.Empty, devices.Take(6).Select((d, i) => d.Down(T0.AddSeconds(i))), population, Policy);

        var incident = Assert.Single(step.State.OpenIncidents);
        Assert.Equal((AreaLevel.Kecamatan, "33.74.11", 6, 10), (incident.Level, incident.AreaCode, incident.DevicesDark, incident.DevicesInArea));
    }

    [Fact]
    public void OnTransition_RecoveryShareZero_ClosesWhenTheLastDeviceReturns()
    {
        var dark = InKelurahan("33.74.13.1001").Take(25).ToArray();
        var policy = Policy with { RecoveryShare = 0 };
        var state = AreaIncidentTracker.OnTransitions(AreaIncidentState.Empty, dark.Select(d => d.Down(T0)), Population, policy).State;

        var step = AreaIncidentTracker.OnTransitions(state, dark.Select((d, i) => d.Up(T0.AddHours(1).AddSeconds(i))), Population, policy);

        Assert.Equal(T0.AddHours(1).AddSeconds(24), Assert.Single(step.Events, e => e.Kind == AreaIncidentEventKind.Closed).Incident.ClosedAt);
    }

    [Theory]
    [InlineData(0, 0.5, 10, 0.2)]
    [InlineData(5, 0, 10, 0.2)]
    [InlineData(5, 1.5, 10, 0.2)]
    [InlineData(5, 0.5, 0, 0.2)]
    [InlineData(5, 0.5, 10, 0.5)]
    [InlineData(5, 0.5, 10, -0.1)]
    public void AreaIncidentPolicy_OutOfRange_Throws(int minDevices, double minShare, int windowMinutes, double recoveryShare)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AreaIncidentPolicy(minDevices, minShare, TimeSpan.FromMinutes(windowMinutes), recoveryShare));
    }

    private static IEnumerable<Device> InKelurahan(string code) => City.Where(d => d.Kelurahan == code);

    private sealed record Device(string Id, string Kecamatan, string? Kelurahan)
    {
        public DeviceTransition Down(DateTimeOffset at) => new(Id, Kecamatan, Kelurahan, IsUp: false, at);

        public DeviceTransition Up(DateTimeOffset at) => new(Id, Kecamatan, Kelurahan, IsUp: true, at);
    }

    /// <summary>Feeds transitions one at a time, as the live path does, and keeps every event.</summary>
    private sealed class Run
    {
        public AreaIncidentState State { get; set; } = AreaIncidentState.Empty;

        public List<AreaIncidentEvent> Events { get; } = [];

        public void Feed(IEnumerable<DeviceTransition> transitions)
        {
            foreach (var transition in transitions)
            {
                var step = AreaIncidentTracker.OnTransition(State, transition, Population, Policy);
                State = step.State;
                Events.AddRange(step.Events);
            }
        }
    }
}
