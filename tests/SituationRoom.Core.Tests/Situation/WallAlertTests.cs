using SituationRoom.Core.Situation;

namespace SituationRoom.Core.Tests.Situation;

public sealed class WallAlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    [Fact]
    public void Open_QuietCity_HasNoAlerts()
    {
        var snapshot = SituationSnapshot.Empty(Now) with { Complaints = ComplaintsPanel.Empty with { Escalated = 300, LastEscalatedAt = Now.AddHours(-1) } };

        Assert.Empty(WallAlert.Open(snapshot, Now, Hold));
    }

    [Fact]
    public void Open_IncidentAndFreshEscalation_IncidentFirstThenEscalation()
    {
        var incident = new AreaIncidentLine("i1", "kelurahan", "33.74.05.1001", "Trimulyo", "Genuk", Now.AddMinutes(-7), 12, 14, 20);
        var snapshot = SituationSnapshot.Empty(Now) with
        {
            AreaIncidents = new AreaIncidentsPanel(new[] { incident }.ToValueList(), 12),
            Complaints = ComplaintsPanel.Empty with { Escalated = 3, LastEscalatedAt = Now.AddSeconds(-30) },
        };

        var alerts = WallAlert.Open(snapshot, Now, Hold);

        Assert.Equal([WallAlertKind.AreaIncident, WallAlertKind.Escalation], alerts.Select(a => a.Kind));
        Assert.Equal("Trimulyo, Genuk", alerts[0].Subject);
        Assert.True(alerts[0].Shows(WallView.Map, MapLayer.Complaints));
        Assert.True(alerts[0].Shows(WallView.Map, MapLayer.Cctv));
        Assert.False(alerts[0].Shows(WallView.Wifi, MapLayer.Wifi));
        Assert.Equal(WallView.Complaints, alerts[1].View);
    }

    [Fact]
    public void Open_KecamatanIncident_NamesTheKecamatanOnce()
    {
        var incident = new AreaIncidentLine("i2", "kecamatan", "33.74.05", "Genuk", "Genuk", Now.AddMinutes(-3), 40, 41, 70);
        var snapshot = SituationSnapshot.Empty(Now) with { AreaIncidents = new AreaIncidentsPanel(new[] { incident }.ToValueList(), 40) };

        Assert.Equal("Genuk", WallAlert.Open(snapshot, Now, Hold).Single().Subject);
    }

    [Fact]
    public void Open_EscalationExactlyAtTheHoldLimit_NoLongerHolds()
    {
        var snapshot = SituationSnapshot.Empty(Now) with { Complaints = ComplaintsPanel.Empty with { LastEscalatedAt = Now - Hold } };

        Assert.Empty(WallAlert.Open(snapshot, Now, Hold));
    }
}
