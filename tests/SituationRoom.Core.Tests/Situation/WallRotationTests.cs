using SituationRoom.Core.Situation;

namespace SituationRoom.Core.Tests.Situation;

public sealed class WallRotationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private static readonly WallPlaylist Playlist =
        WallPlaylist.Parse("overview:30,map-wifi:20,league:10", _ => TimeSpan.FromSeconds(30)).Playlist!;

    private static readonly WallAlert Incident = new(WallAlertKind.AreaIncident, WallView.Map, null, T0, "Genuk");

    private static readonly WallAlert Escalation = new(WallAlertKind.Escalation, WallView.Complaints, null, T0, "");

    [Fact]
    public void Next_BeforeTheSlotEnds_StaysPut()
    {
        var start = WallRotationState.Start(Playlist, T0);

        var next = WallRotation.Next(Playlist, start, [], T0.AddSeconds(29));

        Assert.Equal(start, next);
    }

    [Fact]
    public void Next_SlotsRunOut_MovesOnAndWrapsAround()
    {
        var state = WallRotationState.Start(Playlist, T0);
        var seen = new List<string>();
        for (var t = 0; t <= 130; t++)
        {
            state = WallRotation.Next(Playlist, state, [], T0.AddSeconds(t));
            if (seen.Count == 0 || seen[^1] != $"{state.Index}@{(state.Since - T0).TotalSeconds}")
            {
                seen.Add($"{state.Index}@{(state.Since - T0).TotalSeconds}");
            }
        }

        Assert.Equal(["0@0", "1@30", "2@50", "0@60", "1@90", "2@110", "0@120"], seen);
    }

    [Fact]
    public void Next_AreaIncidentOpens_JumpsToTheMapSlotAndHoldsPastItsTime()
    {
        var state = WallRotationState.Start(Playlist, T0);

        state = WallRotation.Next(Playlist, state, [Incident], T0.AddSeconds(5));
        var later = WallRotation.Next(Playlist, state, [Incident], T0.AddMinutes(30));

        Assert.Equal((1, WallView.Map, MapLayer.Wifi), (state.Index, state.View, state.Layer));
        Assert.Equal(Incident, later.Hold);
        Assert.Equal(state with { Hold = Incident }, later);
    }

    [Fact]
    public void Next_IncidentCloses_ResumesWithTheSlotAfterTheHeldOneForItsFullTime()
    {
        var held = WallRotation.Next(Playlist, WallRotationState.Start(Playlist, T0), [Incident], T0.AddSeconds(5));

        var resumed = WallRotation.Next(Playlist, held, [], T0.AddMinutes(10));
        var stillThere = WallRotation.Next(Playlist, resumed, [], T0.AddMinutes(10).AddSeconds(9));

        Assert.Null(resumed.Hold);
        Assert.Equal((2, WallView.League, T0.AddMinutes(10)), (resumed.Index, resumed.View, resumed.Since));
        Assert.Equal(resumed, stillThere);
    }

    [Fact]
    public void Next_EventForAViewOutsideThePlaylist_ShowsItAnywayThenResumesAfterTheInterruptedSlot()
    {
        var state = WallRotation.Next(Playlist, WallRotationState.Start(Playlist, T0), [Escalation], T0.AddSeconds(3));

        Assert.Equal((0, WallView.Complaints), (state.Index, state.View));
        Assert.Equal(Escalation, state.Hold);

        var resumed = WallRotation.Next(Playlist, state, [], T0.AddSeconds(60));
        Assert.Equal((1, WallView.Map), (resumed.Index, resumed.View));
    }

    [Fact]
    public void Next_OnAViewThatShowsOneOfSeveralEvents_StaysThere()
    {
        var onMap = WallRotation.Next(Playlist, WallRotationState.Start(Playlist, T0), [Incident], T0);

        var next = WallRotation.Next(Playlist, onMap, [Escalation, Incident], T0.AddSeconds(40));

        Assert.Equal(WallView.Map, next.View);
        Assert.Equal(Incident, next.Hold);
    }

    [Fact]
    public void DueAt_StartedSlot_IsItsStartPlusItsDuration()
    {
        var state = WallRotationState.Start(Playlist, T0);

        Assert.Equal(T0.AddSeconds(30), WallRotation.DueAt(Playlist, state));
    }
}
